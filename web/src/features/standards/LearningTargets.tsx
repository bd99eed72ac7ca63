import { type FormEvent, useRef, useState } from "react";
import { type LearningTarget, LearningTargetInput, type StandardDetail } from "../../../../contract/standards";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
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

function TargetItem({ standardId, target }: { standardId: string; target: LearningTarget }) {
  const [isEditing, setIsEditing] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const [statement, setStatement] = useState(target.statement);
  const [problem, setProblem] = useState(NO_PROBLEM);
  const updateTarget = useUpdateTarget(standardId);
  const deleteTarget = useDeleteTarget(standardId);

  function handleSave(event: FormEvent) {
    event.preventDefault();
    if (!statement.trim()) return setProblem({ fields: { statement: MESSAGES.statement }, message: null });
    updateTarget.mutate(
      { id: target.id, patch: { statement } },
      {
        onSuccess: () => {
          setIsEditing(false);
          setProblem(NO_PROBLEM);
        },
        onError: (error) => setProblem(problemFromError(error)),
      },
    );
  }

  if (isEditing) {
    return (
      <li className={styles.target}>
        <form onSubmit={handleSave} noValidate className="form">
          <FormAlert message={problem.message} />
          <TextAreaField
            label="Learning target"
            value={statement}
            rows={2}
            onChange={(event) => setStatement(event.target.value)}
            error={problem.fields.statement}
            autoFocus
          />
          <div className="actions">
            <button type="submit" className="button button-small" disabled={updateTarget.isPending}>
              Save
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setIsEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }
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

function AddTargetForm({ standard }: { standard: StandardDetail }) {
  const createTarget = useCreateTarget(standard.id);
  const formRef = useRef<HTMLFormElement>(null);
  const onlyCommunity = standard.targetCommunities.length === 1 ? standard.targetCommunities[0] : undefined;
  const [communityId, setCommunityId] = useState(onlyCommunity?.id ?? "");
  const [statement, setStatement] = useState("");
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [saved, setSaved] = useState<string | null>(null);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const checked = validateForm(LearningTargetInput, { communityId, statement, code: code || undefined }, MESSAGES);
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    createTarget.mutate(checked.data, {
      onSuccess: () => {
        setStatement("");
        setCode("");
        setSaved("Learning target added.");
      },
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <form
      ref={formRef}
      onSubmit={handleSubmit}
      noValidate
      className={`form ${styles.addForm}`}
      aria-labelledby="add-target-heading"
    >
      <h4 id="add-target-heading">Add a learning target</h4>
      <FormAlert message={problem.message} />
      <FormAlert message={saved} tone="success" />
      {onlyCommunity ? (
        <p className="muted">For {onlyCommunity.name}.</p>
      ) : (
        <SelectField
          label="Team"
          value={communityId}
          onChange={(event) => setCommunityId(event.target.value)}
          error={problem.fields.communityId}
        >
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
        value={statement}
        rows={2}
        onChange={(event) => setStatement(event.target.value)}
        error={problem.fields.statement}
      />
      <TextField
        label="Code (optional)"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={problem.fields.code}
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
