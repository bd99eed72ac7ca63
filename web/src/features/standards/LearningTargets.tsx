import { type FormEvent, useState } from "react";
import {
  type LearningTarget,
  LearningTargetInput,
  LearningTargetPatch,
  type StandardDetail,
} from "../../../../contract/standards";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { useContractForm } from "../../components/use-contract-form";
import styles from "./LearningTargets.module.css";
import { useCreateTarget, useDeleteTarget, useUpdateTarget } from "./standards.api";

const MESSAGES = { statement: "Write the learning target.", communityId: "Choose the team it is for." };

/** The local learning targets teams wrote under a standard, and a form for those who may add one. */
export function LearningTargets({ standard }: { standard: StandardDetail }) {
  return (
    <section className={styles.targets} aria-labelledby="learning-targets-heading">
      <h3 id="learning-targets-heading">Learning targets</h3>
      {standard.learningTargets.length === 0 ? (
        <p className="muted">No team has written a learning target under this standard yet.</p>
      ) : (
        <ul className={styles.list}>
          {standard.learningTargets.map((target) => (
            <TargetItem key={target.id} standardId={standard.id} target={target} />
          ))}
        </ul>
      )}
      {standard.targetCommunities.length > 0 ? <AddTargetForm standard={standard} /> : null}
    </section>
  );
}

function EditTargetForm({
  standardId,
  target,
  onDone,
}: {
  standardId: string;
  target: LearningTarget;
  onDone: () => void;
}) {
  const updateTarget = useUpdateTarget(standardId);
  const form = useContractForm<typeof LearningTargetPatch, { statement: string }>({
    schema: LearningTargetPatch,
    defaultValues: { statement: target.statement },
    messages: { statement: MESSAGES.statement },
    onValid: (patch) => updateTarget.mutate({ id: target.id, patch }, { onSuccess: onDone, onError: form.showProblem }),
  });

  return (
    <li className={styles.target}>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
        <FormAlert message={form.formMessage} />
        <TextAreaField
          label="Learning target"
          rows={2}
          {...form.register("statement")}
          error={form.fieldError("statement")}
          autoFocus
        />
        <div className="actions">
          <button type="submit" className="button button-small" disabled={updateTarget.isPending}>
            Save
          </button>
          <button type="button" className="button button-secondary button-small" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </li>
  );
}

function TargetItem({ standardId, target }: { standardId: string; target: LearningTarget }) {
  const [isEditing, setIsEditing] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const deleteTarget = useDeleteTarget(standardId);

  if (isEditing) return <EditTargetForm standardId={standardId} target={target} onDone={() => setIsEditing(false)} />;
  return (
    <li className={styles.target}>
      <p className={styles.statement}>{target.statement}</p>
      <p className={styles.meta}>
        {target.communityName ?? "District-wide"}
        {target.code ? ` · ${target.code}` : ""}
      </p>
      {target.can.update || target.can.delete ? (
        <div className="row-actions">
          {target.can.update ? (
            <button type="button" className="link-button" onClick={() => setIsEditing(true)}>
              Edit<span className="visually-hidden">: {target.statement}</span>
            </button>
          ) : null}
          {target.can.delete ? (
            <button type="button" className="link-button" onClick={() => setIsDeleting(true)}>
              Delete<span className="visually-hidden">: {target.statement}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={isDeleting}
        title="Delete learning target"
        confirmLabel="Delete"
        isPending={deleteTarget.isPending}
        error={deleteTarget.error ? problemFromError(deleteTarget.error).message : null}
        onCancel={() => setIsDeleting(false)}
        onConfirm={() => deleteTarget.mutate(target.id, { onSuccess: () => setIsDeleting(false) })}
      >
        <p>Delete “{target.statement}”?</p>
      </ConfirmDialog>
    </li>
  );
}

type AddTargetValues = { communityId: string; statement: string; code: string };

function AddTargetForm({ standard }: { standard: StandardDetail }) {
  const createTarget = useCreateTarget(standard.id);
  const onlyCommunity = standard.targetCommunities.length === 1 ? standard.targetCommunities[0] : undefined;
  const [saved, setSaved] = useState<string | null>(null);
  const form = useContractForm<typeof LearningTargetInput, AddTargetValues>({
    schema: LearningTargetInput,
    defaultValues: { communityId: onlyCommunity?.id ?? "", statement: "", code: "" },
    toInput: ({ code, ...values }) => ({ ...values, code: code || undefined }),
    messages: MESSAGES,
    onValid: (input) =>
      createTarget.mutate(input, {
        onSuccess: () => {
          form.setValue("statement", "");
          form.setValue("code", "");
          setSaved("Learning target added.");
        },
        onError: form.showProblem,
      }),
  });

  function handleSubmit(event: FormEvent) {
    setSaved(null);
    return form.onSubmit(event);
  }

  return (
    <form
      ref={form.formRef}
      onSubmit={handleSubmit}
      noValidate
      className={`form ${styles.addForm}`}
      aria-labelledby="add-target-heading"
    >
      <h4 id="add-target-heading">Add a learning target</h4>
      <FormAlert message={form.formMessage} />
      <FormAlert message={saved} tone="success" />
      {onlyCommunity ? (
        <p className="muted">For {onlyCommunity.name}.</p>
      ) : (
        <SelectField label="Team" {...form.register("communityId")} error={form.fieldError("communityId")}>
          <option value="">Choose a team</option>
          {standard.targetCommunities.map((community) => (
            <option key={community.id} value={community.id}>
              {community.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField
        label="Learning target"
        hint="Write it as students would say it: “I can …”."
        rows={2}
        {...form.register("statement")}
        error={form.fieldError("statement")}
      />
      <TextField
        label="Code (optional)"
        {...form.register("code")}
        error={form.fieldError("code")}
        autoComplete="off"
      />
      <div className="actions">
        <button type="submit" className="button" disabled={createTarget.isPending}>
          Add learning target
        </button>
      </div>
    </form>
  );
}
