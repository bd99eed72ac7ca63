import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import {
  COMMUNITY_KIND_LABELS,
  COMMUNITY_KINDS,
  CommunityInput,
  CommunityKind,
  type CommunitySummary,
} from "../../../../contract/communities";
import { CheckboxGroup } from "../../components/ChoiceGroup";
import { Dialog } from "../../components/Dialog";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { Loading } from "../../components/QueryStatus";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { schoolChoicesQuery } from "../schools/schools.api";
import { useCreateCommunity } from "./communities.api";

type NewCommunityDialogProps = {
  open: boolean;
  onClose: () => void;
  onCreated: (community: CommunitySummary) => void;
};

const MESSAGES = {
  name: "Give the community a name.",
  schoolIds: "Choose at least one school.",
};

export function NewCommunityDialog({ open, onClose, onCreated }: NewCommunityDialogProps) {
  return (
    <Dialog open={open} title="New community" onClose={onClose}>
      <NewCommunityForm onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

/** Lives only while the dialog is open, so every opening starts empty. */
function NewCommunityForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: NewCommunityDialogProps["onCreated"];
}) {
  const createCommunity = useCreateCommunity();
  const schools = useQuery(schoolChoicesQuery);
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<z.infer<typeof CommunityKind>>("grade_level");
  const [purpose, setPurpose] = useState("");
  const [schoolIds, setSchoolIds] = useState<string[]>([]);
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(CommunityInput, { name, kind, purpose, schoolIds }, MESSAGES);
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    createCommunity.mutate(checked.data, {
      onSuccess: onCreated,
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  const schoolError =
    problem.fields.schoolIds ?? Object.entries(problem.fields).find(([path]) => path.startsWith("schoolIds/"))?.[1];

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
      <FormAlert message={problem.message} />
      <TextField
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={problem.fields.name}
        autoComplete="off"
        required
      />
      <SelectField
        label="Kind"
        value={kind}
        onChange={(event) => setKind(CommunityKind.parse(event.target.value))}
        error={problem.fields.kind}
      >
        {COMMUNITY_KINDS.map((option) => (
          <option key={option} value={option}>
            {COMMUNITY_KIND_LABELS[option]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="Purpose"
        hint="What the team is working on together, in a sentence or two."
        value={purpose}
        onChange={(event) => setPurpose(event.target.value)}
        error={problem.fields.purpose}
        rows={3}
      />
      {schools.isPending ? (
        <Loading label="Loading schools…" />
      ) : schools.isError ? (
        <FormAlert message="The list of schools could not be loaded. Close this dialog and try again." />
      ) : (
        <CheckboxGroup
          legend="Schools"
          hint="The schools whose staff take part. Their leaders can see and support the community."
          choices={schools.data.map((school) => ({ value: school.id, label: school.name }))}
          values={schoolIds}
          onChange={setSchoolIds}
          error={schoolError}
        />
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={createCommunity.isPending}>
          Create community
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
