import { type FormEvent, useRef, useState } from "react";
import { type ResourceDetail, UseInput } from "../../../../contract/library";
import { TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { formatDay, todayIso } from "../../components/format";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import styles from "./CommentList.module.css";
import { useRecordUse } from "./library.api";

const MESSAGES = { usedOn: "Enter the day you used it.", reflection: "Write a sentence or two on how it went." };

/** "I used it in my classroom": who used the resource, when, and how it went. */
export function UsesSection({ resource, canRecord }: { resource: ResourceDetail; canRecord: boolean }) {
  const recordUse = useRecordUse(resource.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [usedOn, setUsedOn] = useState(todayIso());
  const [reflection, setReflection] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isRecorded, setIsRecorded] = useState(false);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsRecorded(false);
    const checked = validateForm(UseInput, { usedOn, reflection }, MESSAGES);
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    recordUse.mutate(checked.data, {
      onSuccess: () => {
        setReflection("");
        setIsRecorded(true);
      },
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <section className="panel" aria-labelledby="uses-heading">
      <h2 id="uses-heading">Classroom uses</h2>
      {resource.uses.length === 0 ? (
        <p className="muted">No one has recorded a use yet.</p>
      ) : (
        <ul className={styles.list}>
          {resource.uses.map((use) => (
            <li key={use.id}>
              <p className="post-meta muted">
                <strong>{use.person?.name ?? "Former member"}</strong> · used on {formatDay(use.usedOn)}
              </p>
              <p className={styles.body}>{use.reflection}</p>
            </li>
          ))}
        </ul>
      )}
      {canRecord ? (
        <form
          ref={formRef}
          onSubmit={handleSubmit}
          noValidate
          className="form form-wide"
          aria-labelledby="use-form-heading"
        >
          <h3 id="use-form-heading">I used it in my classroom</h3>
          <FormAlert message={problem.message} />
          <TextField
            label="Used on"
            type="date"
            value={usedOn}
            onChange={(event) => setUsedOn(event.target.value)}
            error={problem.fields.usedOn}
            required
          />
          <TextAreaField
            label="Reflection"
            hint="How did it go? What would you change?"
            value={reflection}
            rows={3}
            onChange={(event) => setReflection(event.target.value)}
            error={problem.fields.reflection}
            required
          />
          <div className="actions">
            <button type="submit" className="button" disabled={recordUse.isPending}>
              Record use
            </button>
            <span role="status" className="save-status">
              {isRecorded ? "Your use is recorded." : ""}
            </span>
          </div>
        </form>
      ) : null}
    </section>
  );
}
