import { CommentInput, type ResourceDetail } from "../../../../contract/library";
import { TextAreaField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { formatDateTime } from "../../components/format";
import { useContractForm } from "../../components/use-contract-form";
import styles from "./CommentList.module.css";
import { useCommentOnResource } from "./library.api";

/** Colleagues' comments on a resource, oldest first, and the form to add one. */
export function CommentsSection({ resource, canComment }: { resource: ResourceDetail; canComment: boolean }) {
  const comment = useCommentOnResource(resource.id);
  const form = useContractForm({
    schema: CommentInput,
    defaultValues: { body: "" },
    messages: { body: "Write a comment." },
    onValid: ({ body }) =>
      comment.mutate(body, { onSuccess: () => form.reset({ body: "" }), onError: form.showProblem }),
  });

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
        <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form form-wide">
          <FormAlert message={form.formMessage} />
          <TextAreaField label="Comment" rows={3} {...form.register("body")} error={form.fieldError("body")} required />
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
