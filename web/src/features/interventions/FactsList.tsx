import styles from "./FactsList.module.css";

/** A plan's facts as terms and values, in two columns. */
export function FactsList({ facts }: { facts: readonly [string, string][] }) {
  return (
    <dl className={styles.list}>
      {facts.map(([term, value]) => (
        <div key={term} className={styles.row}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
