import { type FormEvent, useRef, useState } from "react";
import { type ResourceDetail, ResourcePatch } from "../../../../contract/library";
import { Dialog } from "../../components/Dialog";
import { TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { useFocusFirstError } from "../../components/use-focus-first-error";
import { ListFields, type ListTexts, listFieldErrors, listValues } from "./ListFields";
import { useUpdateResource } from "./library.api";

type EditResourceDialogProps = { resource: ResourceDetail; open: boolean; onClose: () => void };

export function EditResourceDialog({ resource, open, onClose }: EditResourceDialogProps) {
  return (
    <Dialog open={open} title="Edit resource" onClose={onClose}>
      <EditResourceForm resource={resource} onDone={onClose} />
    </Dialog>
  );
}

/** Title, description, web address and lists; where it is shared stays as it is. */
function EditResourceForm({ resource, onDone }: { resource: ResourceDetail; onDone: () => void }) {
  const updateResource = useUpdateResource(resource.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(resource.title);
  const [description, setDescription] = useState(resource.description);
  const [url, setUrl] = useState(resource.url ?? "");
  const [lists, setLists] = useState<ListTexts>({
    tags: resource.tags.join(", "),
    gradeLevels: resource.gradeLevels.join(", "),
    subjects: resource.subjects.join(", "),
  });
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const values = {
      title,
      description,
      ...(resource.kind === "link" ? { url: url.trim() || null } : {}),
      ...listValues(lists),
    };
    const checked = validateForm(ResourcePatch, values, { title: "Give the resource a title." });
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    updateResource.mutate(checked.data, { onSuccess: onDone, onError: (error) => setProblem(problemFromError(error)) });
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
      <FormAlert message={problem.message} />
      <TextField
        label="Title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={problem.fields.title}
        required
      />
      <TextAreaField
        label="Description"
        value={description}
        rows={4}
        onChange={(event) => setDescription(event.target.value)}
        error={problem.fields.description}
      />
      {resource.kind === "link" ? (
        <TextField
          label="URL"
          type="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          error={problem.fields.url}
          required
        />
      ) : null}
      <ListFields values={lists} onChange={setLists} errors={listFieldErrors(problem.fields)} />
      <div className="actions">
        <button type="submit" className="button" disabled={updateResource.isPending}>
          Save changes
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
