import { useState } from "react";
import { DecisionInput, type MeetingDetail } from "../../../../contract/meetings";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { formatDateTime } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import styles from "./ItemList.module.css";
import { useAddDecision, useRemoveDecision } from "./meetings.api";

type Decision = MeetingDetail["decisions"][number];

/** What the team decided in this meeting; recorders add and remove decisions. */
export function DecisionsSection({ meeting }: { meeting: MeetingDetail }) {
  const addDecision = useAddDecision(meeting.id);
  const removeDecision = useRemoveDecision(meeting.id);
  const form = useContractForm({
    schema: DecisionInput,
    defaultValues: { text: "" },
    messages: { text: "Write the decision first." },
    onValid: ({ text }) =>
      addDecision.mutate(text, { onSuccess: () => form.reset({ text: "" }), onError: form.showProblem }),
  });
  const [removing, setRemoving] = useState<Decision | null>(null);
  const canRecord = meeting.can.contribute === true;

  function handleCancelRemove() {
    setRemoving(null);
    removeDecision.reset();
  }

  return (
    <section className="panel" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">Decisions</h2>
      {meeting.decisions.length === 0 ? (
        <p className="muted">No decisions recorded yet.</p>
      ) : (
        <ul className={styles.list}>
          {meeting.decisions.map((decision) => (
            <li key={decision.id} className={styles.item}>
              <div className={styles.main}>
                <p className={styles.title}>{decision.text}</p>
                <p className={styles.meta}>
                  {decision.createdBy ? `${decision.createdBy}, ` : ""}
                  {formatDateTime(decision.createdAt)}
                </p>
              </div>
              {canRecord ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => setRemoving(decision)}
                >
                  Remove<span className="visually-hidden"> decision: {decision.text}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canRecord ? (
        <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className={`form form-wide ${styles.inlineAdd}`}>
          <FormAlert message={form.formMessage} />
          <TextAreaField
            label="Decision"
            rows={2}
            maxLength={2000}
            {...form.register("text")}
            error={form.fieldError("text")}
          />
          <div className="actions">
            <button type="submit" className="button button-secondary" disabled={addDecision.isPending}>
              Add decision
            </button>
          </div>
        </form>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this decision?"
        confirmLabel="Remove decision"
        isPending={removeDecision.isPending}
        error={removeDecision.error ? problemFromError(removeDecision.error).message : null}
        onCancel={handleCancelRemove}
        onConfirm={() => {
          if (removing) removeDecision.mutate(removing.id, { onSuccess: handleCancelRemove });
        }}
      >
        <p>“{removing?.text}” will no longer be part of this meeting's record or its summary.</p>
      </ConfirmDialog>
    </section>
  );
}
