import { type FormEvent, useRef, useState } from "react";
import { type Person, PersonPatch } from "../../../../contract/people";
import { now } from "../../clock";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { PersonFields } from "./PersonFields";
import { useUpdatePerson } from "./people.api";
import { checkRoleSchools, PERSON_MESSAGES, type PersonFormValues } from "./person-form";

function valuesOf(person: Person): PersonFormValues {
  return {
    displayName: person.displayName,
    email: person.email,
    preferredLanguage: person.preferredLanguage === "es" ? "es" : "en",
    roles: person.roles.map(({ role, schoolId }) => ({ role, schoolId })),
  };
}

/** Edits a person's details and roles; only what changed is sent. */
export function PersonEditForm({ person }: { person: Person }) {
  const updatePerson = useUpdatePerson(person.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => valuesOf(person));
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(PersonPatch, values, PERSON_MESSAGES);
    const roleErrors = checkRoleSchools(values.roles);
    if (checked.problem || Object.keys(roleErrors).length) {
      return setProblem({ fields: { ...roleErrors, ...checked.problem?.fields }, message: null });
    }
    setProblem(NO_PROBLEM);
    setSavedAt(null);
    updatePerson.mutate(checked.data, {
      onSuccess: (updated) => {
        setValues(valuesOf(updated));
        setSavedAt(now());
      },
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form" aria-labelledby="person-edit-heading">
      <h2 id="person-edit-heading">Details and roles</h2>
      <FormAlert message={problem.message} />
      <PersonFields values={values} onChange={setValues} errors={problem.fields} />
      <div className="actions">
        <button type="submit" className="button" disabled={updatePerson.isPending}>
          Save
        </button>
        <span role="status" className="save-status">
          {savedAt ? "Changes saved." : ""}
        </span>
      </div>
    </form>
  );
}
