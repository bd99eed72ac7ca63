import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { type CommunityHome, CommunityPatch } from "../../../../contract/communities";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { schoolChoicesQuery } from "../schools/schools.api";
import { COMMUNITY_MESSAGES, CommunityFields, type CommunityValues } from "./CommunityFields";
import { useUpdateCommunity } from "./communities.api";

/** Edits what the community is; starts from what the server has and saves only through the contract schema. */
export function CommunitySettingsForm({ community }: { community: CommunityHome }) {
  const updateCommunity = useUpdateCommunity(community.id);
  const schools = useQuery(schoolChoicesQuery);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<CommunityValues>({
    name: community.name,
    kind: community.kind,
    purpose: community.purpose,
    schoolIds: community.schools.map((school) => school.id),
  });
  const [problem, setProblem] = useState(NO_PROBLEM);
  const [isSaved, setIsSaved] = useState(false);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsSaved(false);
    const checked = validateForm(CommunityPatch, values, COMMUNITY_MESSAGES);
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    updateCommunity.mutate(checked.data, {
      onSuccess: () => setIsSaved(true),
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  // An archived school is no longer offered as a choice, but a community that already spans it keeps it.
  const schoolChoices = schools.isPending
    ? "loading"
    : schools.isError
      ? "error"
      : [
          ...schools.data.map((school) => ({ value: school.id, label: school.name })),
          ...community.schools
            .filter((school) => !schools.data.some((open) => open.id === school.id))
            .map((school) => ({ value: school.id, label: school.name })),
        ];

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
      <FormAlert message={problem.message} />
      <CommunityFields values={values} onChange={setValues} errors={problem.fields} schoolChoices={schoolChoices} />
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
