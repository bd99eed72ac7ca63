import { type ReactNode, useId, useState } from "react";
import styles from "./ChartFigure.module.css";

type ChartFigureProps = {
  title: string;
  /** The chart's message in words: what a sighted reader takes from it at a glance. */
  summary: ReactNode;
  chart: ReactNode;
  /** The same numbers as a table, shown on request. */
  table: ReactNode;
  headingLevel?: 3 | 4;
};

/**
 * A chart as a figure: a caption, a summary in words tied to it, the drawing (hidden from screen readers,
 * which get the words and the table), and a "Show table" toggle with the same numbers.
 */
export function ChartFigure({ title, summary, chart, table, headingLevel = 3 }: ChartFigureProps) {
  const [isTableShown, setIsTableShown] = useState(false);
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption>
        <Heading id={`${id}-title`} className={styles.title}>
          {title}
        </Heading>
        <p id={`${id}-summary`} className={styles.summary}>
          {summary}
        </p>
      </figcaption>
      <div className={styles.canvas} aria-hidden="true">
        {chart}
      </div>
      <button
        type="button"
        className="button button-secondary button-small"
        aria-expanded={isTableShown}
        aria-controls={`${id}-table`}
        onClick={() => setIsTableShown((shown) => !shown)}
      >
        {isTableShown ? "Hide table" : "Show table"}
      </button>
      <div id={`${id}-table`} hidden={!isTableShown}>
        {table}
      </div>
    </figure>
  );
}

/** A scrolling, keyboard-reachable frame for a wide table. */
export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls sideways on narrow screens
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
