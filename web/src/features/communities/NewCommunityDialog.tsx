import { useQuery } from "@tanstack/react-query";
import { CommunityInput, type CommunitySummary } from "../../../../contract/communities";
import { Dialog } from "../../components/Dialog";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { schoolChoicesQuery } from "../schools/schools.api";
import { COMMUNITY_MESSAGES, CommunityFields, type CommunityValues } from "./CommunityFields";
import { useCreateCommunity } from "./communities.api";

type NewCommunityDialogProps = {
  open: boolean;
  onClose: () => void;
  onCreated: (community: CommunitySummary) => void;
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
  const form = useContractForm<typeof CommunityInput, CommunityValues>({
    schema: CommunityInput,
    defaultValues: { name: "", kind: "grade_level", purpose: "", schoolIds: [] },
    messages: COMMUNITY_MESSAGES,
    onValid: (input) => createCommunity.mutate(input, { onSuccess: onCreated, onError: form.showProblem }),
  });

  const schoolChoices = schools.isPending
    ? "loading"
    : schools.isError
      ? "error"
      : schools.data.map((school) => ({ value: school.id, label: school.name }));

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <FormAlert message={form.formMessage} />
      <CommunityFields form={form} schoolChoices={schoolChoices} />
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
