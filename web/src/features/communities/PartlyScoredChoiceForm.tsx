import { type FormEvent, useState } from "react";
import { type CommunityHome, CommunityPatch } from "../../../../contract/communities";
import { CheckboxField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useUpdateCommunity } from "./communities.api";

type PartlyScoredValues = { countsPartlyScoredAsNeed: boolean };

/** The team's choice whether partly scored results count as "needs more time" in its analyses and lists. */
export function PartlyScoredChoiceForm({ community }: { community: CommunityHome }) {
  const updateCommunity = useUpdateCommunity(community.id);
  const [isSaved, setIsSaved] = useState(false);
  const form = useContractForm<typeof CommunityPatch, PartlyScoredValues>({
    schema: CommunityPatch,
    defaultValues: { countsPartlyScoredAsNeed: community.countsPartlyScoredAsNeed },
    onValid: (patch) => updateCommunity.mutate(patch, { onSuccess: () => setIsSaved(true), onError: form.showProblem }),
  });

  function handleSubmit(event: FormEvent) {
    setIsSaved(false);
    return form.onSubmit(event);
  }

  return (
    <form ref={form.formRef} onSubmit={handleSubmit} noValidate className="form">
      <FormAlert message={form.formMessage} />
      <CheckboxField
        label="Count partly scored results as needs more time"
        hint="A student scored on only some items of a target is compared with cut scores meant for all of them, so their level is usually low. Left unticked, such results are listed apart; ticked, they also appear under needs more time, in not yet responded and in responsiveness."
        {...form.register("countsPartlyScoredAsNeed")}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={updateCommunity.isPending}>
          Save choice
        </button>
        <span role="status" className="save-status">
          {isSaved ? "Choice saved." : ""}
        </span>
      </div>
    </form>
  );
}
