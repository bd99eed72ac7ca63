import { type FormEvent, useRef, useState } from "react";
import { type Protocol, ProtocolInput } from "../../../../contract/meetings";
import { Dialog } from "../../components/Dialog";
import { TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import {
  type FieldErrors,
  type FormProblem,
  NO_PROBLEM,
  problemFromError,
  validateForm,
} from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { PROTOCOL_MESSAGES, stepMessage, toProtocolInput, valuesOf } from "./protocol-form";
import { useSaveProtocol } from "./protocols.api";
import { StepRows } from "./StepRows";

/** What the dialog works on: a library protocol to copy, or one of the team's copies to edit. */
export type ProtocolEditing = { protocol: Protocol; isCopy: boolean } | null;

type ProtocolDialogProps = {
  communityId: string;
  editing: ProtocolEditing;
  onClose: () => void;
  onSaved: (protocol: Protocol) => void;
};

export function ProtocolDialog({ communityId, editing, onClose, onSaved }: ProtocolDialogProps) {
  const title = editing?.isCopy ? `Adapt ${editing.protocol.name}` : `Edit ${editing?.protocol.name ?? "protocol"}`;
  return (
    <Dialog open={editing !== null} title={title} onClose={onClose}>
      {editing ? (
        <ProtocolForm communityId={communityId} editing={editing} onCancel={onClose} onSaved={onSaved} />
      ) : null}
    </Dialog>
  );
}

/** Fold "steps/0/roles/2" into "steps/0/roles": the roles of a step are one field. */
function byField(problem: FormProblem): FormProblem {
  const fields: FieldErrors = {};
  for (const [path, detail] of Object.entries(problem.fields)) {
    const field = path.replace(/^(steps\/\d+\/(?:roles|prompts))\/\d+$/, "$1");
    fields[field] ??= stepMessage(field, detail);
  }
  return { fields, message: problem.message };
}

type ProtocolFormProps = Omit<ProtocolDialogProps, "editing" | "onClose"> & {
  editing: NonNullable<ProtocolEditing>;
  onCancel: () => void;
};

function ProtocolForm({ communityId, editing, onCancel, onSaved }: ProtocolFormProps) {
  const saveProtocol = useSaveProtocol(communityId);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => valuesOf(editing.protocol, editing.isCopy));
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(ProtocolInput, toProtocolInput(values), PROTOCOL_MESSAGES);
    if (checked.problem) return setProblem(byField(checked.problem));
    setProblem(NO_PROBLEM);
    saveProtocol.mutate(
      { id: editing.isCopy ? null : editing.protocol.key, input: checked.data },
      { onSuccess: onSaved, onError: (error) => setProblem(byField(problemFromError(error))) },
    );
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
      {editing.isCopy ? (
        <p className="muted">
          Your copy belongs to this community. The library's {editing.protocol.name} stays as it is.
        </p>
      ) : null}
      <FormAlert message={problem.message ?? problem.fields.steps ?? null} />
      <TextField
        label="Name"
        value={values.name}
        maxLength={160}
        onChange={(event) => setValues({ ...values, name: event.target.value })}
        error={problem.fields.name}
        required
      />
      <TextAreaField
        label="Purpose"
        value={values.purpose}
        rows={3}
        maxLength={2000}
        onChange={(event) => setValues({ ...values, purpose: event.target.value })}
        error={problem.fields.purpose}
      />
      <StepRows steps={values.steps} onChange={(steps) => setValues({ ...values, steps })} errors={problem.fields} />
      <div className="actions">
        <button type="submit" className="button" disabled={saveProtocol.isPending}>
          Save protocol
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
