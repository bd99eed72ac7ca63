import { percentOf } from "../../../contract/analysis";
import type { Cycle, CycleResults, CycleSummary, LearningNeed } from "../../../contract/cycles";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import { tallyGains, tallyGainsBy } from "./cycle-gains";
import type { CycleGoalRow, CyclePair, SnapshotRow } from "./cycle-results.queries";
import type { CycleAssessmentRow, CycleRow, LearningNeedRow, StageRow } from "./cycles.queries";
import { cycleTargetOf } from "./cycles.queries";

function isoOf(value: Date | string | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

export function presentCycleSummary(row: CycleRow): CycleSummary {
  return {
    id: row.id,
    communityId: row.communityId,
    communityName: row.communityName,
    title: row.title,
    focus: row.focus,
    status: row.status,
    currentStage: row.currentStage,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    overdueStages: row.overdueStages,
    finishedAt: row.finishedAt,
  };
}

/** The cycle page's frame: stages (overdue on `today`), assessments, and what the reader may do. */
export function presentCycle(
  actor: Actor,
  row: CycleRow,
  stages: StageRow[],
  assessments: CycleAssessmentRow[],
  today: string,
): Cycle {
  return {
    ...presentCycleSummary(row),
    reflection: row.reflection,
    stages: stages.map((st) => ({
      stage: st.stage,
      owner: st.ownerId ? { id: st.ownerId, name: st.ownerName ?? "" } : null,
      startsOn: st.startsOn,
      dueOn: st.dueOn,
      completedAt: isoOf(st.completedAt),
      notes: st.notes,
      isOverdue: !st.completedAt && st.dueOn !== null && st.dueOn < today,
    })),
    assessments,
    can: abilities(actor, ["cycle.contribute", "cycle.manage"], cycleTargetOf(row)),
  };
}

export function presentLearningNeed(row: LearningNeedRow): LearningNeed {
  return {
    id: row.id,
    need: row.need,
    author: row.authorId ? { id: row.authorId, name: row.authorName ?? "" } : null,
    createdAt: isoOf(row.createdAt) as string,
  };
}

/**
 * The snapshot summary, monitoring and evaluation from the reader's matched pairs. A proficiency_share goal's
 * current value is the share of matched students whose later level reaches the target's proficient level;
 * other measures are left to the goals feature (null here).
 */
export function presentCycleResults(
  pairs: CyclePair[],
  snapshot: SnapshotRow[],
  names: Map<string, string>,
  goals: CycleGoalRow[],
): CycleResults {
  const targets = new Map<
    string,
    { code: string | null; statement: string; proficient: number; levels: { level: number; count: number }[] }
  >();
  for (const row of snapshot) {
    const target = targets.get(row.targetId) ?? {
      code: row.code,
      statement: row.statement,
      proficient: 0,
      levels: [],
    };
    target.levels.push({ level: row.level, count: row.count });
    target.proficient += row.proficient;
    targets.set(row.targetId, target);
  }
  const byTarget = tallyGainsBy(pairs, (p) => [p.targetId]);
  const byClass = tallyGainsBy(pairs, (p) => (p.classId ? [p.classId] : []));
  const byTeacher = tallyGainsBy(pairs, (p) => p.teacherIds);
  const named = (tallies: ReturnType<typeof tallyGainsBy>) =>
    [...tallies]
      .map(([id, tally]) => ({ id, name: names.get(id) ?? "", ...tally }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const proficientShare = percentOf(pairs.filter((p) => p.after >= p.proficient).length, pairs.length);
  return {
    students: new Set([...pairs.map((p) => p.studentId)]).size,
    snapshot: [...targets].map(([targetId, t]) => ({
      targetId,
      code: t.code,
      statement: t.statement,
      students: t.levels.reduce((sum, l) => sum + l.count, 0),
      proficient: t.proficient,
      levels: t.levels,
    })),
    byTarget: [...targets].map(([targetId, t]) => ({
      targetId,
      code: t.code,
      statement: t.statement,
      baseline: t.levels.reduce((sum, l) => sum + l.count, 0),
      ...(byTarget.get(targetId) ?? tallyGains([])),
    })),
    byClass: named(byClass),
    byTeacher: named(byTeacher),
    overall: tallyGains(pairs),
    goals: goals.map((g) => ({ ...g, current: g.measureKind === "proficiency_share" ? proficientShare : null })),
  };
}
