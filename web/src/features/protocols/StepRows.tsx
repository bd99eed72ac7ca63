import { useRef } from "react";
import { TextAreaField, TextField } from "../../components/Field";
import type { FieldErrors } from "../../components/form-errors";
import { emptyStep, type StepRow } from "./protocol-form";
import styles from "./StepRows.module.css";

type StepRowsProps = { steps: StepRow[]; onChange: (steps: StepRow[]) => void; errors: FieldErrors };

/** A protocol's steps, each with its time box, roles and prompts; add and remove steps. */
export function StepRows({ steps, onChange, errors }: StepRowsProps) {
  const containerRef = useRef<HTMLDivElement>(null);

  function focusLater(selector: string) {
    requestAnimationFrame(() => containerRef.current?.querySelector<HTMLElement>(selector)?.focus());
  }

  function update(key: number, patch: Partial<StepRow>) {
    onChange(steps.map((step) => (step.key === key ? { ...step, ...patch } : step)));
  }

  function handleAdd() {
    const step = emptyStep();
    onChange([...steps, step]);
    focusLater(`[data-step="${step.key}"] input`);
  }

  function handleRemove(index: number) {
    const next = steps.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusLater(neighbour ? `[data-step="${neighbour.key}"] input` : "[data-add-step]");
  }

  return (
    <div ref={containerRef} className={styles.rows}>
      {steps.map((step, index) => (
        <fieldset key={step.key} data-step={step.key} className={styles.row}>
          <legend>Step {index + 1}</legend>
          <div className="field-row">
            <TextField
              label="Title"
              value={step.title}
              maxLength={200}
              onChange={(event) => update(step.key, { title: event.target.value })}
              error={errors[`steps/${index}/title`]}
            />
            <TextField
              label="Minutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={240}
              value={step.minutes}
              onChange={(event) => update(step.key, { minutes: event.target.value })}
              error={errors[`steps/${index}/minutes`]}
              className="field-narrow"
            />
          </div>
          <TextField
            label="Roles"
            hint="Separate roles with commas, like: Facilitator, Timekeeper"
            value={step.roles}
            onChange={(event) => update(step.key, { roles: event.target.value })}
            error={errors[`steps/${index}/roles`]}
          />
          <TextAreaField
            label="Prompts"
            hint="One guiding prompt per line."
            value={step.prompts}
            rows={3}
            onChange={(event) => update(step.key, { prompts: event.target.value })}
            error={errors[`steps/${index}/prompts`]}
          />
          {steps.length > 1 ? (
            <div>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => handleRemove(index)}
              >
                Remove step {index + 1}
              </button>
            </div>
          ) : null}
        </fieldset>
      ))}
      <div>
        <button type="button" className="button button-secondary" data-add-step onClick={handleAdd}>
          Add step
        </button>
      </div>
    </div>
  );
}
