import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import {
  type EssentialStandard,
  EssentialStandardPatch,
  MAX_SCALE_LEVELS,
  MIN_SCALE_LEVELS,
} from "../../../../contract/essentials";
import { SelectField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useUpdateEssential } from "./essentials.api";
import styles from "./ScaleEditor.module.css";

/** The proficiency scale of one essential standard: what each level looks like, and which counts as proficient. */
export function ScaleEditor({ essential, canManage }: { essential: EssentialStandard; canManage: boolean }) {
  const headingId = `scale-${essential.id}`;
  return (
    <section aria-labelledby={headingId} className="scale-editor">
      <h4 id={headingId}>Proficiency scale</h4>
      {canManage ? <ScaleForm essential={essential} /> : <ScaleTable essential={essential} />}
    </section>
  );
}

function ScaleTable({ essential }: { essential: EssentialStandard }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Proficiency scale</caption>
        <ScaleHead />
        <tbody>
          {essential.scaleLevels.map((level) => (
            <tr key={level.level}>
              <th scope="row">
                {level.level}
                {level.level === essential.proficientLevel ? (
                  <span className={`badge ${styles.proficient}`}>Proficient</span>
                ) : null}
              </th>
              <td>{level.label}</td>
              <td>{level.descriptor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The scale's columns, the same whether it is read or edited. */
function ScaleHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Level</th>
        <th scope="col">Label</th>
        <th scope="col">What it looks like</th>
      </tr>
    </thead>
  );
}

type ScaleValues = { scaleLevels: { label: string; descriptor: string }[]; proficientLevel: string };

function ScaleForm({ essential }: { essential: EssentialStandard }) {
  const updateEssential = useUpdateEssential(essential.communityId, essential.id);
  const [saved, setSaved] = useState(false);
  const form = useContractForm<typeof EssentialStandardPatch, ScaleValues>({
    schema: EssentialStandardPatch,
    defaultValues: {
      scaleLevels: essential.scaleLevels.map(({ label, descriptor }) => ({ label, descriptor })),
      proficientLevel: String(essential.proficientLevel),
    },
    toInput: ({ scaleLevels, proficientLevel }) => ({ scaleLevels, proficientLevel: Number(proficientLevel) }),
    messages: Object.fromEntries(
      Array.from({ length: MAX_SCALE_LEVELS }, (_, index) => [`scaleLevels/${index}/label`, "Name this level."]),
    ),
    onValid: (patch) => updateEssential.mutate(patch, { onSuccess: () => setSaved(true), onError: form.showProblem }),
  });
  const levels = useFieldArray({ control: form.control, name: "scaleLevels" });
  const labels = form.watch("scaleLevels").map((level) => level.label);

  function handleRemoveTop() {
    const count = levels.fields.length - 1;
    levels.remove(count);
    // The proficient level stays one of the scale's levels.
    if (Number(form.getValues("proficientLevel")) > count) form.setValue("proficientLevel", String(count));
  }

  return (
    <form
      ref={form.formRef}
      onSubmit={form.onSubmit}
      onChange={() => setSaved(false)}
      noValidate
      className={styles.form}
    >
      <FormAlert message={form.formMessage} />
      <p className="field-hint">
        A change to the scale applies to this standard's assessments that are drafts or still open. Closed assessments
        keep the scale and cut scores their results were scored with.
      </p>
      <div className="table-scroll">
        <table className={`data-table ${styles.table}`}>
          <caption className="visually-hidden">Proficiency scale levels</caption>
          <ScaleHead />
          <tbody>
            {levels.fields.map((level, index) => {
              const labelError = form.fieldError(`scaleLevels/${index}/label`);
              return (
                <tr key={level.id}>
                  <th scope="row">{index + 1}</th>
                  <td>
                    <input
                      aria-label={`Label of level ${index + 1}`}
                      maxLength={60}
                      aria-invalid={labelError ? true : undefined}
                      {...form.register(`scaleLevels.${index}.label`)}
                    />
                    {labelError ? <p className="field-error">{labelError}</p> : null}
                  </td>
                  <td>
                    <textarea
                      aria-label={`What level ${index + 1} looks like`}
                      rows={2}
                      maxLength={1000}
                      {...form.register(`scaleLevels.${index}.descriptor`)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="row-actions">
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={levels.fields.length >= MAX_SCALE_LEVELS}
          onClick={() => levels.append({ label: "", descriptor: "" })}
        >
          Add a level
        </button>
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={levels.fields.length <= MIN_SCALE_LEVELS}
          onClick={handleRemoveTop}
        >
          Remove the top level
        </button>
      </div>
      <SelectField
        label="Proficient from level"
        className="field-narrow"
        {...form.register("proficientLevel")}
        error={form.fieldError("proficientLevel")}
      >
        {labels.map((label, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a level is its place on the scale.
          <option key={index} value={index + 1}>
            {index + 1} {label}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button" disabled={updateEssential.isPending}>
          Save scale
        </button>
        <span role="status" className="save-status">
          {saved ? "Scale saved." : ""}
        </span>
      </div>
    </form>
  );
}
