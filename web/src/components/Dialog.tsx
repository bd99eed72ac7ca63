import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";
import styles from "./Dialog.module.css";

type DialogProps = {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: "small" | "medium";
  /** Where focus goes on closing when the control that opened the dialog is gone (Deactivate became Reactivate). */
  fallbackFocusRef?: RefObject<HTMLElement | null>;
};

/**
 * A modal built on the native <dialog>: the browser makes the page behind it inert, and Escape asks
 * the parent to close it. Focus moves to the element marked data-autofocus (or the first field) and
 * returns to the control that opened it.
 */
export function Dialog({ open, title, onClose, children, size = "medium", fallbackFocusRef }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const isClosingOnRequestRef = useRef(false);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open) {
      if (dialog.open) return;
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const first =
        dialog.querySelector<HTMLElement>("[data-autofocus]") ??
        bodyRef.current?.querySelector<HTMLElement>("input, select, textarea");
      first?.focus();
      return;
    }
    if (dialog.open) {
      // The close event arrives later, as a task; the flag tells its handler the parent asked for this.
      isClosingOnRequestRef.current = true;
      dialog.close();
    }
    const opener = openerRef.current;
    openerRef.current = null;
    if (opener?.isConnected) opener.focus();
    else fallbackFocusRef?.current?.focus();
  }, [open, fallbackFocusRef]);

  return (
    <dialog
      ref={dialogRef}
      className={size === "small" ? `${styles.dialog} ${styles.small}` : styles.dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // The parent decides when the dialog closes; Escape only asks it to.
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        // The browser may still close it by itself (a repeated Escape); tell the parent so the two agree.
        if (isClosingOnRequestRef.current) isClosingOnRequestRef.current = false;
        else onClose();
      }}
    >
      {open ? (
        <>
          <div className={styles.header}>
            <h2 id={titleId}>{title}</h2>
            <button type="button" className={styles.close} aria-label="Close" onClick={onClose}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <div ref={bodyRef} className={styles.body}>
            {children}
          </div>
        </>
      ) : null}
    </dialog>
  );
}
