import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  type CycleWorkAbilities,
  IMPLEMENTATION_OUTCOME_LABELS,
  type ImplementationList,
} from "../../../../contract/cycle-work";
import { SelectField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { formatDateTime, formatDay } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import { TableScroll } from "../../components/TableScroll";
import { VISIT_STATUS_LABELS } from "../visits/visit-format";
import { visitListQuery } from "../visits/visits.api";
import {
  cycleVisitsQuery,
  implementationsQuery,
  strategiesQuery,
  useDeleteImplementation,
  useTieVisit,
  useUntieVisit,
} from "./cycle-work.api";
import { ImplementationForm } from "./ImplementationForm";

type SectionProps = { communityId: string; cycleId: string; can: CycleWorkAbilities };
type Counts = ImplementationList["byStrategy"][number];

function OutcomeCells({ row }: { row: Omit<Counts, "strategy"> }) {
  return (
    <>
      <td>{row.applications}</td>
      <td>{row.went_well}</td>
      <td>{row.mixed}</td>
      <td>{row.did_not_work}</td>
    </>
  );
}

function OutcomeHead({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">Applications</th>
        <th scope="col">{IMPLEMENTATION_OUTCOME_LABELS.went_well}</th>
        <th scope="col">{IMPLEMENTATION_OUTCOME_LABELS.mixed}</th>
        <th scope="col">{IMPLEMENTATION_OUTCOME_LABELS.did_not_work}</th>
      </tr>
    </thead>
  );
}

/** Stage 5: each member's applications of the strategies with their classes, summed, and the visits that support them. */
export function Implementation({ cycleId, can }: SectionProps) {
  const list = useQuery(implementationsQuery(cycleId));
  const strategies = useQuery(strategiesQuery(cycleId));
  const remove = useDeleteImplementation(cycleId);
  return (
    <section className="panel" aria-labelledby="implementation-heading">
      <h2 id="implementation-heading">Implementation</h2>
      <FormAlert message={remove.error ? remove.error.message : null} />
      <QueryResult query={list} loadingLabel="Loading the applications…">
        {(data) => (
          <>
            {data.items.length ? (
              <>
                <TableScroll label="By strategy">
                  <table className="data-table">
                    <caption>By strategy</caption>
                    <OutcomeHead first="Strategy" />
                    <tbody>
                      {data.byStrategy.map((row) => (
                        <tr key={row.strategy.id}>
                          <th scope="row">{row.strategy.title}</th>
                          <OutcomeCells row={row} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <table className="data-table">
                  <caption>By member</caption>
                  <OutcomeHead first="Member" />
                  <tbody>
                    {data.byMember.map((row) => (
                      <tr key={row.person.id}>
                        <th scope="row">{row.person.name}</th>
                        <OutcomeCells row={row} />
                      </tr>
                    ))}
                  </tbody>
                </table>
                <ul>
                  {data.items.map((item) => (
                    <li key={item.id}>
                      {formatDay(item.appliedOn)} · {item.person.name} · {item.strategy?.title ?? "Removed strategy"}{" "}
                      with {item.class?.title ?? "a class"} · {IMPLEMENTATION_OUTCOME_LABELS[item.outcome]}
                      {item.note ? <span className="muted"> · {item.note}</span> : null}
                      {item.can.delete ? (
                        <>
                          {" "}
                          <button
                            type="button"
                            className="button button-secondary"
                            onClick={() => remove.mutate(item.id)}
                            disabled={remove.isPending}
                          >
                            Remove <span className="visually-hidden">application of {formatDay(item.appliedOn)}</span>
                          </button>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="muted">No application logged yet.</p>
            )}
            {can.contribute ? (
              <>
                <h3>Log an application</h3>
                {data.myClasses.length ? (
                  <ImplementationForm
                    cycleId={cycleId}
                    strategies={(strategies.data?.items ?? []).map((s) => ({
                      id: s.resource.id,
                      title: s.resource.title,
                    }))}
                    myClasses={data.myClasses}
                  />
                ) : (
                  <p className="muted">
                    You teach no class on the roster, so there is none to log an application with.
                  </p>
                )}
              </>
            ) : null}
          </>
        )}
      </QueryResult>
      <CycleVisits cycleId={cycleId} can={can} />
    </section>
  );
}

/** Classroom visits and coaching tied to the cycle; a visit's focus only for those who took part in it. */
function CycleVisits({ cycleId, can }: { cycleId: string; can: CycleWorkAbilities }) {
  const visits = useQuery(cycleVisitsQuery(cycleId));
  const mine = useQuery({ ...visitListQuery, enabled: can.contribute });
  const tie = useTieVisit(cycleId);
  const untie = useUntieVisit(cycleId);
  const [visitId, setVisitId] = useState("");
  const tied = new Set((visits.data?.items ?? []).map((v) => v.id));
  return (
    <>
      <h3>Visits and coaching</h3>
      <FormAlert message={(tie.error ?? untie.error)?.message ?? null} />
      <QueryResult
        query={visits}
        loadingLabel="Loading the visits…"
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">No visit tied to this cycle yet.</p>}
      >
        {(data) => (
          <ul>
            {data.items.map((visit) => (
              <li key={visit.id}>
                {visit.readable ? `${visit.focus} · ${visit.host?.name ?? ""}` : "A visit you did not take part in"} ·{" "}
                {VISIT_STATUS_LABELS[visit.status]}
                {visit.startsAt ? ` · ${formatDateTime(visit.startsAt)}` : null}
                {can.contribute ? (
                  <>
                    {" "}
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => untie.mutate(visit.id)}
                      disabled={untie.isPending}
                    >
                      Untie <span className="visually-hidden">visit</span>
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryResult>
      {can.contribute ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (visitId) tie.mutate(visitId, { onSuccess: () => setVisitId("") });
          }}
        >
          <SelectField label="One of your visits" value={visitId} onChange={(event) => setVisitId(event.target.value)}>
            <option value="">Choose…</option>
            {(mine.data?.items ?? [])
              .filter((v) => !tied.has(v.id))
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {v.focus}
                </option>
              ))}
          </SelectField>
          <div className="actions">
            <button type="submit" className="button" disabled={!visitId || tie.isPending}>
              Tie visit to the cycle
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
