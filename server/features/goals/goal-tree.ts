import type { GoalSummary, GoalTree, GoalTreeNode } from "../../../contract/goals";

/**
 * The alignment tree of the goals a reader sees: every district goal with what serves it, down to individual
 * goals (a goal serving two goals appears under both); goals that serve nothing the reader sees apart; district
 * and school goals with nothing beneath them, and team goals serving no school goal, called out.
 */
export function buildAlignmentTree(goals: readonly GoalSummary[]): GoalTree {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const servedBy = new Map<string, GoalSummary[]>();
  for (const goal of goals) {
    for (const parentId of goal.servesGoalIds) {
      if (!byId.has(parentId)) continue;
      servedBy.set(parentId, [...(servedBy.get(parentId) ?? []), goal]);
    }
  }
  const nodeOf = (goal: GoalSummary, path: ReadonlySet<string>): GoalTreeNode => ({
    goal,
    children: (servedBy.get(goal.id) ?? [])
      .filter((child) => !path.has(child.id))
      .map((child) => nodeOf(child, new Set([...path, child.id]))),
  });
  return {
    roots: goals.filter((g) => g.level === "district").map((g) => nodeOf(g, new Set([g.id]))),
    unaligned: goals.filter((g) => g.level !== "district" && !g.servesGoalIds.some((id) => byId.has(id))),
    unsupportedIds: goals
      .filter((g) => (g.level === "district" || g.level === "school") && !servedBy.has(g.id))
      .map((g) => g.id),
    teamsWithoutSchoolGoal: goals
      .filter((g) => g.level === "team" && !g.servesGoalIds.some((id) => byId.get(id)?.level === "school"))
      .map((g) => g.id),
  };
}
