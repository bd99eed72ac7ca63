import { percentOf } from "../../../contract/analysis";
import type { Cycle, CycleResults, CycleSummary, GainTally, LearningNeed } from "../../../contract/cycles";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import type { CycleGoalRow, CycleTallyRow } from "./cycle-results.queries";
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

/** A tally row's counts as the contract's GainTally. */
function gainOf(row: CycleTallyRow | undefined): GainTally {
  if (!row) return { matched: 0, up: 0, same: 0, down: 0, upPercent: null };
  return { matched: row.count, up: row.up, same: row.same, down: row.down, upPercent: percentOf(row.up, row.count) };
}

/**
 * The snapshot summary, monitoring and evaluation from the reader's tallies (queryCycleTallies). A
 * proficiency_share goal's current value is the share of matched students whose later level reaches the target's
 * proficient level; other measures are left to the goals feature (null here).
 */
export function presentCycleResults(
  tallies: CycleTallyRow[],
  names: Map<string, string>,
  goals: CycleGoalRow[],
): CycleResults {
  // A pair without a class has no class row (its grouping set's null key).
  const of = (kind: CycleTallyRow["kind"]) =>
    tallies.filter((row) => row.kind === kind && (row.key !== null || kind === "all" || kind === "students"));
  const snapshot = new Map<string, CycleResults["snapshot"][number]>();
  for (const row of of("level")) {
    const key = row.key as string;
    const target = snapshot.get(key) ?? {
      targetId: key,
      code: row.code,
      statement: row.statement ?? "",
      students: 0,
      proficient: 0,
      levels: [],
    };
    target.levels.push({ level: row.level as number, count: row.count });
    target.students += row.count;
    target.proficient += row.proficient;
    snapshot.set(key, target);
  }
  const byTarget = new Map(of("target").map((row) => [row.key as string, row]));
  const named = (kind: "class" | "teacher") =>
    of(kind)
      .map((row) => ({ id: row.key as string, name: names.get(row.key as string) ?? "", ...gainOf(row) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const all = of("all")[0];
  const proficientShare = all ? percentOf(all.proficient, all.count) : null;
  return {
    students: of("students")[0]?.count ?? 0,
    snapshot: [...snapshot.values()],
    byTarget: [...snapshot.values()].map((t) => ({
      targetId: t.targetId,
      code: t.code,
      statement: t.statement,
      baseline: t.students,
      ...gainOf(byTarget.get(t.targetId)),
    })),
    byClass: named("class"),
    byTeacher: named("teacher"),
    overall: gainOf(all),
    goals: goals.map((g) => ({ ...g, current: g.measureKind === "proficiency_share" ? proficientShare : null })),
  };
}
