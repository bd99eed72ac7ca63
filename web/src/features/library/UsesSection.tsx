import { type FormEvent, useState } from "react";
import { type ResourceDetail, UseInput } from "../../../../contract/library";
import { TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { formatDay, todayIso } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import styles from "./CommentList.module.css";
import { useRecordUse } from "./library.api";

const MESSAGES = { usedOn: "Enter the day you used it.", reflection: "Write a sentence or two on how it went." };

/** "I used it in my classroom": who used the resource, when, and how it went. */
export function UsesSection({ resource, canRecord }: { resource: ResourceDetail; canRecord: boolean }) {
  const recordUse = useRecordUse(resource.id);
  const [isRecorded, setIsRecorded] = useState(false);
  const form = useContractForm({
    schema: UseInput,
    defaultValues: { usedOn: todayIso(), reflection: "" },
    messages: MESSAGES,
    onValid: (use) =>
      recordUse.mutate(use, {
        onSuccess: () => {
          form.setValue("reflection", "");
          setIsRecorded(true);
        },
        onError: form.showProblem,
      }),
  });

  function handleSubmit(event: FormEvent) {
    setIsRecorded(false);
    void form.onSubmit(event);
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
          ref={form.formRef}
          onSubmit={handleSubmit}
          noValidate
          className="form form-wide"
          aria-labelledby="use-form-heading"
        >
          <h3 id="use-form-heading">I used it in my classroom</h3>
          <FormAlert message={form.formMessage} />
          <TextField
            label="Used on"
            type="date"
            {...form.register("usedOn")}
            error={form.fieldError("usedOn")}
            required
          />
          <TextAreaField
            label="Reflection"
            hint="How did it go? What would you change?"
            rows={3}
            {...form.register("reflection")}
            error={form.fieldError("reflection")}
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
