import { useState } from "react";
import type { Framework } from "../../../../contract/standards";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { problemFromError } from "../../components/form-errors";
import { formatDate } from "../../components/format";
import styles from "./FrameworkBar.module.css";
import { useDeleteFramework } from "./standards.api";

/** What the chosen framework is and where it came from; district leaders may delete it from here. */
export function FrameworkBar({ framework, onDeleted }: { framework: Framework; onDeleted: () => void }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const deleteFramework = useDeleteFramework();
  const facts = [
    framework.creator,
    `${framework.standardCount} ${framework.standardCount === 1 ? "standard" : "standards"}`,
    framework.version ? `version ${framework.version}` : null,
    framework.adoptionStatus,
    `imported ${formatDate(framework.importedAt)}`,
  ].filter(Boolean);

  return (
    <div className={styles.bar}>
      <p>
        <strong>{framework.title}</strong>
        <span className="muted"> · {facts.join(" · ")}</span>
      </p>
      {framework.can.delete ? (
        <button type="button" className="button button-secondary button-small" onClick={() => setIsConfirming(true)}>
          Delete framework
        </button>
      ) : null}
      <ConfirmDialog
        open={isConfirming}
        title="Delete framework"
        confirmLabel="Delete framework"
        isPending={deleteFramework.isPending}
        error={deleteFramework.error ? problemFromError(deleteFramework.error).message : null}
        onCancel={() => {
          deleteFramework.reset();
          setIsConfirming(false);
        }}
        onConfirm={() =>
          deleteFramework.mutate(framework.id, {
            onSuccess: () => {
              setIsConfirming(false);
              onDeleted();
            },
          })
        }
      >
        <p>
          Delete “{framework.title}” and its {framework.standardCount} standards? A framework that teams use for
          learning targets or essential standards cannot be deleted.
        </p>
      </ConfirmDialog>
    </div>
  );
}
