import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { ResourceDetail } from "../../../../contract/library";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { problemFromError } from "../../components/form-errors";
import { EditResourceDialog } from "./EditResourceDialog";
import { useDeleteResource } from "./library.api";

/** Edit and Delete, each shown only when the server says this person may. */
export function ResourceActions({ resource }: { resource: ResourceDetail }) {
  const [isEditing, setIsEditing] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const deleteResource = useDeleteResource(resource.id);
  const navigate = useNavigate();
  if (!resource.can.update && !resource.can.delete) return null;
  return (
    <>
      {resource.can.update ? (
        <button type="button" className="button button-secondary" onClick={() => setIsEditing(true)}>
          Edit
        </button>
      ) : null}
      {resource.can.delete ? (
        <button type="button" className="button button-danger" onClick={() => setIsDeleting(true)}>
          Delete
        </button>
      ) : null}
      <EditResourceDialog resource={resource} open={isEditing} onClose={() => setIsEditing(false)} />
      <ConfirmDialog
        open={isDeleting}
        title="Delete this resource?"
        confirmLabel="Delete resource"
        isPending={deleteResource.isPending}
        error={deleteResource.error ? problemFromError(deleteResource.error).message : null}
        onCancel={() => setIsDeleting(false)}
        onConfirm={() => deleteResource.mutate(undefined, { onSuccess: () => navigate({ to: "/library" }) })}
      >
        <p>
          “{resource.title}” and its {resource.file ? "file, " : ""}comments, ratings and recorded uses will be gone for
          everyone.
        </p>
      </ConfirmDialog>
    </>
  );
}
