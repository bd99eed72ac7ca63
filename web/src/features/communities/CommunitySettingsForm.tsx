import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type CommunityHome, CommunityPatch } from "../../../../contract/communities";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { schoolChoicesQuery } from "../schools/schools.api";
import { COMMUNITY_MESSAGES, CommunityFields, type CommunityValues } from "./CommunityFields";
import { useUpdateCommunity } from "./communities.api";

/** Edits what the community is; starts from what the server has and saves only through the contract schema. */
export function CommunitySettingsForm({ community }: { community: CommunityHome }) {
  const updateCommunity = useUpdateCommunity(community.id);
  const schools = useQuery(schoolChoicesQuery);
  const [isSaved, setIsSaved] = useState(false);
  const form = useContractForm<typeof CommunityPatch, CommunityValues>({
    schema: CommunityPatch,
    defaultValues: {
      name: community.name,
      kind: community.kind,
      purpose: community.purpose,
      schoolIds: community.schools.map((school) => school.id),
    },
    messages: COMMUNITY_MESSAGES,
    onValid: (patch) => updateCommunity.mutate(patch, { onSuccess: () => setIsSaved(true), onError: form.showProblem }),
  });

  function handleSubmit(event: FormEvent) {
    setIsSaved(false);
    return form.onSubmit(event);
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
    <form ref={form.formRef} onSubmit={handleSubmit} noValidate className="form">
      <FormAlert message={form.formMessage} />
      <CommunityFields form={form} schoolChoices={schoolChoices} />
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
