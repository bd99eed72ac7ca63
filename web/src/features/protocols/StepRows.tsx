import { useFieldArray } from "react-hook-form";
import type { z } from "zod";
import type { ProtocolInput } from "../../../../contract/meetings";
import { TextAreaField, TextField } from "../../components/Field";
import type { ContractForm } from "../../components/use-contract-form";
import { emptyStep, type ProtocolFormValues, STEP_MESSAGES, type StepRow } from "./protocol-form";
import styles from "./StepRows.module.css";

type StepRowsProps = { form: ContractForm<ProtocolFormValues, z.output<typeof ProtocolInput>> };

/** A protocol's steps, each with its time box, roles and prompts; add and remove steps. */
export function StepRows({ form }: StepRowsProps) {
  const steps = useFieldArray({ control: form.control, name: "steps" });
  // A role or prompt is one line of its field: a problem with any of them is the field's.
  const error = (index: number, field: keyof StepRow) =>
    form.errorWithin(`steps/${index}/${field}`) ? STEP_MESSAGES[field] : undefined;

  function handleRemove(index: number) {
    const next = steps.fields.filter((_, i) => i !== index);
    steps.remove(index);
    const neighbour = next[Math.min(index, next.length - 1)];
    // After a step goes, focus moves to the nearest one so keyboard users keep their place.
    requestAnimationFrame(() =>
      form.formRef.current?.querySelector<HTMLElement>(`[data-step="${neighbour?.id}"] input`)?.focus(),
    );
  }

  return (
    <div className={styles.rows}>
      {steps.fields.map((step, index) => (
        <fieldset key={step.id} data-step={step.id} className={styles.row}>
          <legend>Step {index + 1}</legend>
          <div className="field-row">
            <TextField
              label="Title"
              maxLength={200}
              {...form.register(`steps.${index}.title`)}
              error={error(index, "title")}
            />
            <TextField
              label="Minutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={240}
              {...form.register(`steps.${index}.minutes`)}
              error={error(index, "minutes")}
              className="field-narrow"
            />
          </div>
          <TextField
            label="Roles"
            hint="Separate roles with commas, like: Facilitator, Timekeeper"
            {...form.register(`steps.${index}.roles`)}
            error={error(index, "roles")}
          />
          <TextAreaField
            label="Prompts"
            hint="One guiding prompt per line."
            rows={3}
            {...form.register(`steps.${index}.prompts`)}
            error={error(index, "prompts")}
          />
          {steps.fields.length > 1 ? (
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
        {/* The new step's title takes focus once it is on the page. */}
        <button type="button" className="button button-secondary" onClick={() => steps.append(emptyStep())}>
          Add step
        </button>
      </div>
    </div>
  );
}
