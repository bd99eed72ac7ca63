import { useState } from "react";
import { type Person, PersonPatch } from "../../../../contract/people";
import { now } from "../../clock";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
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
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const form = useContractForm<typeof PersonPatch, PersonFormValues>({
    schema: PersonPatch,
    defaultValues: valuesOf(person),
    messages: PERSON_MESSAGES,
    check: (values) => checkRoleSchools(values.roles),
    onValid: (patch) => {
      setSavedAt(null);
      updatePerson.mutate(patch, {
        onSuccess: (updated) => {
          form.reset(valuesOf(updated));
          setSavedAt(now());
        },
        onError: form.showProblem,
      });
    },
  });

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form" aria-labelledby="person-edit-heading">
      <h2 id="person-edit-heading">Details and roles</h2>
      <FormAlert message={form.formMessage} />
      <PersonFields form={form} />
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
