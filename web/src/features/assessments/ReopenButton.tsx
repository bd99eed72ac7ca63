import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { useUpdateAssessment } from "./assessments.api";

/**
 * A closed assessment's way back to entering results, at the top of its page and of its results page (before,
 * reopening meant finding the status field in the details form).
 */
export function ReopenButton({ assessmentId }: { assessmentId: string }) {
  const update = useUpdateAssessment(assessmentId);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => update.mutate({ status: "open" })}
        disabled={update.isPending}
      >
        Reopen to enter results
      </button>
      {update.error ? <FormAlert message={problemFromError(update.error).message} /> : null}
    </>
  );
}
