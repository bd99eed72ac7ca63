import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { LearningEntryInput, LearningEntryPatch } from "../../../contract/cycle-work";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { cycleLearningLog } from "../../db/schema";
import { forbidden, invalid } from "../../errors";
import type { CycleWorkCycle, LearningEntryRow } from "./cycle-work.queries";
import { learningLinkProblems } from "./cycle-work-links";

/** Logs what the actor learned for the cycle, after checking that they may read each item it links to. */
export async function addLearningEntry(
  db: Db,
  context: ActorContext,
  cycle: CycleWorkCycle,
  input: z.output<typeof LearningEntryInput>,
): Promise<string> {
  const { actor } = context;
  const problems = await learningLinkProblems(db, actor, input);
  if (problems.length) invalid("Some links cannot be used.", problems);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cycleLearningLog)
      .values({ ...input, districtId: cycle.districtId, cycleId: cycle.id, personId: actor.personId })
      .returning({ id: cycleLearningLog.id });
    if (!row) throw new Error("learning entry insert returned nothing");
    await recordAudit(tx, context, {
      action: "cycle.learning_logged",
      subjectType: "cycle",
      subjectId: cycle.id,
      details: { entryId: row.id, kind: input.kind, minutes: input.minutes },
    });
    return row.id;
  });
}

/** People change and remove only their own entries. */
function requireOwn(context: ActorContext, entry: LearningEntryRow): void {
  if (entry.personId !== context.actor.personId) forbidden("You can change only your own entries.");
}

/** Changes one of the actor's own entries; new links are checked like new entries' links. */
export async function updateLearningEntry(
  db: Db,
  context: ActorContext,
  cycle: CycleWorkCycle,
  entry: LearningEntryRow,
  patch: LearningEntryPatch,
): Promise<void> {
  requireOwn(context, entry);
  const problems = await learningLinkProblems(db, context.actor, patch);
  if (problems.length) invalid("Some links cannot be used.", problems);
  await db.transaction(async (tx) => {
    await tx.update(cycleLearningLog).set(patch).where(eq(cycleLearningLog.id, entry.id));
    await recordAudit(tx, context, {
      action: "cycle.learning_updated",
      subjectType: "cycle",
      subjectId: cycle.id,
      details: { entryId: entry.id, fields: Object.keys(patch) },
    });
  });
}

/** Removes one of the actor's own entries. */
export async function deleteLearningEntry(
  db: Db,
  context: ActorContext,
  cycle: CycleWorkCycle,
  entry: LearningEntryRow,
): Promise<void> {
  requireOwn(context, entry);
  await db.transaction(async (tx) => {
    await tx.delete(cycleLearningLog).where(eq(cycleLearningLog.id, entry.id));
    await recordAudit(tx, context, {
      action: "cycle.learning_deleted",
      subjectType: "cycle",
      subjectId: cycle.id,
      details: { entryId: entry.id },
    });
  });
}
