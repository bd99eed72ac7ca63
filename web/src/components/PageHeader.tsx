import { type ReactNode, useEffect } from "react";
import styles from "./PageHeader.module.css";

type PageHeaderProps = { title: string; description?: ReactNode; actions?: ReactNode };

/** The page's one h1; it also names the browser tab so each page has a distinct title. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · Collective`;
  }, [title]);
  return (
    <div className={styles.header}>
      <div>
        <h1>{title}</h1>
        {description ? <p className={styles.description}>{description}</p> : null}
      </div>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}
