import type { GoalLevel, GoalMeasureKind, GoalStatus, GoalSummary } from "../../../../contract/goals";

export const STATUS_LABELS: Record<GoalStatus, string> = {
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  met: "Met",
  not_met: "Not met",
  no_data: "No data yet",
};

export const LEVEL_LABELS: Record<GoalLevel, string> = {
  district: "District",
  school: "School",
  team: "Team",
  individual: "Individual",
};

export const MEASURE_LABELS: Record<GoalMeasureKind, string> = {
  proficiency_share: "Share of students at or above proficient on a learning target",
  response_within_days: "Share of students below proficiency with a plan within the team's school days",
  meetings_held: "Share of the team's scheduled meetings held",
  checkin: "Values recorded at check-ins",
};

/** A value in the goal's unit: percentages with one decimal at most. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return "—";
  const rounded = Math.round(value * 10) / 10;
  return unit === "percent" ? `${rounded}%` : `${rounded} ${unit}`;
}

/** What the goal's current value says, in words (the bar beside it shows the same). */
export function describeProgress(goal: GoalSummary): string {
  const p = goal.progress;
  if (p.suppressed) return "Too few students to show";
  if (p.value === null) return "No value yet";
  const expected = p.expected === null ? "" : `, expected ${formatValue(p.expected, goal.unit)} by now`;
  return `${formatValue(p.value, goal.unit)} of ${formatValue(goal.target, goal.unit)}${expected}`;
}

/** How far from baseline (0) to target (1) the value has come, for the progress bar; null when unknown. */
export function progressFraction(goal: GoalSummary): number | null {
  const { value } = goal.progress;
  if (value === null) return null;
  const start = goal.baseline ?? 0;
  if (goal.target === start) return value === goal.target ? 1 : 0;
  return Math.min(1, Math.max(0, (value - start) / (goal.target - start)));
}
