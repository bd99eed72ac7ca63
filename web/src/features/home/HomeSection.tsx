import type { ReactNode } from "react";
import styles from "./HomePage.module.css";

type HomeSectionProps = {
  id: string;
  title: string;
  /** How many things the section lists, shown beside its title. */
  count?: number;
  /** What to say when there is nothing: the section stays, so the reader knows it was checked. */
  empty: string;
  isEmpty: boolean;
  children: ReactNode;
  /** Shown whether or not there is anything (a link to the whole list). */
  footer?: ReactNode;
};

/** One section of a home: a titled panel with its count, its list, or a sentence saying there is nothing. */
export function HomeSection({ id, title, count, empty, isEmpty, children, footer }: HomeSectionProps) {
  return (
    <section className={`panel ${styles.section}`} aria-labelledby={id}>
      <h3 id={id}>
        {title}
        {count !== undefined && count > 0 ? <span className={styles.count}> ({count})</span> : null}
      </h3>
      {isEmpty ? <p className={styles.empty}>{empty}</p> : children}
      {footer}
    </section>
  );
}
