import { ReplyInput } from "../../../../contract/discussions";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useReplyToThread } from "./discussions.api";
import { MESSAGE_HINT } from "./NewThreadForm";

/** Adds a reply; the box empties once the reply is in the thread. */
export function ReplyForm({ threadId }: { threadId: string }) {
  const replyToThread = useReplyToThread(threadId);
  const { form, formRef, handleSubmit, formMessage, fieldError, showProblem } = useContractForm({
    schema: ReplyInput,
    defaultValues: { body: "" },
    messages: { body: "Write your reply." },
    onValid: ({ body }) => replyToThread.mutate(body, { onSuccess: () => form.reset(), onError: showProblem }),
  });

  return (
    <section className="panel" aria-labelledby="reply-heading">
      <h2 id="reply-heading">Add a reply</h2>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
        <FormAlert message={formMessage} />
        <TextAreaField
          label="Reply"
          hint={MESSAGE_HINT}
          rows={5}
          {...form.register("body")}
          error={fieldError("body")}
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
