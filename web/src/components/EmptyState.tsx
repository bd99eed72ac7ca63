import type { ReactNode } from "react";
import styles from "./EmptyState.module.css";

type EmptyStateProps = { title: string; children?: ReactNode; action?: ReactNode; headingLevel?: 2 | 3 };

/** What to show when a list has nothing in it: why, and what one can do next. */
export function EmptyState({ title, children, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className={styles.emptyState}>
      <Heading>{title}</Heading>
      {children ? <div className={styles.body}>{children}</div> : null}
      {action ? <div className={styles.action}>{action}</div> : null}
    </div>
  );
}
