import type { GoalStatus } from "../../../contract/goals";

/** How far below the expected value, as a share of the whole planned change, still counts as "at risk". */
export const AT_RISK_TOLERANCE = 0.1;

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  return Math.round(new Date(`${iso}T00:00:00Z`).getTime() / DAY_MS);
}

export type GoalPlan = { baseline: number | null; target: number; startsOn: string; dueOn: string };

/**
 * Where the straight line from the baseline (on startsOn) to the target (on dueOn) stands on `today`; before the
 * start it is the baseline, after the due date the target. Null without a baseline: there is no line.
 */
export function expectedValue(plan: GoalPlan, today: string): number | null {
  if (plan.baseline === null) return null;
  const span = dayNumber(plan.dueOn) - dayNumber(plan.startsOn);
  const elapsed = dayNumber(today) - dayNumber(plan.startsOn);
  const fraction = span <= 0 ? 1 : Math.min(1, Math.max(0, elapsed / span));
  return plan.baseline + (plan.target - plan.baseline) * fraction;
}

/**
 * A goal's status from its trajectory. The direction comes from the plan: a target below the baseline means
 * lower is better (fewer students without a response), otherwise higher is better (no baseline: higher).
 * - no_data: no current value.
 * - After the due date: met when the current value has reached the target (in the goal's direction), else not_met.
 * - Before it: on_track when the value has reached the target, or is at or beyond the value expected by now on the
 *   straight line from baseline (startsOn) to target (dueOn); at_risk when it falls short of the expected value by
 *   no more than AT_RISK_TOLERANCE (10%) of the whole planned change; off_track when it falls short by more.
 *   Without a baseline there is no line: on_track once the target is reached, at_risk until then.
 */
export function goalStatus(plan: GoalPlan, current: number | null, today: string): GoalStatus {
  if (current === null) return "no_data";
  const sign = plan.baseline !== null && plan.target < plan.baseline ? -1 : 1;
  const reached = (current - plan.target) * sign >= 0;
  if (today > plan.dueOn) return reached ? "met" : "not_met";
  if (reached) return "on_track";
  const expected = expectedValue(plan, today);
  if (expected === null || plan.baseline === null) return "at_risk";
  const shortfall = (expected - current) * sign;
  if (shortfall <= 0) return "on_track";
  return shortfall <= AT_RISK_TOLERANCE * Math.abs(plan.target - plan.baseline) ? "at_risk" : "off_track";
}
