import { type Person, PersonInput } from "../../../../contract/people";
import { Dialog } from "../../components/Dialog";
import { CheckboxField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { PersonFields } from "./PersonFields";
import { useCreatePerson } from "./people.api";
import { checkRoleSchools, EMPTY_PERSON, PERSON_MESSAGES, type PersonFormValues } from "./person-form";

type AddPersonDialogProps = {
  open: boolean;
  onClose: () => void;
  onAdded: (person: Person, isInvited: boolean) => void;
};

export function AddPersonDialog({ open, onClose, onAdded }: AddPersonDialogProps) {
  return (
    <Dialog open={open} title="Add person" onClose={onClose}>
      <AddPersonForm onCancel={onClose} onAdded={onAdded} />
    </Dialog>
  );
}

/** Lives only while the dialog is open, so every opening starts with an empty form. */
function AddPersonForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: AddPersonDialogProps["onAdded"] }) {
  const createPerson = useCreatePerson();
  const form = useContractForm<typeof PersonInput, PersonFormValues>({
    schema: PersonInput,
    defaultValues: EMPTY_PERSON,
    messages: PERSON_MESSAGES,
    check: (values) => checkRoleSchools(values.roles),
    onValid: (input) =>
      createPerson.mutate(input, {
        onSuccess: (person) => onAdded(person, input.sendInvite),
        onError: form.showProblem,
      }),
  });

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <FormAlert message={form.formMessage} />
      <PersonFields form={form} />
      <CheckboxField
        label="Send invitation email"
        {...form.register("sendInvite")}
        hint="The email holds a link to choose a password. It stays valid for 7 days; you can resend it later."
      />
      <div className="actions">
        <button type="submit" className="button" disabled={createPerson.isPending}>
          Save
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
