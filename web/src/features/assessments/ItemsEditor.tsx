import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { type AssessmentDetail, ItemsInput } from "../../../../contract/assessments";
import { ApiError } from "../../api/client";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { StandardCode } from "../standards/StandardCode";
import { formatPoints } from "./assessment-format";
import { useSaveItems } from "./assessments.api";
import styles from "./ItemsEditor.module.css";

/** An item as typed; `itemId` is the stored item's, absent for a new one. */
type Row = { itemId?: string; label: string; maxPoints: string; correctResponse: string; targetIds: string[] };
type ItemsValues = { items: Row[] };

const MAX_ITEMS = 300;

const toValues = (items: AssessmentDetail["items"]): ItemsValues => ({
  items: items.map((item) => ({
    itemId: item.id,
    label: item.label,
    maxPoints: formatPoints(item.maxPoints),
    correctResponse: item.correctResponse ?? "",
    targetIds: item.targetIds,
  })),
});

const toInput = ({ items }: ItemsValues) => ({
  items: items.map((row) => ({
    ...(row.itemId ? { id: row.itemId } : {}),
    label: row.label,
    maxPoints: row.maxPoints.trim() === "" ? null : Number(row.maxPoints),
    correctResponse: row.correctResponse.trim() || null,
    targetIds: row.targetIds,
  })),
});

/** Words for an item's points the schema refuses, by the rule that failed. */
const pointsMessage = (code: string) => (code === "invalid_type" ? "Enter the item's points as a number." : undefined);

const MESSAGES = Object.fromEntries(
  Array.from({ length: MAX_ITEMS }, (_, index) => [
    [`items/${index}/label`, "Give the item a label."],
    [`items/${index}/maxPoints`, pointsMessage],
  ]).flat(),
);

/** The items in order: label, points, the learning targets each measures, and the keyed answer if any. */
export function ItemsEditor({ assessment }: { assessment: AssessmentDetail }) {
  const saveItems = useSaveItems(assessment.id);
  /** The items that would delete scores, held while the team confirms. */
  const [confirming, setConfirming] = useState<{ text: string; input: ItemsInput } | null>(null);
  const [saved, setSaved] = useState(false);
  const canEdit = assessment.can.update === true;
  const form = useContractForm<typeof ItemsInput, ItemsValues>({
    schema: ItemsInput,
    defaultValues: toValues(assessment.items),
    toInput,
    messages: MESSAGES,
    onValid: send,
  });
  const rows = useFieldArray({ control: form.control, name: "items" });
  const values = form.watch("items");

  function send(input: ItemsInput) {
    saveItems.mutate(input, {
      onSuccess: (detail) => {
        form.reset(toValues(detail.items));
        setConfirming(null);
        setSaved(true);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409)
          return setConfirming({ text: error.detail ?? error.title, input });
        setConfirming(null);
        form.showProblem(error);
      },
    });
  }

  if (assessment.targetChoices.length === 0) {
    return (
      <p className="notice">Write the team's learning targets first (Essential standards), then align items to them.</p>
    );
  }
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} onChange={() => setSaved(false)} noValidate aria-label="Items">
      <FormAlert message={form.formMessage} />
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
            {rows.fields.map((row, index) => {
              const error = (field: string) => form.fieldError(`items/${index}/${field}`);
              const targetIds = values[index]?.targetIds ?? [];
              return (
                <tr key={row.id}>
                  <th scope="row">{index + 1}</th>
                  <td>
                    <input
                      aria-label={`Label of item ${index + 1}`}
                      maxLength={120}
                      disabled={!canEdit}
                      aria-invalid={error("label") ? true : undefined}
                      {...form.register(`items.${index}.label`)}
                    />
                    {error("label") ? <p className="field-error">{error("label")}</p> : null}
                  </td>
                  <td>
                    <input
                      aria-label={`Points of item ${index + 1}`}
                      className={styles.points}
                      inputMode="decimal"
                      disabled={!canEdit}
                      aria-invalid={error("maxPoints") ? true : undefined}
                      {...form.register(`items.${index}.maxPoints`)}
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
                            checked={targetIds.includes(target.id)}
                            onChange={(event) =>
                              form.setValue(
                                `items.${index}.targetIds`,
                                event.target.checked
                                  ? [...targetIds, target.id]
                                  : targetIds.filter((id) => id !== target.id),
                              )
                            }
                          />{" "}
                          {target.standardCode ? <StandardCode code={target.standardCode} /> : null} {target.statement}
                        </label>
                      ))}
                      {form.errorWithin(`items/${index}/targetIds`) ? (
                        <p className="field-error">{form.errorWithin(`items/${index}/targetIds`)}</p>
                      ) : null}
                    </fieldset>
                  </td>
                  <td>
                    <input
                      aria-label={`Correct response of item ${index + 1}`}
                      className={styles.response}
                      maxLength={200}
                      disabled={!canEdit}
                      {...form.register(`items.${index}.correctResponse`)}
                    />
                  </td>
                  {canEdit ? (
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          disabled={index === 0}
                          onClick={() => rows.swap(index, index - 1)}
                        >
                          Up<span className="visually-hidden"> item {index + 1}</span>
                        </button>
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          disabled={index === rows.fields.length - 1}
                          onClick={() => rows.swap(index, index + 1)}
                        >
                          Down<span className="visually-hidden"> item {index + 1}</span>
                        </button>
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          onClick={() => rows.remove(index)}
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
            disabled={rows.fields.length >= MAX_ITEMS}
            onClick={() =>
              rows.append({
                label: String(rows.fields.length + 1),
                maxPoints: "1",
                correctResponse: "",
                targetIds: values.at(-1)?.targetIds ?? [],
              })
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
        open={confirming !== null}
        title="Delete scores already entered?"
        confirmLabel="Delete the scores and save"
        isPending={saveItems.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && send({ ...confirming.input, confirmDeleteScores: true })}
      >
        <p>{confirming?.text}</p>
      </ConfirmDialog>
    </form>
  );
}
