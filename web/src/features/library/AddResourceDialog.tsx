import { useState } from "react";
import {
  ALLOWED_UPLOAD_LABEL,
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  type Resource,
  ResourceInput,
  type ResourceKind,
} from "../../../../contract/library";
import { Dialog } from "../../components/Dialog";
import { SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { useContractForm } from "../../components/use-contract-form";
import { EvidenceFields, type EvidenceTexts, evidenceValues } from "./EvidenceFields";
import { ListFields, type ListTexts, listValues } from "./ListFields";
import { useCreateResource } from "./library.api";
import { type Placement, ScopeFields } from "./ScopeFields";

type AddResourceDialogProps = {
  open: boolean;
  onClose: () => void;
  onCreated: (resource: Resource) => void;
  defaultCommunityId?: string | undefined;
};

/** The fields as typed: lists as comma-separated text, no address or evidence as blank. */
type ResourceValues = ListTexts &
  EvidenceTexts &
  Placement & { kind: ResourceKind; title: string; description: string; url: string };

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
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const form = useContractForm<typeof ResourceInput, ResourceValues>({
    schema: ResourceInput,
    defaultValues: {
      kind: "link",
      title: "",
      description: "",
      url: "",
      tags: "",
      gradeLevels: "",
      subjects: "",
      evidenceLevel: "",
      evidenceSource: "",
      scope: defaultCommunityId ? "community" : "private",
      communityId: defaultCommunityId ?? "",
      schoolId: "",
    },
    toInput: (values) => ({
      kind: values.kind,
      title: values.title,
      description: values.description,
      url: values.kind === "link" ? values.url.trim() || null : null,
      ...listValues(values),
      ...(values.kind === "strategy" ? evidenceValues(values) : {}),
      scope: values.scope,
      communityId: values.scope === "community" ? values.communityId || null : null,
      schoolId: values.scope === "school" ? values.schoolId || null : null,
    }),
    messages: { title: "Give the resource a title.", url: "Enter a web address starting with http:// or https://." },
    check: (values): Record<string, string> =>
      values.kind === "file" && !file ? { file: "Choose the file to share." } : {},
    onValid: (input) => {
      setProgress(null);
      createResource.mutate(
        { input, file: input.kind === "file" ? file : null, onProgress: setProgress },
        { onSuccess: onCreated, onError: form.showProblem },
      );
    },
  });
  const values = form.watch();
  const { kind } = values;

  const isUploading = createResource.isPending && kind === "file";
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <FormAlert message={form.formMessage} />
      <SelectField label="Kind" {...form.register("kind")} error={form.fieldError("kind")}>
        {RESOURCE_KINDS.map((value) => (
          <option key={value} value={value}>
            {RESOURCE_KIND_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Title"
        {...form.register("title")}
        error={form.fieldError("title")}
        autoComplete="off"
        required
      />
      <TextAreaField
        label="Description"
        rows={4}
        {...form.register("description")}
        error={form.fieldError("description")}
      />
      {kind === "link" ? (
        <TextField label="URL" type="url" {...form.register("url")} error={form.fieldError("url")} required />
      ) : null}
      {kind === "file" ? (
        <TextField
          label="File"
          type="file"
          hint={`${ALLOWED_UPLOAD_LABEL}.`}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          error={form.fieldError("file") ?? form.fieldError("resource")}
          required
        />
      ) : null}
      {kind === "strategy" ? (
        <EvidenceFields
          values={values}
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
        values={values}
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
      <ScopeFields
        value={values}
        onChange={(next) => {
          form.setValue("scope", next.scope);
          form.setValue("communityId", next.communityId);
          form.setValue("schoolId", next.schoolId);
        }}
        errors={{
          scope: form.fieldError("scope"),
          communityId: form.fieldError("communityId"),
          schoolId: form.fieldError("schoolId"),
        }}
      />
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
