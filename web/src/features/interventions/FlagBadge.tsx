import type { DecisionFlag } from "../../../../contract/interventions";
import styles from "./FlagBadge.module.css";
import { flagLabel } from "./intervention-format";

/** The decision rule's flag on a plan: "Adjust" (behind the aim line) or "Consider exit" (ahead of it). */
export function FlagBadge({ flag }: { flag: DecisionFlag | null }) {
  if (!flag) return null;
  return <span className={`badge ${styles[flag] ?? ""}`}>{flagLabel(flag)}</span>;
}
