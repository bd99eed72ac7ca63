import { type FormEvent, useRef, useState } from "react";
import { CommentInput, type ResourceDetail } from "../../../../contract/library";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { formatDateTime } from "../../components/format";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import styles from "./CommentList.module.css";
import { useCommentOnResource } from "./library.api";

/** Colleagues' comments on a resource, oldest first, and the form to add one. */
export function CommentsSection({ resource, canComment }: { resource: ResourceDetail; canComment: boolean }) {
  const comment = useCommentOnResource(resource.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [body, setBody] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(CommentInput, { body }, { body: "Write a comment." });
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    comment.mutate(checked.data.body, {
      onSuccess: () => setBody(""),
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <section className="panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {resource.comments.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ul className={styles.list}>
          {resource.comments.map((item) => (
            <li key={item.id}>
              <p className="post-meta muted">
                <strong>{item.author?.name ?? "Former member"}</strong> · {formatDateTime(item.createdAt)}
              </p>
              <p className={styles.body}>{item.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canComment ? (
        <form ref={formRef} onSubmit={handleSubmit} noValidate className="form form-wide">
          <FormAlert message={problem.message} />
          <TextAreaField
            label="Comment"
            value={body}
            rows={3}
            onChange={(event) => setBody(event.target.value)}
            error={problem.fields.body}
            required
          />
          <div className="actions">
            <button type="submit" className="button" disabled={comment.isPending}>
              Add comment
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
