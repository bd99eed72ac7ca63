import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { CYCLE_STAGE_LABELS, type CycleWorkAbilities } from "../../../../contract/cycle-work";
import { CYCLE_STAGES, CycleStage } from "../../../../contract/cycles";
import { SelectField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { formatDateTime } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import { cycleMeetingsQuery, useTieMeeting, useUntieMeeting } from "./cycle-work.api";

type SectionProps = { communityId: string; cycleId: string; can: CycleWorkAbilities };

/** The team's meetings held for the cycle, by stage, and tying another meeting to a stage. */
export function CycleMeetings({ cycleId, can }: SectionProps) {
  const meetings = useQuery(cycleMeetingsQuery(cycleId));
  const tie = useTieMeeting(cycleId);
  const untie = useUntieMeeting(cycleId);
  const [meetingId, setMeetingId] = useState("");
  const [stage, setStage] = useState<CycleStage>("learning_needs");
  return (
    <section className="panel" aria-labelledby="cycle-meetings-heading">
      <h2 id="cycle-meetings-heading">Meetings by stage</h2>
      <FormAlert message={(tie.error ?? untie.error)?.message ?? null} />
      <QueryResult query={meetings} loadingLabel="Loading the meetings…">
        {(data) => (
          <>
            {data.items.length ? (
              <dl className="details">
                {CYCLE_STAGES.filter((s) => data.items.some((m) => m.stage === s)).map((s) => (
                  <div key={s}>
                    <dt>{CYCLE_STAGE_LABELS[s]}</dt>
                    {data.items
                      .filter((m) => m.stage === s)
                      .map((m) => (
                        <dd key={m.meetingId}>
                          <Link to="/meetings/$meetingId" params={{ meetingId: m.meetingId }}>
                            {m.title}
                          </Link>{" "}
                          <span className="muted">{formatDateTime(m.startsAt)}</span>
                          {can.contribute ? (
                            <>
                              {" "}
                              <button
                                type="button"
                                className="button button-secondary"
                                onClick={() => untie.mutate(m.meetingId)}
                                disabled={untie.isPending}
                              >
                                Untie <span className="visually-hidden">{m.title}</span>
                              </button>
                            </>
                          ) : null}
                        </dd>
                      ))}
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted">No meeting tied to a stage yet.</p>
            )}
            {can.contribute && data.available.length ? (
              <form
                className="form"
                onSubmit={(event) => {
                  event.preventDefault();
                  if (meetingId) tie.mutate({ meetingId, stage }, { onSuccess: () => setMeetingId("") });
                }}
              >
                <SelectField label="Meeting" value={meetingId} onChange={(event) => setMeetingId(event.target.value)}>
                  <option value="">Choose…</option>
                  {data.available.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title} · {formatDateTime(m.startsAt)}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label="Stage"
                  value={stage}
                  onChange={(event) => setStage(CycleStage.parse(event.target.value))}
                >
                  {CYCLE_STAGES.map((s) => (
                    <option key={s} value={s}>
                      {CYCLE_STAGE_LABELS[s]}
                    </option>
                  ))}
                </SelectField>
                <div className="actions">
                  <button type="submit" className="button" disabled={!meetingId || tie.isPending}>
                    Tie meeting to the stage
                  </button>
                </div>
              </form>
            ) : null}
          </>
        )}
      </QueryResult>
    </section>
  );
}
