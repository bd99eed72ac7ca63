import { type FormEvent, useRef, useState } from "react";
import { type Person, PersonInput } from "../../../../contract/people";
import { Dialog } from "../../components/Dialog";
import { CheckboxField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { PersonFields } from "./PersonFields";
import { useCreatePerson } from "./people.api";
import { checkRoleSchools, EMPTY_PERSON, PERSON_MESSAGES } from "./person-form";

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
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY_PERSON);
  const [sendInvite, setSendInvite] = useState(true);
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(PersonInput, { ...values, sendInvite }, PERSON_MESSAGES);
    const roleErrors = checkRoleSchools(values.roles);
    if (checked.problem || Object.keys(roleErrors).length) {
      return setProblem({ fields: { ...roleErrors, ...checked.problem?.fields }, message: null });
    }
    setProblem(NO_PROBLEM);
    createPerson.mutate(checked.data, {
      onSuccess: (person) => onAdded(person, sendInvite),
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
      <FormAlert message={problem.message} />
      <PersonFields values={values} onChange={setValues} errors={problem.fields} />
      <CheckboxField
        label="Send invitation email"
        checked={sendInvite}
        onChange={(event) => setSendInvite(event.target.checked)}
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
