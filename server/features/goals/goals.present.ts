import type { z } from "zod";
import type { Goal, GoalSummary } from "../../../contract/goals";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import type { Progress } from "./goal-progress";
import { type CheckinRow, type GoalRow, goalTarget } from "./goals.queries";

const NO_PROGRESS: Progress = { value: null, count: null, suppressed: false, status: "no_data", expected: null };

/** A goal as lists and the tree show it, with its progress and what the reader may do to it. */
export function presentGoalSummary(actor: Actor, goal: GoalRow, progress: Progress | undefined): GoalSummary {
  const p = progress ?? NO_PROGRESS;
  return {
    id: goal.id,
    level: goal.level,
    kind: goal.kind,
    title: goal.title,
    school: goal.school,
    community: goal.community ? { id: goal.community.id, name: goal.community.name } : null,
    cycleId: goal.cycleId,
    owner: goal.owner,
    measure: goal.measure,
    unit: goal.unit,
    baseline: goal.baseline,
    target: goal.target,
    startsOn: goal.startsOn,
    dueOn: goal.dueOn,
    archived: goal.archived,
    servesGoalIds: goal.servesGoalIds,
    progress: { value: p.value, count: p.count, suppressed: p.suppressed, status: p.status, expected: p.expected },
    can: abilities(actor, ["goal.update", "goal.checkIn"], goalTarget(goal)),
  };
}

type Linked = { id: string; title: string; level: GoalRow["level"] };

/** A goal's page: its summary, description, the goals it serves and that serve it (those the reader may read), check-ins. */
export function presentGoal(
  actor: Actor,
  goal: GoalRow,
  progress: Progress | undefined,
  links: { serves: GoalRow[]; servedBy: GoalRow[] },
  checkins: CheckinRow[],
): z.infer<typeof Goal> {
  const linked = (g: GoalRow): Linked => ({ id: g.id, title: g.title, level: g.level });
  return {
    ...presentGoalSummary(actor, goal, progress),
    description: goal.description,
    serves: links.serves.map(linked),
    servedBy: links.servedBy.map(linked),
    checkins,
  };
}
