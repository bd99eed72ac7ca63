import styles from "./NormList.module.css";

/** A version's norms in the team's order. */
export function NormList({ norms, className = styles.list }: { norms: readonly string[]; className?: string }) {
  return (
    <ol className={className}>
      {norms.map((norm, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a saved version never reorders; two norms may read alike
        <li key={index}>{norm}</li>
      ))}
    </ol>
  );
}
