import { useState } from "react";
import { type AssessmentDetail, TargetsInput } from "../../../../contract/assessments";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { StandardCode } from "../standards/StandardCode";
import { formatPoints } from "./assessment-format";
import { useSaveCutScores } from "./assessments.api";
import styles from "./CutScoresEditor.module.css";

type Targets = AssessmentDetail["targets"];
/** Per target, in the assessment's order, the least points of each level as typed. */
type CutValues = { targets: { cutScores: { minPoints: string }[] }[] };

const toValues = (targets: Targets): CutValues => ({
  targets: targets.map((target) => ({
    cutScores: target.scaleLevels.map((_, index) => {
      const cut = target.cutScores[index];
      return { minPoints: cut ? formatPoints(cut.minPoints) : "" };
    }),
  })),
});

/** Words for a cut score the schema refuses, by the rule that failed. */
function pointsMessage(code: string): string | undefined {
  if (code === "invalid_type") return "Enter a number of points.";
  if (code === "too_small") return "Points cannot be below 0.";
  if (code === "too_big") return "Points go up to 10,000.";
  return undefined;
}

/**
 * Per target, the least points that reach each level of its scale. A target's points are those of the items
 * aligned to it; they start evenly spaced and the team adjusts them.
 */
export function CutScoresEditor({ assessment }: { assessment: AssessmentDetail }) {
  const saveCutScores = useSaveCutScores(assessment.id);
  const [saved, setSaved] = useState(false);
  const canEdit = assessment.can.update === true;
  const form = useContractForm<typeof TargetsInput, CutValues>({
    schema: TargetsInput,
    defaultValues: toValues(assessment.targets),
    toInput: (values) => ({
      targets: assessment.targets.map((target, t) => ({
        targetId: target.targetId,
        cutScores: (values.targets[t]?.cutScores ?? []).map(({ minPoints }, index) => ({
          level: index + 1,
          minPoints: minPoints.trim() === "" ? null : Number(minPoints),
        })),
      })),
    }),
    messages: Object.fromEntries(
      assessment.targets.flatMap((target, t) =>
        target.scaleLevels.map((_, index) => [`targets/${t}/cutScores/${index}/minPoints`, pointsMessage]),
      ),
    ),
    onValid: (input) =>
      saveCutScores.mutate(input, {
        onSuccess: (detail) => {
          form.reset(toValues(detail.targets));
          setSaved(true);
        },
        onError: form.showProblem,
      }),
  });
  if (assessment.targets.length === 0)
    return <p className="muted">Align items to learning targets to set cut scores.</p>;

  return (
    <form
      ref={form.formRef}
      onSubmit={form.onSubmit}
      onChange={() => setSaved(false)}
      noValidate
      aria-label="Cut scores"
    >
      <FormAlert message={form.formMessage} />
      {assessment.targets.map((target, t) => (
        <fieldset key={target.targetId} className={`form-section ${styles.scores}`}>
          <legend>
            {target.standardCode ? <StandardCode code={target.standardCode} /> : null} {target.statement}{" "}
            <span className="muted">· {formatPoints(target.maxPoints)} points</span>
          </legend>
          <div className={styles.row}>
            {target.scaleLevels.map((level, index) => {
              const isProficient = level.level === target.proficientLevel && level.label.toLowerCase() !== "proficient";
              return (
                <TextField
                  key={level.level}
                  className="field-narrow"
                  label={`${level.level} ${level.label}${isProficient ? " (proficient)" : ""}`}
                  inputMode="decimal"
                  disabled={!canEdit || index === 0}
                  {...form.register(`targets.${t}.cutScores.${index}.minPoints`)}
                  error={
                    form.fieldError(`targets/${t}/cutScores/${index}/minPoints`) ??
                    (index === 0 ? form.fieldError(`targets/${t}/cutScores`) : undefined)
                  }
                />
              );
            })}
          </div>
        </fieldset>
      ))}
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
