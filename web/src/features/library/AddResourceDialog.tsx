import { type FormEvent, useRef, useState } from "react";
import {
  ALLOWED_UPLOAD_LABEL,
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  type Resource,
  ResourceInput,
  ResourceKind,
} from "../../../../contract/library";
import { Dialog } from "../../components/Dialog";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { ListFields, type ListTexts, listFieldErrors, listValues } from "./ListFields";
import { useCreateResource } from "./library.api";
import { type Placement, ScopeFields } from "./ScopeFields";

type AddResourceDialogProps = {
  open: boolean;
  onClose: () => void;
  onCreated: (resource: Resource) => void;
  defaultCommunityId?: string | undefined;
};

const MESSAGES = { title: "Give the resource a title.", url: "Enter a web address starting with http:// or https://." };

export function AddResourceDialog({ open, onClose, onCreated, defaultCommunityId }: AddResourceDialogProps) {
  return (
    <Dialog open={open} title="Add resource" onClose={onClose}>
      <AddResourceForm onCancel={onClose} onCreated={onCreated} defaultCommunityId={defaultCommunityId} />
    </Dialog>
  );
}

/** Lives only while the dialog is open, so every opening starts empty. */
function AddResourceForm({
  onCancel,
  onCreated,
  defaultCommunityId,
}: Omit<AddResourceDialogProps, "open" | "onClose"> & { onCancel: () => void }) {
  const createResource = useCreateResource();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<ResourceKind>("link");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [url, setUrl] = useState("");
  const [lists, setLists] = useState<ListTexts>({ tags: "", gradeLevels: "", subjects: "" });
  const [placement, setPlacement] = useState<Placement>({
    scope: defaultCommunityId ? "community" : "private",
    communityId: defaultCommunityId ?? "",
    schoolId: "",
  });
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const values = {
      kind,
      title,
      description,
      url: kind === "link" ? url.trim() || null : null,
      ...listValues(lists),
      scope: placement.scope,
      communityId: placement.scope === "community" ? placement.communityId || null : null,
      schoolId: placement.scope === "school" ? placement.schoolId || null : null,
    };
    const checked = validateForm(ResourceInput, values, MESSAGES);
    const needsFile = kind === "file" && !file;
    if (checked.problem || needsFile) {
      const fields = { ...checked.problem?.fields, ...(needsFile ? { file: "Choose the file to share." } : {}) };
      return setProblem({ fields, message: null });
    }
    setProblem(NO_PROBLEM);
    setProgress(null);
    createResource.mutate(
      { input: checked.data, file: kind === "file" ? file : null, onProgress: setProgress },
      { onSuccess: onCreated, onError: (error) => setProblem(problemFromError(error)) },
    );
  }

  const isUploading = createResource.isPending && kind === "file";
  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
      <FormAlert message={problem.message} />
      <SelectField
        label="Kind"
        value={kind}
        onChange={(event) => setKind(ResourceKind.parse(event.target.value))}
        error={problem.fields.kind}
      >
        {RESOURCE_KINDS.map((value) => (
          <option key={value} value={value}>
            {RESOURCE_KIND_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={problem.fields.title}
        autoComplete="off"
        required
      />
      <TextAreaField
        label="Description"
        value={description}
        rows={4}
        onChange={(event) => setDescription(event.target.value)}
        error={problem.fields.description}
      />
      {kind === "link" ? (
        <TextField
          label="URL"
          type="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          error={problem.fields.url}
          required
        />
      ) : null}
      {kind === "file" ? (
        <TextField
          label="File"
          type="file"
          hint={`${ALLOWED_UPLOAD_LABEL}.`}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          error={problem.fields.file ?? problem.fields.resource}
          required
        />
      ) : null}
      <ListFields values={lists} onChange={setLists} errors={listFieldErrors(problem.fields)} />
      <ScopeFields value={placement} onChange={setPlacement} errors={problem.fields} />
      {isUploading ? (
        <div className="field">
          <label htmlFor="upload-progress">Uploading</label>
          <progress id="upload-progress" max={1} value={progress ?? undefined}>
            {progress === null ? "Uploading…" : `${Math.round(progress * 100)}%`}
          </progress>
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={createResource.isPending}>
          Add resource
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
