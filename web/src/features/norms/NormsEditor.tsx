import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { NormsInput } from "../../../../contract/communities";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import styles from "./NormsEditor.module.css";
import { useSaveNorms } from "./norms.api";

const MAX_NORMS = 30;

/** Each norm is an object so the list can keep a stable key per row while rows move. */
type NormsValues = { norms: { text: string }[]; changeNote: string };

/** The norms as an ordered list to edit: add, remove and reorder with buttons, then save a new version. */
export function NormsEditor({ communityId, current }: { communityId: string; current: readonly string[] }) {
  const saveNorms = useSaveNorms(communityId);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const form = useContractForm<typeof NormsInput, NormsValues>({
    schema: NormsInput,
    defaultValues: { norms: (current.length ? current : [""]).map((text) => ({ text })), changeNote: "" },
    toInput: ({ norms, changeNote }) => ({ norms: norms.map((norm) => norm.text), changeNote }),
    messages: {
      norms: "Write at least one norm.",
      ...Object.fromEntries(
        Array.from({ length: MAX_NORMS }, (_, index) => [`norms/${index}`, "Write this norm, or remove it."]),
      ),
    },
    onValid: (input) => {
      setSavedVersion(null);
      saveNorms.mutate(input, {
        onSuccess: (history) => {
          form.setValue("changeNote", "");
          setSavedVersion(history.current?.version ?? null);
        },
        onError: form.showProblem,
      });
    },
  });
  const rows = useFieldArray({ control: form.control, name: "norms" });

  /** After a row moves or goes, focus follows it (or the nearest row) so keyboard users keep their place. */
  function focusLater(selector: string) {
    requestAnimationFrame(() => form.formRef.current?.querySelector<HTMLElement>(selector)?.focus());
  }

  function move(index: number, offset: -1 | 1) {
    const target = index + offset;
    const moving = rows.fields[index];
    if (!moving || !rows.fields[target]) return;
    rows.swap(index, target);
    // At the top (or bottom) the pressed button is disabled, so focus goes to its twin.
    const isAtEnd = offset === -1 ? target === 0 : target === rows.fields.length - 1;
    const direction = (offset === -1) !== isAtEnd ? "up" : "down";
    focusLater(`[data-row="${moving.id}"] [data-move="${direction}"]`);
  }

  function remove(index: number) {
    const next = rows.fields.filter((_, i) => i !== index);
    rows.remove(index);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusLater(neighbour ? `[data-row="${neighbour.id}"] input` : "[data-add-norm]");
  }

  function add() {
    // The new row's key is known only after it renders: focus the last row's input.
    rows.append({ text: "" }, { shouldFocus: false });
    focusLater("[data-row]:last-child input");
  }

  return (
    <form
      ref={form.formRef}
      onSubmit={form.onSubmit}
      noValidate
      className="form form-wide"
      aria-labelledby="norms-edit-heading"
    >
      <h2 id="norms-edit-heading">Edit the norms</h2>
      <p className="muted">Saving makes a new version. Every member is asked to agree to it again.</p>
      <FormAlert message={form.formMessage ?? form.fieldError("norms") ?? null} />
      <ol className={styles.editor}>
        {rows.fields.map((row, index) => (
          <li key={row.id} data-row={row.id} className={styles.row}>
            <TextField
              label={`Norm ${index + 1}`}
              maxLength={500}
              {...form.register(`norms.${index}.text`)}
              error={form.fieldError(`norms/${index}`)}
            />
            <div className="row-actions norm-editor-actions">
              <button
                type="button"
                className="button button-small button-secondary"
                data-move="up"
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                Move up<span className="visually-hidden"> norm {index + 1}</span>
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                data-move="down"
                disabled={index === rows.fields.length - 1}
                onClick={() => move(index, 1)}
              >
                Move down<span className="visually-hidden"> norm {index + 1}</span>
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={rows.fields.length === 1}
                onClick={() => remove(index)}
              >
                Remove<span className="visually-hidden"> norm {index + 1}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className="button button-secondary"
          data-add-norm
          onClick={add}
          disabled={rows.fields.length >= MAX_NORMS}
        >
          Add norm
        </button>
      </div>
      <TextField
        label="Change note"
        hint="Optional: what changed and why, for the version history."
        maxLength={500}
        {...form.register("changeNote")}
        error={form.fieldError("changeNote")}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={saveNorms.isPending}>
          Save norms
        </button>
        <span role="status" className="save-status">
          {savedVersion ? `Saved as version ${savedVersion}.` : ""}
        </span>
      </div>
    </form>
  );
}
