import type { ReactNode, RefObject } from "react";
import styles from "./ConfirmDialog.module.css";
import { Dialog } from "./Dialog";
import { FormAlert } from "./FormAlert";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  isPending?: boolean;
  error?: string | null;
  fallbackFocusRef?: RefObject<HTMLElement | null>;
};

/** Asks before a destructive action; focus starts on Cancel so Enter never destroys by accident. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, onConfirm, onCancel, isPending = false, error = null } = props;
  return (
    <Dialog open={open} title={title} onClose={onCancel} size="small" fallbackFocusRef={props.fallbackFocusRef}>
      <div className={styles.message}>{children}</div>
      <FormAlert message={error} />
      <div className="actions">
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={isPending}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} data-autofocus>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
