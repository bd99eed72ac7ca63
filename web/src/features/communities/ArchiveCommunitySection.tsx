import { useRef, useState } from "react";
import type { CommunityHome } from "../../../../contract/communities";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { problemFromError } from "../../components/form-errors";
import { useUpdateCommunity } from "./communities.api";

/** Archives a community that has finished its work, or restores it; nothing it recorded is lost. */
export function ArchiveCommunitySection({ community }: { community: CommunityHome }) {
  const updateCommunity = useUpdateCommunity(community.id);
  const [isConfirming, setIsConfirming] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const isArchiving = !community.archived;
  const action = isArchiving ? "Archive community" : "Restore community";

  function handleCancel() {
    updateCommunity.reset();
    setIsConfirming(false);
  }

  function handleConfirm() {
    updateCommunity.mutate(
      { archived: isArchiving },
      {
        onSuccess: () => {
          updateCommunity.reset();
          setIsConfirming(false);
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="settings-archive-heading">
      <h2 id="settings-archive-heading">{isArchiving ? "Archive" : "Restore"}</h2>
      <p>
        {isArchiving
          ? "Archive the community when its work is done. It leaves the list of communities; its meetings, norms and discussions stay."
          : "Restore the community to bring it back to the list of communities."}
      </p>
      <button
        ref={buttonRef}
        type="button"
        className={isArchiving ? "button button-danger" : "button button-secondary"}
        onClick={() => setIsConfirming(true)}
      >
        {action}
      </button>
      <ConfirmDialog
        open={isConfirming}
        title={`${isArchiving ? "Archive" : "Restore"} ${community.name}?`}
        confirmLabel={action}
        isPending={updateCommunity.isPending}
        error={updateCommunity.error ? problemFromError(updateCommunity.error).message : null}
        onCancel={handleCancel}
        onConfirm={handleConfirm}
        fallbackFocusRef={buttonRef}
      >
        {isArchiving ? (
          <p>
            {community.name} will no longer be listed among the district's communities. Everything it recorded stays,
            and you can restore it later.
          </p>
        ) : (
          <p>{community.name} will be listed among the district's communities again.</p>
        )}
      </ConfirmDialog>
    </section>
  );
}
