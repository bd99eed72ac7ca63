import { type ReactNode, useEffect } from "react";

type PageHeaderProps = { title: string; description?: ReactNode; actions?: ReactNode };

/** The page's one h1; it also names the browser tab so each page has a distinct title. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${title} · Collective`;
  }, [title]);
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
