import { Controller } from "react-hook-form";
import { type CommunityHome, MemberInput, TeamRole } from "../../../../contract/communities";
import { Dialog } from "../../components/Dialog";
import { SelectField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { TEAM_ROLE_LABELS } from "./community-roles";
import { useAddMember } from "./members.api";
import { type ChosenPerson, PersonPicker } from "./PersonPicker";

type AddMemberDialogProps = {
  open: boolean;
  community: CommunityHome;
  onClose: () => void;
  onAdded: (name: string) => void;
};

export function AddMemberDialog({ open, community, onClose, onAdded }: AddMemberDialogProps) {
  return (
    <Dialog open={open} title="Add member" onClose={onClose}>
      <AddMemberForm community={community} onCancel={onClose} onAdded={onAdded} />
    </Dialog>
  );
}

type MemberValues = { person: ChosenPerson | null; teamRole: TeamRole };

type AddMemberFormProps = Pick<AddMemberDialogProps, "community" | "onAdded"> & { onCancel: () => void };

/** Find a person, choose their team role, add them; lives only while the dialog is open. */
function AddMemberForm({ community, onCancel, onAdded }: AddMemberFormProps) {
  const addMember = useAddMember(community.id);
  const form = useContractForm<typeof MemberInput, MemberValues>({
    schema: MemberInput,
    defaultValues: { person: null, teamRole: "member" },
    toInput: ({ person, teamRole }) => ({ personId: person?.id ?? "", teamRole }),
    messages: { personId: "Choose the person to add." },
    onValid: (input) =>
      addMember.mutate(input, {
        onSuccess: () => onAdded(form.getValues("person")?.displayName ?? ""),
        onError: form.showProblem,
      }),
  });

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <FormAlert message={form.formMessage} />
      <Controller
        control={form.control}
        name="person"
        render={({ field }) => (
          <PersonPicker
            chosen={field.value}
            onChoose={field.onChange}
            memberIds={community.members.map((member) => member.personId)}
            error={form.fieldError("personId")}
          />
        )}
      />
      <SelectField label="Team role" {...form.register("teamRole")} error={form.fieldError("teamRole")}>
        {TeamRole.options.map((role) => (
          <option key={role} value={role}>
            {TEAM_ROLE_LABELS[role]}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button" disabled={addMember.isPending}>
          Add member
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
