import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { ThreadInput } from "../../../../contract/discussions";
import { TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { type ThreadPlace, useStartThread } from "./discussions.api";

const MESSAGES = { title: "Give the thread a title.", body: "Write a message." };
export const MESSAGE_HINT =
  "Markdown works. Mention colleagues with @ and the part of their email before the @, like @priya.natarajan.";

/** Starts a thread; on success the new thread's page opens. */
export function NewThreadForm({ place }: { place: ThreadPlace }) {
  const startThread = useStartThread(place);
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(ThreadInput, { title, body }, MESSAGES);
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    startThread.mutate(checked.data, {
      onSuccess: (thread) => navigate({ to: "/discussions/$threadId", params: { threadId: thread.id } }),
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <section className="panel" aria-labelledby="new-thread-heading">
      <h2 id="new-thread-heading">New thread</h2>
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
        <FormAlert message={problem.message} />
        <TextField
          label="Title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={problem.fields.title}
          autoComplete="off"
          required
        />
        <TextAreaField
          label="Message"
          hint={MESSAGE_HINT}
          value={body}
          rows={6}
          onChange={(event) => setBody(event.target.value)}
          error={problem.fields.body}
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
