import { DECISION_FLAG_LABELS, type DecisionFlag } from "../../../../contract/interventions";

/** A score as a teacher writes it: 42, 42.5, 1.33. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? "—" : String(Math.round(score * 100) / 100);
}

/** A change per week with its sign: "+2.0", "−0.5". */
export function formatSlope(perWeek: number): string {
  const rounded = Math.round(perWeek * 10) / 10;
  return `${rounded >= 0 ? "+" : "−"}${Math.abs(rounded).toFixed(1)}`;
}

export function flagLabel(flag: DecisionFlag): string {
  return DECISION_FLAG_LABELS[flag];
}
