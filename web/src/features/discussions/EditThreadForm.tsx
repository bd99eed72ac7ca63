import { type FormEvent, useRef, useState } from "react";
import { type ThreadDetail, ThreadPatch } from "../../../../contract/discussions";
import { TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { useUpdateThread } from "./discussions.api";
import { MESSAGE_HINT } from "./NewThreadForm";

const MESSAGES = { title: "Give the thread a title.", body: "Write a message." };

/** Edits a thread's title and opening message. */
export function EditThreadForm({ thread, onDone }: { thread: ThreadDetail; onDone: () => void }) {
  const updateThread = useUpdateThread(thread.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(thread.title);
  const [body, setBody] = useState(thread.body);
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(ThreadPatch, { title, body }, MESSAGES);
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    updateThread.mutate(checked.data, { onSuccess: onDone, onError: (error) => setProblem(problemFromError(error)) });
  }

  return (
    <section className="panel" aria-labelledby="edit-thread-heading">
      <h2 id="edit-thread-heading">Edit thread</h2>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
        <FormAlert message={problem.message} />
        <TextField
          label="Title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={problem.fields.title}
          required
        />
        <TextAreaField
          label="Message"
          hint={MESSAGE_HINT}
          value={body}
          rows={8}
          onChange={(event) => setBody(event.target.value)}
          error={problem.fields.body}
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
