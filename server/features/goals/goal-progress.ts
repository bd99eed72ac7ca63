import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { type CacheableMeasure, cachedMeasures, cacheScopeOf } from "./goal-measure-cache";
import {
  findResponseDaysByTeam,
  latestCheckinValue,
  type MeasureValue,
  measureMeetingsHeld,
  measureProficiencyShare,
  measureResponseWithinDays,
} from "./goal-measures.queries";
import { expectedValue, goalStatus } from "./goal-status";
import type { GoalRow } from "./goals.queries";

export type Progress = MeasureValue & {
  status: ReturnType<typeof goalStatus>;
  expected: number | null;
};

/** Whether a goal's value counts students (so reading it is a read of student-level figures). */
export function isStudentMeasure(goal: GoalRow): boolean {
  return goal.measure.kind === "proficiency_share" || goal.measure.kind === "response_within_days";
}

/** The team a team-bound measure looks at: the one it names, else the goal's own. */
function measureTeam(goal: GoalRow, named: string | undefined): string | null {
  return named ?? goal.community?.id ?? null;
}

async function measureGoal(
  db: Db,
  actor: Actor,
  goal: GoalRow,
  today: string,
  now: Date,
  responseDays: Map<string, number>,
): Promise<MeasureValue> {
  const window = { from: goal.startsOn, to: goal.dueOn < today ? goal.dueOn : today };
  const m = goal.measure;
  switch (m.kind) {
    case "proficiency_share":
      return measureProficiencyShare(
        db,
        actor,
        {
          ...m,
          // A school's or a team's goal looks at its own students unless its measure says otherwise.
          schoolId: m.schoolId ?? (goal.level === "school" ? goal.school?.id : undefined),
          communityId: m.communityId ?? (goal.level === "team" ? goal.community?.id : undefined),
        },
        today,
      );
    case "response_within_days": {
      const communityId = measureTeam(goal, m.communityId);
      if (communityId === null) return { value: null, count: null, suppressed: false };
      const days = m.days ?? responseDays.get(communityId) ?? 5;
      return measureResponseWithinDays(db, actor, { communityId, days }, window, today);
    }
    case "meetings_held": {
      const communityId = measureTeam(goal, m.communityId);
      if (communityId === null) return { value: null, count: null, suppressed: false };
      return measureMeetingsHeld(db, communityId, window, now);
    }
    case "checkin":
      return latestCheckinValue(db, goal.id);
  }
}

/**
 * Each goal's value now, as the reader may see it (measures over students count only the students they may
 * read), with its status by goalStatus. Goals are measured one after another: each is one indexed statement.
 */
export async function computeProgress(
  db: Db,
  actor: Actor,
  goals: readonly GoalRow[],
  today: string,
  now: Date,
): Promise<Map<string, Progress>> {
  const teams = goals.flatMap((g) =>
    g.measure.kind === "response_within_days"
      ? [measureTeam(g, g.measure.communityId)].filter((id) => id !== null)
      : [],
  );
  const responseDays = await findResponseDaysByTeam(db, [...new Set(teams)]);
  const measureOf = (goal: GoalRow) => measureGoal(db, actor, goal, today, now, responseDays);
  // A reader who sees every student of the district, or exactly a school's, reads values kept in a cache.
  const byId = new Map(goals.map((goal) => [goal.id, goal]));
  const cacheable = goals.flatMap(cacheableMeasure);
  const scope = cacheable.length > 0 ? await cacheScopeOf(db, actor) : null;
  const districtWide =
    scope === null
      ? new Map<string, MeasureValue>()
      : await cachedMeasures(db, actor.districtId, scope, cacheable, today, (id) => measureOf(byId.get(id) as GoalRow));
  const progress = new Map<string, Progress>();
  for (const goal of goals) {
    const measured = districtWide.get(goal.id) ?? (await measureOf(goal));
    progress.set(goal.id, {
      ...measured,
      status: goalStatus(goal, measured.value, today),
      expected: expectedValue(goal, today),
    });
  }
  return progress;
}

/** The measures over students whose district-wide value may be cached (goal-measure-cache.ts). */
function cacheableMeasure(goal: GoalRow): CacheableMeasure[] {
  const m = goal.measure;
  if (m.kind === "proficiency_share") return [{ goalId: goal.id, kind: m.kind, targetId: m.targetId }];
  if (m.kind !== "response_within_days") return [];
  const teamId = measureTeam(goal, m.communityId);
  return teamId === null ? [] : [{ goalId: goal.id, kind: m.kind, teamId }];
}
