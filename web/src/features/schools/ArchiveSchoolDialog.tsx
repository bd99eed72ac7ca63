import type { School } from "../../../../contract/schools";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { problemFromError } from "../../components/form-errors";
import { useUpdateSchool } from "./schools.api";

type ArchiveSchoolDialogProps = { school: School | null; onClose: () => void; onDone: (school: School) => void };

/** Confirms archiving (or restoring) a school; archived schools leave the pickers but keep their history. */
export function ArchiveSchoolDialog({ school, onClose, onDone }: ArchiveSchoolDialogProps) {
  const updateSchool = useUpdateSchool();
  const isArchiving = school ? !school.archived : true;

  function handleCancel() {
    updateSchool.reset();
    onClose();
  }

  function handleConfirm() {
    if (!school) return;
    updateSchool.mutate(
      { id: school.id, patch: { archived: isArchiving } },
      {
        onSuccess: (updated) => {
          updateSchool.reset();
          onDone(updated);
        },
      },
    );
  }

  return (
    <ConfirmDialog
      open={school !== null}
      title={school ? `${isArchiving ? "Archive" : "Unarchive"} ${school.name}?` : ""}
      confirmLabel={isArchiving ? "Archive" : "Unarchive"}
      isPending={updateSchool.isPending}
      error={updateSchool.error ? problemFromError(updateSchool.error).message : null}
      onCancel={handleCancel}
      onConfirm={handleConfirm}
    >
      {isArchiving ? (
        <p>
          The school will no longer be offered when adding people or roles. Its staff keep their accounts and everything
          recorded stays. You can unarchive it later.
        </p>
      ) : (
        <p>The school will be offered again when adding people and roles.</p>
      )}
    </ConfirmDialog>
  );
}
