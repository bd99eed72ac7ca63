import type { ReactNode } from "react";
import styles from "./SubNav.module.css";

/** An area's sections as a row of links under its header (admin, a community); children are its list items. */
export function SubNav({ label, children }: { label: string; children: ReactNode }) {
  return (
    <nav aria-label={label} className={styles.nav}>
      <ul>{children}</ul>
    </nav>
  );
}

/** The props a SubNav link takes while it is the current page: underlined, and named so to screen readers. */
export const subNavActiveProps = { className: styles.active, "aria-current": "page" } as const;
