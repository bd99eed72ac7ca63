import {
  type EssentialStandard,
  type LearningTarget,
  LearningTargetInput,
  LearningTargetPatch,
} from "../../../../contract/essentials";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useAddTarget, useDeleteTarget, useUpdateTarget } from "./essentials.api";
import styles from "./TargetsEditor.module.css";

const STATEMENT_MESSAGES = {
  statement: (code: string) => (code === "too_small" ? "Write the target, starting “I can …”." : undefined),
};

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
  const form = useContractForm<typeof LearningTargetPatch, { statement: string }>({
    schema: LearningTargetPatch,
    defaultValues: { statement: target.statement },
    messages: STATEMENT_MESSAGES,
    onValid: (patch) => updateTarget.mutate({ id: target.id, patch }, { onError: form.showProblem }),
  });
  const isDirty = form.watch("statement").trim() !== target.statement;
  const move = (position: number) =>
    updateTarget.mutate({ id: target.id, patch: { position } }, { onError: form.showProblem });

  return (
    <li className="target-row">
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className={styles.rowForm}>
        <TextField
          label={`Learning target ${index + 1}`}
          maxLength={500}
          {...form.register("statement")}
          error={form.fieldError("statement")}
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
            onClick={() => deleteTarget.mutate(target.id, { onError: form.showProblem })}
          >
            Delete<span className="visually-hidden"> target {index + 1}</span>
          </button>
        </div>
      </form>
      {target.isAssessed ? <p className="field-hint">An assessment measures this target, so it stays.</p> : null}
      <FormAlert message={form.formMessage} />
    </li>
  );
}

function AddTargetForm({ essential }: { essential: EssentialStandard }) {
  const addTarget = useAddTarget(essential.communityId, essential.id);
  const form = useContractForm<typeof LearningTargetInput, { statement: string }>({
    schema: LearningTargetInput,
    defaultValues: { statement: "" },
    messages: STATEMENT_MESSAGES,
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
