import { useNavigate } from "@tanstack/react-router";
import { ThreadInput } from "../../../../contract/discussions";
import { TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { type ThreadPlace, useStartThread } from "./discussions.api";

export const THREAD_MESSAGES = { title: "Give the thread a title.", body: "Write a message." };
export const MESSAGE_HINT =
  "Markdown works. Mention colleagues with @ and the part of their email before the @, like @priya.natarajan.";

/** Starts a thread; on success the new thread's page opens. */
export function NewThreadForm({ place }: { place: ThreadPlace }) {
  const startThread = useStartThread(place);
  const navigate = useNavigate();
  const form = useContractForm({
    schema: ThreadInput,
    defaultValues: { title: "", body: "" },
    messages: THREAD_MESSAGES,
    onValid: (input) =>
      startThread.mutate(input, {
        onSuccess: (thread) => navigate({ to: "/discussions/$threadId", params: { threadId: thread.id } }),
        onError: form.showProblem,
      }),
  });

  return (
    <section className="panel" aria-labelledby="new-thread-heading">
      <h2 id="new-thread-heading">New thread</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
        <FormAlert message={form.formMessage} />
        <TextField
          label="Title"
          {...form.register("title")}
          error={form.fieldError("title")}
          autoComplete="off"
          required
        />
        <TextAreaField
          label="Message"
          hint={MESSAGE_HINT}
          rows={6}
          {...form.register("body")}
          error={form.fieldError("body")}
          required
        />
        <div className="actions">
          <button type="submit" className="button" disabled={startThread.isPending}>
            Post thread
          </button>
        </div>
      </form>
    </section>
  );
}
