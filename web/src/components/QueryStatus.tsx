import { ApiError } from "../api/client";
import styles from "./QueryStatus.module.css";

/** A polite "loading" line that screen readers announce without interrupting. */
export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className={styles.loading} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      {label}
    </p>
  );
}

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return "You do not have access to this.";
    if (error.status === 404) return "This could not be found. It may have been removed.";
    return error.detail ?? error.title;
  }
  return "Something went wrong while loading.";
}

/** A failed load, with a way to try again. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{describe(error)}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
