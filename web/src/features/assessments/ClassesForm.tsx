import { useState } from "react";
import { Controller } from "react-hook-form";
import { type AssessmentDetail, ClassesInput } from "../../../../contract/assessments";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useSaveClasses } from "./assessments.api";
import styles from "./ClassesForm.module.css";

/** The classes the assessment is given to, chosen from those the team's members teach. */
export function ClassesForm({ assessment }: { assessment: AssessmentDetail }) {
  const saveClasses = useSaveClasses(assessment.id);
  const [saved, setSaved] = useState(false);
  const canEdit = assessment.can.update === true;
  const form = useContractForm({
    schema: ClassesInput,
    defaultValues: { classIds: assessment.classes.filter((c) => c.isSelected).map((c) => c.id) },
    onValid: ({ classIds }) =>
      saveClasses.mutate(classIds, { onSuccess: () => setSaved(true), onError: form.showProblem }),
  });
  if (assessment.classes.length === 0) return <p className="muted">The team's members teach no classes yet.</p>;

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate>
      <FormAlert message={form.formMessage} />
      <Controller
        control={form.control}
        name="classIds"
        render={({ field }) => (
          <fieldset className="form-section">
            <legend>Given to</legend>
            {assessment.classes.map((klass) => (
              <label key={klass.id} className={styles.choice}>
                <input
                  type="checkbox"
                  disabled={!canEdit}
                  checked={field.value.includes(klass.id)}
                  onChange={(event) => {
                    field.onChange(
                      event.target.checked ? [...field.value, klass.id] : field.value.filter((id) => id !== klass.id),
                    );
                    setSaved(false);
                  }}
                />{" "}
                {klass.title}{" "}
                <span className="muted">
                  · {klass.teacherNames.join(", ") || "no teacher"} · {klass.schoolName} · {klass.studentCount} students
                </span>
              </label>
            ))}
          </fieldset>
        )}
      />
      {canEdit ? (
        <div className="actions">
          <button type="submit" className="button" disabled={saveClasses.isPending}>
            Save classes
          </button>
          <span role="status" className="save-status">
            {saved ? "Classes saved." : ""}
          </span>
        </div>
      ) : null}
    </form>
  );
}
