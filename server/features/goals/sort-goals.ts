import { GOAL_LEVELS, type GOAL_SORTS, type GoalStatus, type GoalSummary } from "../../../contract/goals";

/** Worst first, so a status sort opens on what needs attention. */
const STATUS_ORDER: readonly GoalStatus[] = ["off_track", "not_met", "at_risk", "no_data", "on_track", "met"];

/** Lists sort by level (district first), due date, title, or status (worst first: the statuses' order). */
export function sortGoals(goals: GoalSummary[], sort: (typeof GOAL_SORTS)[number]): GoalSummary[] {
  const rank = {
    level: (g: GoalSummary) => GOAL_LEVELS.indexOf(g.level),
    status: (g: GoalSummary) => STATUS_ORDER.indexOf(g.progress.status),
  };
  const byTitle = (a: GoalSummary, b: GoalSummary) => a.title.localeCompare(b.title);
  const byDue = (a: GoalSummary, b: GoalSummary) => a.dueOn.localeCompare(b.dueOn);
  const compare = {
    title: byTitle,
    due: (a: GoalSummary, b: GoalSummary) => byDue(a, b) || byTitle(a, b),
    level: (a: GoalSummary, b: GoalSummary) => rank.level(a) - rank.level(b) || byDue(a, b) || byTitle(a, b),
    status: (a: GoalSummary, b: GoalSummary) => rank.status(a) - rank.status(b) || byDue(a, b) || byTitle(a, b),
  }[sort];
  return [...goals].sort(compare);
}
