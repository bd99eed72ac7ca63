import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { CommunityInput, type CommunitySummary } from "../../../../contract/communities";
import { Dialog } from "../../components/Dialog";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
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
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<CommunityValues>({ name: "", kind: "grade_level", purpose: "", schoolIds: [] });
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(CommunityInput, values, COMMUNITY_MESSAGES);
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    createCommunity.mutate(checked.data, {
      onSuccess: onCreated,
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  const schoolChoices = schools.isPending
    ? "loading"
    : schools.isError
      ? "error"
      : schools.data.map((school) => ({ value: school.id, label: school.name }));

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
      <FormAlert message={problem.message} />
      <CommunityFields values={values} onChange={setValues} errors={problem.fields} schoolChoices={schoolChoices} />
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
