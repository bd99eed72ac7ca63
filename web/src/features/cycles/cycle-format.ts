import type { CycleStage, CycleStatus } from "../../../../contract/cycles";

/** The stages as a team names them, in order. */
export const STAGE_LABELS: Record<CycleStage, string> = {
  learning_needs: "1. Learning needs",
  shared_goals: "2. Shared goals",
  professional_learning: "3. Professional learning",
  strategies: "4. Evidence-based strategies",
  implementation: "5. Implementation",
  monitoring: "6. Monitoring",
  evaluation: "7. Evaluation",
};

export const STATUS_LABELS: Record<CycleStatus, string> = {
  active: "Active",
  finished: "Finished",
  cancelled: "Cancelled",
};

/** A share in percent, or a dash when nobody was matched. */
export function formatShare(percent: number | null): string {
  return percent === null ? "—" : `${percent}%`;
}
