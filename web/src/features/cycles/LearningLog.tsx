import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type CycleWorkAbilities, LEARNING_ACTIVITY_LABELS, type LearningEntry } from "../../../../contract/cycle-work";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Dialog } from "../../components/Dialog";
import { FormAlert } from "../../components/FormAlert";
import { formatDay } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import { TableScroll } from "../../components/TableScroll";
import { learningLogQuery, useAddLearningEntry, useDeleteLearningEntry } from "./cycle-work.api";
import styles from "./LearningLog.module.css";
import { LearningLogForm } from "./LearningLogForm";

type SectionProps = { communityId: string; cycleId: string; can: CycleWorkAbilities };

/** "1 h 30 min" for 90 minutes. */
function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours ? `${hours} h${rest ? ` ${rest} min` : ""}` : `${rest} min`;
}

/** Stage 3: the team's professional learning log, with totals per person and per kind. */
export function LearningLog({ communityId, cycleId, can }: SectionProps) {
  const log = useQuery(learningLogQuery(cycleId));
  const remove = useDeleteLearningEntry(cycleId);
  const restore = useAddLearningEntry(cycleId);
  const [editing, setEditing] = useState<LearningEntry | null>(null);
  const [deleting, setDeleting] = useState<LearningEntry | null>(null);
  const [removed, setRemoved] = useState<LearningEntry | null>(null);

  function handleConfirmDelete() {
    if (!deleting) return;
    const entry = deleting;
    remove.mutate(entry.id, {
      onSuccess: () => {
        setDeleting(null);
        setRemoved(entry);
      },
    });
  }

  function handleUndo() {
    if (!removed) return;
    const { kind, description, minutes, learnedOn, protocol, resource, visit } = removed;
    restore.mutate(
      {
        kind,
        description,
        minutes,
        learnedOn,
        protocolId: protocol?.id ?? null,
        resourceId: resource?.id ?? null,
        visitId: visit?.id ?? null,
      },
      { onSuccess: () => setRemoved(null) },
    );
  }

  return (
    <section className="panel" aria-labelledby="learning-log-heading">
      <h2 id="learning-log-heading">Professional learning</h2>
      {removed ? (
        <p role="status">
          Entry removed.{" "}
          <button type="button" className="button button-secondary" onClick={handleUndo} disabled={restore.isPending}>
            Undo
          </button>
        </p>
      ) : null}
      <QueryResult query={log} loadingLabel="Loading the learning log…">
        {(data) => (
          <>
            {data.entries.length ? (
              <>
                <p>Total: {formatMinutes(data.totalMinutes)}</p>
                <TableScroll label="Minutes by person">
                  <table className="data-table">
                    <caption>Minutes by person</caption>
                    <thead>
                      <tr>
                        <th scope="col">Person</th>
                        <th scope="col">Entries</th>
                        <th scope="col">Time</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.byPerson.map((row) => (
                        <tr key={row.person.id}>
                          <th scope="row">{row.person.name}</th>
                          <td>{row.entries}</td>
                          <td>{formatMinutes(row.minutes)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <table className="data-table">
                  <caption>Minutes by kind of learning</caption>
                  <thead>
                    <tr>
                      <th scope="col">Kind</th>
                      <th scope="col">Entries</th>
                      <th scope="col">Time</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.byKind.map((row) => (
                      <tr key={row.kind}>
                        <th scope="row">{LEARNING_ACTIVITY_LABELS[row.kind]}</th>
                        <td>{row.entries}</td>
                        <td>{formatMinutes(row.minutes)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <ul className={styles.entries}>
                  {data.entries.map((entry) => (
                    <li key={entry.id}>
                      <p>
                        <strong>{entry.person.name}</strong> · {LEARNING_ACTIVITY_LABELS[entry.kind]} ·{" "}
                        {formatMinutes(entry.minutes)} · {formatDay(entry.learnedOn)}
                      </p>
                      <p>{entry.description}</p>
                      {[entry.protocol, entry.resource, entry.visit].some(Boolean) ? (
                        <p className="muted">
                          Links:{" "}
                          {[
                            entry.protocol && `protocol ${entry.protocol.title ?? "(not shared with you)"}`,
                            entry.resource && `resource ${entry.resource.title ?? "(not shared with you)"}`,
                            entry.visit && `visit ${entry.visit.title ?? "(not shared with you)"}`,
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </p>
                      ) : null}
                      {entry.can.update || entry.can.delete ? (
                        <div className="actions">
                          {entry.can.update ? (
                            <button type="button" className="button button-secondary" onClick={() => setEditing(entry)}>
                              Edit <span className="visually-hidden">entry of {formatDay(entry.learnedOn)}</span>
                            </button>
                          ) : null}
                          {entry.can.delete ? (
                            <button
                              type="button"
                              className="button button-secondary"
                              onClick={() => setDeleting(entry)}
                            >
                              Delete <span className="visually-hidden">entry of {formatDay(entry.learnedOn)}</span>
                            </button>
                          ) : null}
                        </div>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="muted">Nobody has logged learning for this cycle yet.</p>
            )}
          </>
        )}
      </QueryResult>
      {can.contribute ? (
        <>
          <h3>Log what you learned</h3>
          <LearningLogForm communityId={communityId} cycleId={cycleId} />
        </>
      ) : null}
      <Dialog open={editing !== null} title="Edit learning entry" onClose={() => setEditing(null)}>
        {editing ? (
          <LearningLogForm
            key={editing.id}
            communityId={communityId}
            cycleId={cycleId}
            entry={editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this entry?"
        confirmLabel="Delete entry"
        onConfirm={handleConfirmDelete}
        onCancel={() => setDeleting(null)}
        isPending={remove.isPending}
        error={remove.error ? remove.error.message : null}
      >
        <p>You can undo this right after.</p>
      </ConfirmDialog>
      <FormAlert message={restore.error ? restore.error.message : null} />
    </section>
  );
}
