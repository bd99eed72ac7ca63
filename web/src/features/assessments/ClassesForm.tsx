import { type FormEvent, useState } from "react";
import type { AssessmentDetail } from "../../../../contract/assessments";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { useSaveClasses } from "./assessments.api";

/** The classes the assessment is given to, chosen from those the team's members teach. */
export function ClassesForm({ assessment }: { assessment: AssessmentDetail }) {
  const saveClasses = useSaveClasses(assessment.id);
  const [chosen, setChosen] = useState(() => new Set(assessment.classes.filter((c) => c.isSelected).map((c) => c.id)));
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [saved, setSaved] = useState(false);
  const canEdit = assessment.can.update === true;
  if (assessment.classes.length === 0) return <p className="muted">The team's members teach no classes yet.</p>;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(NO_PROBLEM);
    saveClasses.mutate([...chosen], {
      onSuccess: () => setSaved(true),
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormAlert message={problem.message} />
      <fieldset className="form-section">
        <legend>Given to</legend>
        {assessment.classes.map((klass) => (
          <label key={klass.id} className="class-choice">
            <input
              type="checkbox"
              disabled={!canEdit}
              checked={chosen.has(klass.id)}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) next.add(klass.id);
                else next.delete(klass.id);
                setChosen(next);
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
