import type { GoalStatus, GoalSummary } from "../../../../contract/goals";
import styles from "./Goals.module.css";
import { describeProgress, progressFraction, STATUS_LABELS } from "./goal-format";

/** The status in words, coloured as a second cue only. */
export function StatusBadge({ status }: { status: GoalStatus }) {
  return <span className={`badge ${styles.status} ${styles[status] ?? ""}`}>{STATUS_LABELS[status]}</span>;
}

/** The way from baseline to target as a bar, with the same in words beside it. */
export function ProgressBar({ goal }: { goal: GoalSummary }) {
  const fraction = progressFraction(goal);
  const words = describeProgress(goal);
  return (
    <span className={styles.progress}>
      {fraction === null ? null : (
        <meter className={styles.meter} min={0} max={100} value={Math.round(fraction * 100)} aria-label={words} />
      )}
      <span className="muted">{words}</span>
    </span>
  );
}
