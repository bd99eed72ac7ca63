import { type FormEvent, useRef, useState } from "react";
import { ReplyInput } from "../../../../contract/discussions";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { useReplyToThread } from "./discussions.api";
import { MESSAGE_HINT } from "./NewThreadForm";

/** Adds a reply; the box empties once the reply is in the thread. */
export function ReplyForm({ threadId }: { threadId: string }) {
  const replyToThread = useReplyToThread(threadId);
  const formRef = useRef<HTMLFormElement>(null);
  const [body, setBody] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(ReplyInput, { body }, { body: "Write your reply." });
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    replyToThread.mutate(checked.data.body, {
      onSuccess: () => setBody(""),
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <section className="panel" aria-labelledby="reply-heading">
      <h2 id="reply-heading">Add a reply</h2>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
        <FormAlert message={problem.message} />
        <TextAreaField
          label="Reply"
          hint={MESSAGE_HINT}
          value={body}
          rows={5}
          onChange={(event) => setBody(event.target.value)}
          error={problem.fields.body}
          required
        />
        <div className="actions">
          <button type="submit" className="button" disabled={replyToThread.isPending}>
            Post reply
          </button>
        </div>
      </form>
    </section>
  );
}
