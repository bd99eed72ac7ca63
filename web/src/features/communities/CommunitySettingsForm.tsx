import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import {
  COMMUNITY_KIND_LABELS,
  COMMUNITY_KINDS,
  type CommunityHome,
  CommunityKind,
  CommunityPatch,
} from "../../../../contract/communities";
import { CheckboxGroup } from "../../components/ChoiceGroup";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { Loading } from "../../components/QueryStatus";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { schoolChoicesQuery } from "../schools/schools.api";
import { useUpdateCommunity } from "./communities.api";

const MESSAGES = {
  name: "Give the community a name.",
  schoolIds: "Choose at least one school.",
};

/** Edits what the community is; starts from what the server has and saves only through the contract schema. */
export function CommunitySettingsForm({ community }: { community: CommunityHome }) {
  const updateCommunity = useUpdateCommunity(community.id);
  const schools = useQuery(schoolChoicesQuery);
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(community.name);
  const [kind, setKind] = useState<z.infer<typeof CommunityKind>>(community.kind);
  const [purpose, setPurpose] = useState(community.purpose);
  const [schoolIds, setSchoolIds] = useState(community.schools.map((school) => school.id));
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaved, setIsSaved] = useState(false);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsSaved(false);
    const checked = validateForm(CommunityPatch, { name, kind, purpose, schoolIds }, MESSAGES);
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    updateCommunity.mutate(checked.data, {
      onSuccess: () => setIsSaved(true),
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  // An archived school is no longer offered as a choice, but a community that already spans it keeps it.
  const choices = [
    ...(schools.data ?? []).map((school) => ({ value: school.id, label: school.name })),
    ...community.schools
      .filter((school) => !schools.data?.some((open) => open.id === school.id))
      .map((school) => ({ value: school.id, label: school.name })),
  ];
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
        <FormAlert message="The list of schools could not be loaded. Reload the page and try again." />
      ) : (
        <CheckboxGroup
          legend="Schools"
          hint="The schools whose staff take part. Their leaders can see and support the community."
          choices={choices}
          values={schoolIds}
          onChange={setSchoolIds}
          error={schoolError}
        />
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={updateCommunity.isPending || schools.isPending}>
          Save settings
        </button>
        <span role="status" className="save-status">
          {isSaved ? "Settings saved." : ""}
        </span>
      </div>
    </form>
  );
}
