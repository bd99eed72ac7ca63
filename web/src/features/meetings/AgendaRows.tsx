import { useRef } from "react";
import { TextField } from "../../components/Field";
import type { FieldErrors } from "../../components/form-errors";
import styles from "./AgendaRows.module.css";
import type { AgendaRow } from "./schedule-form";

type AgendaRowsProps = { rows: AgendaRow[]; onChange: (rows: AgendaRow[]) => void; errors: FieldErrors };

let nextKey = 0;

/** The meeting's agenda: one row per item, with an optional time box in minutes. */
export function AgendaRows({ rows, onChange, errors }: AgendaRowsProps) {
  const containerRef = useRef<HTMLFieldSetElement>(null);

  function focusLater(selector: string) {
    requestAnimationFrame(() => containerRef.current?.querySelector<HTMLElement>(selector)?.focus());
  }

  function handleAdd() {
    const row = { key: nextKey++, title: "", minutes: "" };
    onChange([...rows, row]);
    focusLater(`[data-row="${row.key}"] input`);
  }

  function handleRemove(index: number) {
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusLater(neighbour ? `[data-row="${neighbour.key}"] input` : "[data-add-agenda]");
  }

  function update(key: number, patch: Partial<AgendaRow>) {
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  return (
    <fieldset ref={containerRef} className="form-section">
      <legend>Agenda</legend>
      {rows.length === 0 ? <p className="muted">No agenda items yet.</p> : null}
      <ol className={styles.rows}>
        {rows.map((row, index) => (
          <li key={row.key} data-row={row.key} className={styles.row}>
            <TextField
              label={`Agenda item ${index + 1}`}
              value={row.title}
              maxLength={300}
              onChange={(event) => update(row.key, { title: event.target.value })}
              error={errors[`agenda/${index}/title`]}
            />
            <TextField
              label={`Minutes for item ${index + 1}`}
              type="number"
              inputMode="numeric"
              min={1}
              max={240}
              value={row.minutes}
              onChange={(event) => update(row.key, { minutes: event.target.value })}
              error={errors[`agenda/${index}/minutes`]}
              className="field-narrow"
            />
            <button type="button" className="button button-secondary button-small" onClick={() => handleRemove(index)}>
              Remove<span className="visually-hidden"> agenda item {index + 1}</span>
            </button>
          </li>
        ))}
      </ol>
      <div>
        <button type="button" className="button button-secondary" data-add-agenda onClick={handleAdd}>
          Add agenda item
        </button>
      </div>
    </fieldset>
  );
}
