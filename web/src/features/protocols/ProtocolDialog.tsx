import { type Protocol, ProtocolInput } from "../../../../contract/meetings";
import { Dialog } from "../../components/Dialog";
import { TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { PROTOCOL_MESSAGES, type ProtocolFormValues, toProtocolInput, valuesOf } from "./protocol-form";
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

type ProtocolFormProps = Omit<ProtocolDialogProps, "editing" | "onClose"> & {
  editing: NonNullable<ProtocolEditing>;
  onCancel: () => void;
};

function ProtocolForm({ communityId, editing, onCancel, onSaved }: ProtocolFormProps) {
  const saveProtocol = useSaveProtocol(communityId);
  const form = useContractForm<typeof ProtocolInput, ProtocolFormValues>({
    schema: ProtocolInput,
    defaultValues: valuesOf(editing.protocol, editing.isCopy),
    toInput: toProtocolInput,
    messages: PROTOCOL_MESSAGES,
    onValid: (input) =>
      saveProtocol.mutate(
        { id: editing.isCopy ? null : editing.protocol.key, input },
        { onSuccess: onSaved, onError: form.showProblem },
      ),
  });

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      {editing.isCopy ? (
        <p className="muted">
          Your copy belongs to this community. The library's {editing.protocol.name} stays as it is.
        </p>
      ) : null}
      <FormAlert message={form.formMessage ?? form.fieldError("steps") ?? null} />
      <TextField label="Name" maxLength={160} {...form.register("name")} error={form.fieldError("name")} required />
      <TextAreaField
        label="Purpose"
        rows={3}
        maxLength={2000}
        {...form.register("purpose")}
        error={form.fieldError("purpose")}
      />
      <StepRows form={form} />
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
