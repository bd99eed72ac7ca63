import { type ResourceDetail, ResourcePatch } from "../../../../contract/library";
import { Dialog } from "../../components/Dialog";
import { TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { EvidenceFields, type EvidenceTexts, evidenceValues } from "./EvidenceFields";
import { ListFields, type ListTexts, listValues } from "./ListFields";
import { useUpdateResource } from "./library.api";

/** The fields as typed: lists as comma-separated text, no address as blank. */
type ResourceValues = ListTexts & EvidenceTexts & { title: string; description: string; url: string };

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
  const form = useContractForm<typeof ResourcePatch, ResourceValues>({
    schema: ResourcePatch,
    defaultValues: {
      title: resource.title,
      description: resource.description,
      url: resource.url ?? "",
      tags: resource.tags.join(", "),
      gradeLevels: resource.gradeLevels.join(", "),
      subjects: resource.subjects.join(", "),
      evidenceLevel: resource.evidenceLevel ?? "",
      evidenceSource: resource.evidenceSource ?? "",
    },
    toInput: ({ title, description, url, evidenceLevel, evidenceSource, ...lists }) => ({
      title,
      description,
      ...(resource.kind === "link" ? { url: url.trim() || null } : {}),
      ...listValues(lists),
      ...(resource.kind === "strategy" ? evidenceValues({ evidenceLevel, evidenceSource }) : {}),
    }),
    messages: { title: "Give the resource a title." },
    onValid: (patch) => updateResource.mutate(patch, { onSuccess: onDone, onError: form.showProblem }),
  });
  const { tags, gradeLevels, subjects, evidenceLevel, evidenceSource } = form.watch();

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <FormAlert message={form.formMessage} />
      <TextField label="Title" {...form.register("title")} error={form.fieldError("title")} required />
      <TextAreaField
        label="Description"
        rows={4}
        {...form.register("description")}
        error={form.fieldError("description")}
      />
      {resource.kind === "link" ? (
        <TextField label="URL" type="url" {...form.register("url")} error={form.fieldError("url")} required />
      ) : null}
      {resource.kind === "strategy" ? (
        <EvidenceFields
          values={{ evidenceLevel, evidenceSource }}
          onChange={(next) => {
            form.setValue("evidenceLevel", next.evidenceLevel);
            form.setValue("evidenceSource", next.evidenceSource);
          }}
          errors={{
            evidenceLevel: form.fieldError("evidenceLevel"),
            evidenceSource: form.fieldError("evidenceSource"),
          }}
        />
      ) : null}
      <ListFields
        values={{ tags, gradeLevels, subjects }}
        onChange={(next) => {
          form.setValue("tags", next.tags);
          form.setValue("gradeLevels", next.gradeLevels);
          form.setValue("subjects", next.subjects);
        }}
        errors={{
          tags: form.errorWithin("tags"),
          gradeLevels: form.errorWithin("gradeLevels"),
          subjects: form.errorWithin("subjects"),
        }}
      />
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
