import { FeedbackInput } from "../../../../contract/visits";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useGiveFeedback } from "./visits.api";

const MESSAGES = { observations: "Write what you observed." };

type FeedbackField = "observations" | "whatWorked" | "whatToTry" | "question";

/** A visitor's feedback: what they saw, not a judgement of the teacher. */
export function FeedbackForm({ visitId }: { visitId: string }) {
  const giveFeedback = useGiveFeedback(visitId);
  const form = useContractForm({
    schema: FeedbackInput,
    defaultValues: { observations: "", whatWorked: "", whatToTry: "", question: "" },
    messages: MESSAGES,
    onValid: (feedback) => giveFeedback.mutate(feedback, { onError: form.showProblem }),
  });

  function field(name: FeedbackField, label: string, hint: string, required = false) {
    return (
      <TextAreaField
        label={label}
        hint={hint}
        rows={3}
        {...form.register(name)}
        error={form.fieldError(name)}
        required={required}
      />
    );
  }

  return (
    <section className="panel" aria-labelledby="feedback-form-heading">
      <h2 id="feedback-form-heading">Your feedback</h2>
      <p className="notice">
        This feedback is non-evaluative: describe what you saw, not how good it was. Only the teacher you visited reads
        it, unless they choose to share it with their team.
      </p>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
        <FormAlert message={form.formMessage} />
        {field("observations", "Observations", "What you saw and heard, related to the focus.", true)}
        {field("whatWorked", "What worked", "Optional. What seemed to help students learn.")}
        {field("whatToTry", "What to try", "Optional. An idea you would like to try yourself, or to suggest.")}
        {field("question", "A question", "Optional. Something you wondered about.")}
        <div className="actions">
          <button type="submit" className="button" disabled={giveFeedback.isPending}>
            Send feedback
          </button>
        </div>
      </form>
    </section>
  );
}
