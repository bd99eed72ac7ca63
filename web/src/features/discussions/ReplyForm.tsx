import { ReplyInput } from "../../../../contract/discussions";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useReplyToThread } from "./discussions.api";
import { MESSAGE_HINT } from "./NewThreadForm";

/** Adds a reply; the box empties once the reply is in the thread. */
export function ReplyForm({ threadId }: { threadId: string }) {
  const replyToThread = useReplyToThread(threadId);
  const form = useContractForm({
    schema: ReplyInput,
    defaultValues: { body: "" },
    messages: { body: "Write your reply." },
    onValid: ({ body }) => replyToThread.mutate(body, { onSuccess: () => form.reset(), onError: form.showProblem }),
  });

  return (
    <section className="panel" aria-labelledby="reply-heading">
      <h2 id="reply-heading">Add a reply</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
        <FormAlert message={form.formMessage} />
        <TextAreaField
          label="Reply"
          hint={MESSAGE_HINT}
          rows={5}
          {...form.register("body")}
          error={form.fieldError("body")}
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
