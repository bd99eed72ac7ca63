import { type FormEvent, useState } from "react";
import type { AssessmentDetail } from "../../../../contract/assessments";
import { ApiError } from "../../api/client";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { StandardCode } from "../standards/StandardCode";
import { formatPoints } from "./assessment-format";
import { useSaveItems } from "./assessments.api";
import styles from "./ItemsEditor.module.css";

type Row = { key: number; id?: string; label: string; maxPoints: string; correctResponse: string; targetIds: string[] };

let nextKey = 0;
const toRows = (items: AssessmentDetail["items"]): Row[] =>
  items.map((item) => ({
    key: nextKey++,
    id: item.id,
    label: item.label,
    maxPoints: formatPoints(item.maxPoints),
    correctResponse: item.correctResponse ?? "",
    targetIds: item.targetIds,
  }));

/** The items in order: label, points, the learning targets each measures, and the keyed answer if any. */
export function ItemsEditor({ assessment }: { assessment: AssessmentDetail }) {
  const saveItems = useSaveItems(assessment.id);
  const [rows, setRows] = useState<Row[]>(() => toRows(assessment.items));
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [confirmText, setConfirmText] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const canEdit = assessment.can.update === true;
  const change = (key: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  };
  const move = (index: number, offset: number) => {
    const next = [...rows];
    const [moving] = next.splice(index, 1);
    if (moving) next.splice(index + offset, 0, moving);
    setRows(next);
  };

  function send(confirmDeleteScores: boolean) {
    setProblem(NO_PROBLEM);
    const items = rows.map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      label: row.label,
      maxPoints: Number(row.maxPoints),
      correctResponse: row.correctResponse.trim() || null,
      targetIds: row.targetIds,
    }));
    saveItems.mutate(
      { items, confirmDeleteScores },
      {
        onSuccess: (detail) => {
          setRows(toRows(detail.items));
          setConfirmText(null);
          setSaved(true);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) return setConfirmText(error.detail ?? error.title);
          setConfirmText(null);
          setProblem(problemFromError(error));
        },
      },
    );
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    send(false);
  }

  if (assessment.targetChoices.length === 0) {
    return (
      <p className="notice">Write the team's learning targets first (Essential standards), then align items to them.</p>
    );
  }
  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Items">
      <FormAlert message={problem.message} />
      <div className="table-scroll">
        <table className={`data-table ${styles.table}`}>
          <caption className="visually-hidden">Items of the assessment</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Label</th>
              <th scope="col">Points</th>
              <th scope="col">Learning targets</th>
              <th scope="col">Correct response</th>
              {canEdit ? <th scope="col">Order</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const error = (field: string) => problem.fields[`items/${index}/${field}`];
              const targetError = Object.entries(problem.fields).find(([path]) =>
                path.startsWith(`items/${index}/targetIds`),
              )?.[1];
              return (
                <tr key={row.key}>
                  <th scope="row">{index + 1}</th>
                  <td>
                    <input
                      aria-label={`Label of item ${index + 1}`}
                      value={row.label}
                      maxLength={120}
                      disabled={!canEdit}
                      aria-invalid={error("label") ? true : undefined}
                      onChange={(event) => change(row.key, { label: event.target.value })}
                    />
                    {error("label") ? <p className="field-error">{error("label")}</p> : null}
                  </td>
                  <td>
                    <input
                      aria-label={`Points of item ${index + 1}`}
                      className={styles.points}
                      inputMode="decimal"
                      value={row.maxPoints}
                      disabled={!canEdit}
                      aria-invalid={error("maxPoints") ? true : undefined}
                      onChange={(event) => change(row.key, { maxPoints: event.target.value })}
                    />
                    {error("maxPoints") ? <p className="field-error">{error("maxPoints")}</p> : null}
                  </td>
                  <td>
                    <fieldset className={styles.targets}>
                      <legend className="visually-hidden">Learning targets of item {index + 1}</legend>
                      {assessment.targetChoices.map((target) => (
                        <label key={target.id} className={styles.target}>
                          <input
                            type="checkbox"
                            disabled={!canEdit}
                            checked={row.targetIds.includes(target.id)}
                            onChange={(event) =>
                              change(row.key, {
                                targetIds: event.target.checked
                                  ? [...row.targetIds, target.id]
                                  : row.targetIds.filter((id) => id !== target.id),
                              })
                            }
                          />{" "}
                          {target.standardCode ? <StandardCode code={target.standardCode} /> : null} {target.statement}
                        </label>
                      ))}
                      {targetError ? <p className="field-error">{targetError}</p> : null}
                    </fieldset>
                  </td>
                  <td>
                    <input
                      aria-label={`Correct response of item ${index + 1}`}
                      className={styles.response}
                      value={row.correctResponse}
                      maxLength={200}
                      disabled={!canEdit}
                      onChange={(event) => change(row.key, { correctResponse: event.target.value })}
                    />
                  </td>
                  {canEdit ? (
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          disabled={index === 0}
                          onClick={() => move(index, -1)}
                        >
                          Up<span className="visually-hidden"> item {index + 1}</span>
                        </button>
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          disabled={index === rows.length - 1}
                          onClick={() => move(index, 1)}
                        >
                          Down<span className="visually-hidden"> item {index + 1}</span>
                        </button>
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
                        >
                          Remove<span className="visually-hidden"> item {index + 1}</span>
                        </button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canEdit ? (
        <div className="actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              setRows([
                ...rows,
                {
                  key: nextKey++,
                  label: String(rows.length + 1),
                  maxPoints: "1",
                  correctResponse: "",
                  targetIds: rows.at(-1)?.targetIds ?? [],
                },
              ])
            }
          >
            Add item
          </button>
          <button type="submit" className="button" disabled={saveItems.isPending}>
            Save items
          </button>
          <span role="status" className="save-status">
            {saved ? "Items saved." : ""}
          </span>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirmText !== null}
        title="Delete scores already entered?"
        confirmLabel="Delete the scores and save"
        isPending={saveItems.isPending}
        onCancel={() => setConfirmText(null)}
        onConfirm={() => send(true)}
      >
        <p>{confirmText}</p>
      </ConfirmDialog>
    </form>
  );
}
