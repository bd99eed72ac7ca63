import { type FormEvent, useId, useRef, useState } from "react";
import { ALLOWED_UPLOAD_LABEL } from "../../../../contract/library";
import { TextField } from "../../components/Field";
import { problemFromError } from "../../components/form-errors";
import styles from "./AttachFileForm.module.css";
import { useAttachFile } from "./discussions.api";

type AttachFileFormProps = { threadId: string; replyId: string | null };

/** Lets a post's author add one file at a time, with upload progress and the server's reason if it refuses. */
export function AttachFileForm({ threadId, replyId }: AttachFileFormProps) {
  const attachFile = useAttachFile(threadId);
  const formRef = useRef<HTMLFormElement>(null);
  const progressId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError("Choose a file to attach.");
    setError(null);
    setProgress(null);
    attachFile.mutate(
      { replyId, file, onProgress: setProgress },
      {
        onSuccess: () => {
          formRef.current?.reset();
          setFile(null);
        },
        // Too large (413) and not allowed (415) come without a pointer, but they are about this one field.
        onError: (failure) => {
          const problem = problemFromError(failure);
          setError(problem.fields.file ?? problem.message ?? "The file could not be attached.");
        },
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className={`form ${styles.form}`}>
      <TextField
        label="Attach a file"
        type="file"
        hint={`${ALLOWED_UPLOAD_LABEL}.`}
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        error={error ?? undefined}
      />
      {attachFile.isPending ? (
        <div className="field">
          <label htmlFor={progressId}>Uploading</label>
          <progress id={progressId} max={1} value={progress ?? undefined}>
            {progress === null ? "Uploading…" : `${Math.round(progress * 100)}%`}
          </progress>
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={attachFile.isPending}>
          Upload
        </button>
      </div>
    </form>
  );
}
