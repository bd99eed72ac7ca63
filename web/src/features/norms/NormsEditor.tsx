import { type FormEvent, useRef, useState } from "react";
import { NormsInput } from "../../../../contract/communities";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import styles from "./NormsEditor.module.css";
import { useSaveNorms } from "./norms.api";

type Row = { key: number; text: string };

let nextKey = 0;
const toRows = (norms: readonly string[]): Row[] => norms.map((text) => ({ key: nextKey++, text }));

/** The norms as an ordered list to edit: add, remove and reorder with buttons, then save a new version. */
export function NormsEditor({ communityId, current }: { communityId: string; current: readonly string[] }) {
  const saveNorms = useSaveNorms(communityId);
  const formRef = useRef<HTMLFormElement>(null);
  const [rows, setRows] = useState<Row[]>(() => toRows(current.length ? current : [""]));
  const [changeNote, setChangeNote] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  useFocusFirstError(formRef, problem);

  /** After a row moves or goes, focus follows it (or the nearest row) so keyboard users keep their place. */
  function focusLater(selector: string) {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(selector)?.focus());
  }

  function move(index: number, offset: -1 | 1) {
    const target = index + offset;
    const moving = rows[index];
    const other = rows[target];
    if (!moving || !other) return;
    const next = [...rows];
    next[target] = moving;
    next[index] = other;
    setRows(next);
    // At the top (or bottom) the pressed button is disabled, so focus goes to its twin.
    const isAtEnd = offset === -1 ? target === 0 : target === rows.length - 1;
    const direction = (offset === -1) !== isAtEnd ? "up" : "down";
    focusLater(`[data-row="${moving.key}"] [data-move="${direction}"]`);
  }

  function remove(index: number) {
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusLater(neighbour ? `[data-row="${neighbour.key}"] input` : "[data-add-norm]");
  }

  function add() {
    const row = { key: nextKey++, text: "" };
    setRows([...rows, row]);
    focusLater(`[data-row="${row.key}"] input`);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const norms = rows.map((row) => row.text);
    const checked = validateForm(NormsInput, { norms, changeNote }, { norms: "Write at least one norm." });
    if (checked.problem) {
      const fields = Object.fromEntries(
        Object.entries(checked.problem.fields).map(([path, detail]) => [
          path,
          path.startsWith("norms/") ? "Write this norm, or remove it." : detail,
        ]),
      );
      return setProblem({ fields, message: null });
    }
    setProblem(NO_PROBLEM);
    setSavedVersion(null);
    saveNorms.mutate(checked.data, {
      onSuccess: (history) => {
        setChangeNote("");
        setSavedVersion(history.current?.version ?? null);
      },
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <form
      ref={formRef}
      onSubmit={handleSubmit}
      noValidate
      className="form form-wide"
      aria-labelledby="norms-edit-heading"
    >
      <h2 id="norms-edit-heading">Edit the norms</h2>
      <p className="muted">Saving makes a new version. Every member is asked to agree to it again.</p>
      <FormAlert message={problem.message ?? (problem.fields.norms ? problem.fields.norms : null)} />
      <ol className={styles.editor}>
        {rows.map((row, index) => (
          <li key={row.key} data-row={row.key} className={styles.row}>
            <TextField
              label={`Norm ${index + 1}`}
              value={row.text}
              maxLength={500}
              onChange={(event) =>
                setRows(rows.map((other) => (other.key === row.key ? { ...other, text: event.target.value } : other)))
              }
              error={problem.fields[`norms/${index}`]}
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
                disabled={index === rows.length - 1}
                onClick={() => move(index, 1)}
              >
                Move down<span className="visually-hidden"> norm {index + 1}</span>
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={rows.length === 1}
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
          disabled={rows.length >= 30}
        >
          Add norm
        </button>
      </div>
      <TextField
        label="Change note"
        hint="Optional: what changed and why, for the version history."
        value={changeNote}
        maxLength={500}
        onChange={(event) => setChangeNote(event.target.value)}
        error={problem.fields.changeNote}
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
