import { type FormEvent, useState } from "react";
import { type EssentialStandard, type LearningTarget, LearningTargetInput } from "../../../../contract/essentials";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { useContractForm } from "../../components/use-contract-form";
import { useAddTarget, useDeleteTarget, useUpdateTarget } from "./essentials.api";
import styles from "./TargetsEditor.module.css";

type TargetsEditorProps = { essential: EssentialStandard; canManage: boolean };

/** The "I can …" statements a standard is unpacked into, in teaching order. */
export function TargetsEditor({ essential, canManage }: TargetsEditorProps) {
  const headingId = `targets-${essential.id}`;
  return (
    <section aria-labelledby={headingId} className="targets-editor">
      <h4 id={headingId}>Learning targets</h4>
      {essential.targets.length === 0 ? <p className="muted">Not unpacked into learning targets yet.</p> : null}
      <ol className={styles.list}>
        {essential.targets.map((target, index) =>
          canManage ? (
            <TargetRow
              key={target.id}
              communityId={essential.communityId}
              target={target}
              index={index}
              count={essential.targets.length}
            />
          ) : (
            <li key={target.id}>{target.statement}</li>
          ),
        )}
      </ol>
      {canManage ? <AddTargetForm essential={essential} /> : null}
    </section>
  );
}

type TargetRowProps = { communityId: string; target: LearningTarget; index: number; count: number };

function TargetRow({ communityId, target, index, count }: TargetRowProps) {
  const updateTarget = useUpdateTarget(communityId);
  const deleteTarget = useDeleteTarget(communityId);
  const [statement, setStatement] = useState(target.statement);
  const [problem, setProblem] = useState(NO_PROBLEM);
  const isDirty = statement.trim() !== target.statement;
  const onError = (error: unknown) => setProblem(problemFromError(error));

  function handleSave(event: FormEvent) {
    event.preventDefault();
    setProblem(NO_PROBLEM);
    updateTarget.mutate({ id: target.id, patch: { statement } }, { onError });
  }
  const move = (position: number) => updateTarget.mutate({ id: target.id, patch: { position } }, { onError });

  return (
    <li className="target-row">
      <form onSubmit={handleSave} noValidate className={styles.rowForm}>
        <TextField
          label={`Learning target ${index + 1}`}
          value={statement}
          maxLength={500}
          onChange={(event) => setStatement(event.target.value)}
          error={problem.fields.statement}
        />
        <div className="row-actions">
          <button type="submit" className="button button-small" disabled={!isDirty || updateTarget.isPending}>
            Save<span className="visually-hidden"> target {index + 1}</span>
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={index === 0}
            onClick={() => move(index - 1)}
          >
            Move up<span className="visually-hidden"> target {index + 1}</span>
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={index === count - 1}
            onClick={() => move(index + 1)}
          >
            Move down<span className="visually-hidden"> target {index + 1}</span>
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={target.isAssessed || deleteTarget.isPending}
            title={target.isAssessed ? "An assessment measures this target." : undefined}
            onClick={() => deleteTarget.mutate(target.id, { onError })}
          >
            Delete<span className="visually-hidden"> target {index + 1}</span>
          </button>
        </div>
      </form>
      {target.isAssessed ? <p className="field-hint">An assessment measures this target, so it stays.</p> : null}
      <FormAlert message={problem.message} />
    </li>
  );
}

function AddTargetForm({ essential }: { essential: EssentialStandard }) {
  const addTarget = useAddTarget(essential.communityId, essential.id);
  const form = useContractForm<typeof LearningTargetInput, { statement: string }>({
    schema: LearningTargetInput,
    defaultValues: { statement: "" },
    messages: { statement: (code) => (code === "too_small" ? "Write the target, starting “I can …”." : undefined) },
    onValid: (input) => addTarget.mutate(input, { onSuccess: () => form.reset(), onError: form.showProblem }),
  });

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className={styles.addForm}>
      <TextField
        label="New learning target"
        placeholder="I can …"
        maxLength={500}
        {...form.register("statement")}
        error={form.fieldError("statement")}
      />
      <button type="submit" className="button button-secondary" disabled={addTarget.isPending}>
        Add target
      </button>
      <FormAlert message={form.formMessage} />
    </form>
  );
}
