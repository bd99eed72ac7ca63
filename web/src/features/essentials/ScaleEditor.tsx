import { type FormEvent, useState } from "react";
import { type EssentialStandard, MAX_SCALE_LEVELS, MIN_SCALE_LEVELS } from "../../../../contract/essentials";
import { SelectField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { useUpdateEssential } from "./essentials.api";
import styles from "./ScaleEditor.module.css";

type Level = { label: string; descriptor: string };

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
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Label</th>
            <th scope="col">What it looks like</th>
          </tr>
        </thead>
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

function ScaleForm({ essential }: { essential: EssentialStandard }) {
  const updateEssential = useUpdateEssential(essential.communityId, essential.id);
  const [levels, setLevels] = useState<Level[]>(() =>
    essential.scaleLevels.map(({ label, descriptor }) => ({ label, descriptor })),
  );
  const [proficientLevel, setProficientLevel] = useState(essential.proficientLevel);
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [saved, setSaved] = useState(false);
  const change = (index: number, patch: Partial<Level>) => {
    setSaved(false);
    setLevels(levels.map((level, i) => (i === index ? { ...level, ...patch } : level)));
  };

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const missing = levels.findIndex((level) => !level.label.trim());
    if (missing >= 0)
      return setProblem({ fields: { [`scaleLevels/${missing}/label`]: "Name this level." }, message: null });
    setProblem(NO_PROBLEM);
    updateEssential.mutate(
      { scaleLevels: levels, proficientLevel: Math.min(proficientLevel, levels.length) },
      { onSuccess: () => setSaved(true), onError: (error) => setProblem(problemFromError(error)) },
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate className={styles.form}>
      <FormAlert message={problem.message} />
      <p className="field-hint">
        A change to the scale applies to this standard's assessments that are drafts or still open. Closed assessments
        keep the scale and cut scores their results were scored with.
      </p>
      <div className="table-scroll">
        <table className={`data-table ${styles.table}`}>
          <caption className="visually-hidden">Proficiency scale levels</caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Label</th>
              <th scope="col">What it looks like</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((level, index) => {
              const labelError = problem.fields[`scaleLevels/${index}/label`];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a level is its place on the scale.
                <tr key={index}>
                  <th scope="row">{index + 1}</th>
                  <td>
                    <input
                      aria-label={`Label of level ${index + 1}`}
                      value={level.label}
                      maxLength={60}
                      aria-invalid={labelError ? true : undefined}
                      onChange={(event) => change(index, { label: event.target.value })}
                    />
                    {labelError ? <p className="field-error">{labelError}</p> : null}
                  </td>
                  <td>
                    <textarea
                      aria-label={`What level ${index + 1} looks like`}
                      value={level.descriptor}
                      rows={2}
                      maxLength={1000}
                      onChange={(event) => change(index, { descriptor: event.target.value })}
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
          disabled={levels.length >= MAX_SCALE_LEVELS}
          onClick={() => setLevels([...levels, { label: "", descriptor: "" }])}
        >
          Add a level
        </button>
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={levels.length <= MIN_SCALE_LEVELS}
          onClick={() => setLevels(levels.slice(0, -1))}
        >
          Remove the top level
        </button>
      </div>
      <SelectField
        label="Proficient from level"
        className="field-narrow"
        value={String(Math.min(proficientLevel, levels.length))}
        onChange={(event) => setProficientLevel(Number(event.target.value))}
        error={problem.fields.proficientLevel}
      >
        {levels.map((level, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a level is its place on the scale.
          <option key={index} value={index + 1}>
            {index + 1} {level.label}
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
