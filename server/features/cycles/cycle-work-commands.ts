import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ImplementationInput, RefinementInput } from "../../../contract/cycle-work";
import type { CycleStage } from "../../../contract/cycles";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { cycleImplementations, cycleMeetings, cycleRefinements, cycleStrategies, cycleVisits } from "../../db/schema";
import { forbidden, invalid } from "../../errors";
import { type CycleWorkCycle, isCycleStrategy, listTaughtClasses } from "./cycle-work.queries";

/** Records one change to the cycle's work in the audit log, naming the cycle. */
function audit(db: Db, context: ActorContext, cycle: CycleWorkCycle, action: string, details: Record<string, unknown>) {
  return recordAudit(db, context, { action: `cycle.${action}`, subjectType: "cycle", subjectId: cycle.id, details });
}

/** Adds a library strategy (already judged readable and a strategy) to the cycle; choosing it again changes nothing. */
export async function chooseStrategy(db: Db, context: ActorContext, cycle: CycleWorkCycle, resourceId: string) {
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(cycleStrategies)
      .values({ districtId: cycle.districtId, cycleId: cycle.id, resourceId, chosenById: context.actor.personId })
      .onConflictDoNothing()
      .returning({ id: cycleStrategies.resourceId });
    if (added.length) await audit(tx, context, cycle, "strategy_chosen", { resourceId });
  });
}

/** Takes a strategy off the cycle; its logged applications stay, naming it. */
export async function removeStrategy(db: Db, context: ActorContext, cycle: CycleWorkCycle, resourceId: string) {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(cycleStrategies)
      .where(and(eq(cycleStrategies.cycleId, cycle.id), eq(cycleStrategies.resourceId, resourceId)))
      .returning({ id: cycleStrategies.resourceId });
    if (removed.length) await audit(tx, context, cycle, "strategy_removed", { resourceId });
  });
}

/** Logs that the actor applied one of the cycle's strategies with one of their own classes, and how it went. */
export async function logImplementation(
  db: Db,
  context: ActorContext,
  cycle: CycleWorkCycle,
  input: z.output<typeof ImplementationInput>,
): Promise<string> {
  const { actor } = context;
  const [chosen, taught] = await Promise.all([
    isCycleStrategy(db, cycle.id, input.resourceId),
    listTaughtClasses(db, actor.personId),
  ]);
  const problems = [
    ...(chosen ? [] : [{ pointer: "/body/resourceId", detail: "Choose one of the cycle's strategies." }]),
    ...(taught.some((c) => c.id === input.classId)
      ? []
      : [{ pointer: "/body/classId", detail: "Choose one of the classes you teach." }]),
  ];
  if (problems.length) invalid("The application cannot be logged.", problems);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cycleImplementations)
      .values({ ...input, districtId: cycle.districtId, cycleId: cycle.id, personId: actor.personId })
      .returning({ id: cycleImplementations.id });
    if (!row) throw new Error("implementation insert returned nothing");
    await audit(tx, context, cycle, "implementation_logged", { implementationId: row.id, outcome: input.outcome });
    return row.id;
  });
}

/** Removes one of the actor's own logged applications. */
export async function deleteImplementation(
  db: Db,
  context: ActorContext,
  cycle: CycleWorkCycle,
  implementation: { id: string; personId: string },
) {
  if (implementation.personId !== context.actor.personId) forbidden("You can remove only your own applications.");
  await db.transaction(async (tx) => {
    await tx.delete(cycleImplementations).where(eq(cycleImplementations.id, implementation.id));
    await audit(tx, context, cycle, "implementation_deleted", { implementationId: implementation.id });
  });
}

/** Ties a classroom visit (already judged readable by the actor) to the cycle. */
export async function tieVisit(db: Db, context: ActorContext, cycle: CycleWorkCycle, visitId: string) {
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(cycleVisits)
      .values({ districtId: cycle.districtId, cycleId: cycle.id, visitId })
      .onConflictDoNothing()
      .returning({ id: cycleVisits.visitId });
    if (added.length) await audit(tx, context, cycle, "visit_tied", { visitId });
  });
}

/** Unties a visit from the cycle; the visit itself stays. */
export async function untieVisit(db: Db, context: ActorContext, cycle: CycleWorkCycle, visitId: string) {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(cycleVisits)
      .where(and(eq(cycleVisits.cycleId, cycle.id), eq(cycleVisits.visitId, visitId)))
      .returning({ id: cycleVisits.visitId });
    if (removed.length) await audit(tx, context, cycle, "visit_untied", { visitId });
  });
}

/** Records what the team changed and why. */
export async function addRefinement(
  db: Db,
  context: ActorContext,
  cycle: CycleWorkCycle,
  input: RefinementInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cycleRefinements)
      .values({ ...input, districtId: cycle.districtId, cycleId: cycle.id, authorId: context.actor.personId })
      .returning({ id: cycleRefinements.id });
    if (!row) throw new Error("refinement insert returned nothing");
    await audit(tx, context, cycle, "refinement_added", { refinementId: row.id });
    return row.id;
  });
}

/** Ties one of the team's meetings to a stage of the cycle, or moves it to another stage. */
export async function tieMeeting(
  db: Db,
  context: ActorContext,
  cycle: CycleWorkCycle,
  meetingId: string,
  stage: CycleStage,
) {
  await db.transaction(async (tx) => {
    await tx
      .insert(cycleMeetings)
      .values({ districtId: cycle.districtId, cycleId: cycle.id, meetingId, stage })
      .onConflictDoUpdate({ target: [cycleMeetings.cycleId, cycleMeetings.meetingId], set: { stage } });
    await audit(tx, context, cycle, "meeting_tied", { meetingId, stage });
  });
}

/** Unties a meeting from the cycle. */
export async function untieMeeting(db: Db, context: ActorContext, cycle: CycleWorkCycle, meetingId: string) {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(cycleMeetings)
      .where(and(eq(cycleMeetings.cycleId, cycle.id), eq(cycleMeetings.meetingId, meetingId)))
      .returning({ id: cycleMeetings.meetingId });
    if (removed.length) await audit(tx, context, cycle, "meeting_untied", { meetingId });
  });
}
