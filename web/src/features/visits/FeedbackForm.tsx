import { type FormEvent, useRef, useState } from "react";
import { FeedbackInput } from "../../../../contract/visits";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { useGiveFeedback } from "./visits.api";

const MESSAGES = { observations: "Write what you observed." };

/** A visitor's feedback: what they saw, not a judgement of the teacher. */
export function FeedbackForm({ visitId }: { visitId: string }) {
  const giveFeedback = useGiveFeedback(visitId);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ observations: "", whatWorked: "", whatToTry: "", question: "" });
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(FeedbackInput, values, MESSAGES);
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    giveFeedback.mutate(checked.data, { onError: (error) => setProblem(problemFromError(error)) });
  }

  function field(name: keyof typeof values, label: string, hint: string, required = false) {
    return (
      <TextAreaField
        label={label}
        hint={hint}
        value={values[name]}
        rows={3}
        onChange={(event) => setValues({ ...values, [name]: event.target.value })}
        error={problem.fields[name]}
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
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
        <FormAlert message={problem.message} />
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
