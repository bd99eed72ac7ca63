import analysisStyles from "./analysis.module.css";

/**
 * A learning target as a team reads it: its "I can" statement first, its code (when it has one) quieter beneath,
 * so rows and headings name the learning rather than a code.
 */
export function TargetLabel({ target }: { target: { code: string | null; statement: string } }) {
  return (
    <>
      {target.statement}
      {target.code ? <span className={analysisStyles.code}>{target.code}</span> : null}
    </>
  );
}
