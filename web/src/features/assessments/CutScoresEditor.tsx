import { type FormEvent, useState } from "react";
import type { AssessmentDetail } from "../../../../contract/assessments";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { StandardCode } from "../standards/StandardCode";
import { formatPoints } from "./assessment-format";
import { useSaveCutScores } from "./assessments.api";
import styles from "./CutScoresEditor.module.css";

type Cuts = Record<string, string[]>;

const toCuts = (targets: AssessmentDetail["targets"]): Cuts =>
  Object.fromEntries(targets.map((t) => [t.targetId, t.cutScores.map((c) => formatPoints(c.minPoints))]));

/**
 * Per target, the least points that reach each level of its scale. A target's points are those of the items
 * aligned to it; they start evenly spaced and the team adjusts them.
 */
export function CutScoresEditor({ assessment }: { assessment: AssessmentDetail }) {
  const saveCutScores = useSaveCutScores(assessment.id);
  const [cuts, setCuts] = useState<Cuts>(() => toCuts(assessment.targets));
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [saved, setSaved] = useState(false);
  const canEdit = assessment.can.update === true;
  if (assessment.targets.length === 0)
    return <p className="muted">Align items to learning targets to set cut scores.</p>;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(NO_PROBLEM);
    const targets = assessment.targets.map((target) => ({
      targetId: target.targetId,
      cutScores: (cuts[target.targetId] ?? []).map((min, index) => ({ level: index + 1, minPoints: Number(min) })),
    }));
    saveCutScores.mutate(
      { targets },
      {
        onSuccess: (detail) => {
          setCuts(toCuts(detail.targets));
          setSaved(true);
        },
        onError: (error) => setProblem(problemFromError(error)),
      },
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Cut scores">
      <FormAlert message={problem.message} />
      {assessment.targets.map((target, t) => {
        const values = cuts[target.targetId] ?? [];
        return (
          <fieldset key={target.targetId} className={`form-section ${styles.scores}`}>
            <legend>
              {target.standardCode ? <StandardCode code={target.standardCode} /> : null} {target.statement}{" "}
              <span className="muted">· {formatPoints(target.maxPoints)} points</span>
            </legend>
            <div className={styles.row}>
              {target.scaleLevels.map((level, index) => {
                const error =
                  problem.fields[`targets/${t}/cutScores/${index}/minPoints`] ??
                  (index === 0 ? problem.fields[`targets/${t}/cutScores`] : undefined);
                const id = `cut-${target.targetId}-${index}`;
                return (
                  <div key={level.level} className="field field-narrow">
                    <label htmlFor={id}>
                      {level.level} {level.label}
                      {level.level === target.proficientLevel && level.label.toLowerCase() !== "proficient"
                        ? " (proficient)"
                        : ""}
                    </label>
                    <input
                      id={id}
                      inputMode="decimal"
                      className={styles.points}
                      value={values[index] ?? ""}
                      disabled={!canEdit || index === 0}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      onChange={(event) => {
                        setSaved(false);
                        setCuts({
                          ...cuts,
                          [target.targetId]: values.map((v, i) => (i === index ? event.target.value : v)),
                        });
                      }}
                    />
                    {error ? (
                      <p id={`${id}-error`} className="field-error">
                        {error}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      {canEdit ? (
        <div className="actions">
          <button type="submit" className="button" disabled={saveCutScores.isPending}>
            Save cut scores
          </button>
          <span role="status" className="save-status">
            {saved ? "Cut scores saved; results follow them." : ""}
          </span>
        </div>
      ) : null}
    </form>
  );
}
