import { type ThreadDetail, ThreadPatch } from "../../../../contract/discussions";
import { TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { useUpdateThread } from "./discussions.api";
import { MESSAGE_HINT, THREAD_MESSAGES } from "./NewThreadForm";

/** Edits a thread's title and opening message. */
export function EditThreadForm({ thread, onDone }: { thread: ThreadDetail; onDone: () => void }) {
  const updateThread = useUpdateThread(thread.id);
  const form = useContractForm({
    schema: ThreadPatch,
    defaultValues: { title: thread.title, body: thread.body },
    messages: THREAD_MESSAGES,
    onValid: (patch) => updateThread.mutate(patch, { onSuccess: onDone, onError: form.showProblem }),
  });

  return (
    <section className="panel" aria-labelledby="edit-thread-heading">
      <h2 id="edit-thread-heading">Edit thread</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
        <FormAlert message={form.formMessage} />
        <TextField label="Title" {...form.register("title")} error={form.fieldError("title")} required />
        <TextAreaField
          label="Message"
          hint={MESSAGE_HINT}
          rows={8}
          {...form.register("body")}
          error={form.fieldError("body")}
          required
        />
        <div className="actions">
          <button type="submit" className="button" disabled={updateThread.isPending}>
            Save changes
          </button>
          <button type="button" className="button button-secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
