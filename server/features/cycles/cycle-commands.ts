import { and, eq, sql } from "drizzle-orm";
import type { CyclePatch, CycleProgressPatch, CycleStage, CycleStagePatch } from "../../../contract/cycles";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { now } from "../../clock";
import type { Db } from "../../db/client";
import { cycleAssessments, cycleLearningNeeds, cycleStages, cycles } from "../../db/schema";

/** Changes a cycle's framing or its progress (current stage, reflection), or closes it or drops it. */
export async function updateCycle(
  db: Db,
  context: ActorContext,
  cycleId: string,
  patch: CyclePatch & CycleProgressPatch,
): Promise<void> {
  const { status, ...fields } = patch;
  await db.transaction(async (tx) => {
    await tx
      .update(cycles)
      .set({
        ...fields,
        ...(status ? { status, finishedAt: status === "finished" ? now() : null } : {}),
        updatedAt: now(),
      })
      .where(eq(cycles.id, cycleId));
    await recordAudit(tx, context, {
      action: status === "finished" ? "cycle.finished" : "cycle.updated",
      subjectType: "cycle",
      subjectId: cycleId,
      details: { fields: Object.keys(patch) },
    });
  });
}

/** The stage after this one, or undefined after evaluation. */
function nextStage(stages: readonly CycleStage[], stage: CycleStage): CycleStage | undefined {
  return stages[stages.indexOf(stage) + 1];
}

/**
 * Plans or records one stage. Completing the cycle's current stage moves the cycle on to the next one;
 * reopening a stage leaves the current stage where it is (the team moves it back explicitly).
 */
export async function updateStage(
  db: Db,
  context: ActorContext,
  cycle: { id: string; currentStage: CycleStage },
  stage: CycleStage,
  patch: CycleStagePatch,
  stageOrder: readonly CycleStage[],
): Promise<void> {
  const { isComplete, ...fields } = patch;
  await db.transaction(async (tx) => {
    await tx
      .update(cycleStages)
      .set({
        ...fields,
        ...(isComplete === undefined ? {} : { completedAt: isComplete ? now() : null }),
      })
      .where(and(eq(cycleStages.cycleId, cycle.id), eq(cycleStages.stage, stage)));
    const next = isComplete && cycle.currentStage === stage ? nextStage(stageOrder, stage) : undefined;
    if (next) await tx.update(cycles).set({ currentStage: next, updatedAt: now() }).where(eq(cycles.id, cycle.id));
    await recordAudit(tx, context, {
      action: "cycle.stage_updated",
      subjectType: "cycle",
      subjectId: cycle.id,
      details: { stage, fields: Object.keys(patch) },
    });
  });
}

/** Adds a later assessment of the team on the cycle's targets; adding one twice changes nothing. */
export async function addFollowup(db: Db, context: ActorContext, cycleId: string, assessmentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(cycleAssessments)
      .values({ districtId: context.actor.districtId, cycleId, assessmentId, role: "followup" })
      .onConflictDoNothing();
    await recordAudit(tx, context, {
      action: "cycle.followup_added",
      subjectType: "cycle",
      subjectId: cycleId,
      details: { assessmentId },
    });
  });
}

/** Removes a follow-up assessment from the cycle (never a baseline: the snapshot rests on it). */
export async function removeFollowup(db: Db, context: ActorContext, cycleId: string, assessmentId: string) {
  await db.transaction(async (tx) => {
    await tx
      .delete(cycleAssessments)
      .where(sql`${cycleAssessments.cycleId} = ${cycleId} and ${cycleAssessments.assessmentId} = ${assessmentId}
        and ${cycleAssessments.role} = 'followup'`);
    await recordAudit(tx, context, {
      action: "cycle.followup_removed",
      subjectType: "cycle",
      subjectId: cycleId,
      details: { assessmentId },
    });
  });
}

/** Records one of the educators' own learning needs; returns its id. */
export async function addLearningNeed(db: Db, context: ActorContext, cycleId: string, need: string): Promise<string> {
  const [row] = await db
    .insert(cycleLearningNeeds)
    .values({ districtId: context.actor.districtId, cycleId, authorId: context.actor.personId, need })
    .returning({ id: cycleLearningNeeds.id });
  if (!row) throw new Error("learning need insert returned nothing");
  return row.id;
}

/** Rewords a learning need. */
export async function updateLearningNeed(db: Db, cycleId: string, needId: string, need: string): Promise<void> {
  await db
    .update(cycleLearningNeeds)
    .set({ need })
    .where(and(eq(cycleLearningNeeds.cycleId, cycleId), eq(cycleLearningNeeds.id, needId)));
}

/** Removes a learning need. */
export async function deleteLearningNeed(db: Db, cycleId: string, needId: string): Promise<void> {
  await db
    .delete(cycleLearningNeeds)
    .where(and(eq(cycleLearningNeeds.cycleId, cycleId), eq(cycleLearningNeeds.id, needId)));
}
