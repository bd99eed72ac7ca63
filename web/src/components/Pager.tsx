import styles from "./Pager.module.css";

type PagerProps = {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  label: string;
};

/** "Page 2 of 5" with Previous and Next; the count is announced when it changes. */
export function Pager({ page, pageSize, total, onPageChange, label }: PagerProps) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className={styles.pager} aria-label={label}>
      <p className={styles.status} aria-live="polite">
        Page {Math.min(page, pageCount)} of {pageCount}
        <span className={styles.range}>
          {" "}
          ({first}–{last} of {total})
        </span>
      </p>
      <div className={styles.buttons}>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onPageChange(page - 1)}
          disabled={page <= 1}
        >
          Previous
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onPageChange(page + 1)}
          disabled={page >= pageCount}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
