import { type FormEvent, useRef, useState } from "react";
import { type CommunityHome, TeamRole } from "../../../../contract/communities";
import { Dialog } from "../../components/Dialog";
import { SelectField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { type FormProblem, NO_PROBLEM, problemFromError } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
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

type AddMemberFormProps = Pick<AddMemberDialogProps, "community" | "onAdded"> & { onCancel: () => void };

/** Find a person, choose their team role, add them; lives only while the dialog is open. */
function AddMemberForm({ community, onCancel, onAdded }: AddMemberFormProps) {
  const addMember = useAddMember(community.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [person, setPerson] = useState<ChosenPerson | null>(null);
  const [teamRole, setTeamRole] = useState<TeamRole>("member");
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!person) return setProblem({ fields: { personId: "Choose the person to add." }, message: null });
    setProblem(NO_PROBLEM);
    addMember.mutate(
      { personId: person.id, teamRole },
      {
        onSuccess: () => onAdded(person.displayName),
        onError: (error) => setProblem(problemFromError(error)),
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
      <FormAlert message={problem.message} />
      <PersonPicker
        chosen={person}
        onChoose={setPerson}
        memberIds={community.members.map((member) => member.personId)}
        error={problem.fields.personId}
      />
      <SelectField
        label="Team role"
        value={teamRole}
        onChange={(event) => setTeamRole(TeamRole.parse(event.target.value))}
        error={problem.fields.teamRole}
      >
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
