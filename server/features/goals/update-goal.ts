import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { CheckinInput, GoalPatch } from "../../../contract/goals";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { goalCheckins, goals } from "../../db/schema";
import { sqlNow } from "../../db/sql-time";
import { invalid } from "../../errors";
import { checkServedGoals, loadGoalDraft, replaceGoalLinks } from "./goal-draft";
import type { GoalRow } from "./goals.queries";

/** Changes a goal (fields, measure, owner, the goals it serves, archived or not) in one transaction, audit-logged. */
export async function updateGoal(
  db: Db,
  context: ActorContext,
  goal: GoalRow,
  patch: z.output<typeof GoalPatch>,
): Promise<void> {
  const { actor } = context;
  const startsOn = patch.startsOn ?? goal.startsOn;
  const dueOn = patch.dueOn ?? goal.dueOn;
  if (dueOn <= startsOn) {
    invalid("The due date must come after the start date.", [
      { pointer: "/body/dueOn", detail: "The due date must come after the start date." },
    ]);
  }
  if (patch.ownerId !== undefined) {
    await loadGoalDraft(db, actor, { level: goal.level, schoolId: null, communityId: null, ownerId: patch.ownerId });
  }
  if (patch.servesGoalIds) await checkServedGoals(db, actor, goal, patch.servesGoalIds);
  const { archived, servesGoalIds, measure, ...fields } = patch;
  await db.transaction(async (tx) => {
    const measureFields = measure ? (({ kind, ...params }) => ({ measureKind: kind, measure: params }))(measure) : {};
    await tx
      .update(goals)
      .set({
        ...fields,
        ...measureFields,
        ...(archived === undefined ? {} : { archivedAt: archived ? sqlNow() : null }),
        updatedAt: sqlNow(),
      })
      .where(eq(goals.id, goal.id));
    if (servesGoalIds) await replaceGoalLinks(tx, goal.districtId, goal.id, servesGoalIds);
    await recordAudit(tx, context, {
      action: archived === true ? "goal.archived" : "goal.updated",
      subjectType: "goal",
      subjectId: goal.id,
      details: { fields: Object.keys(patch) },
    });
  });
}

/** Records a check-in on a goal: a note, and a value only for goals measured by their check-ins. */
export async function recordCheckin(
  db: Db,
  context: ActorContext,
  goal: GoalRow,
  input: z.output<typeof CheckinInput>,
): Promise<void> {
  if (input.value !== null && goal.measure.kind !== "checkin") {
    invalid("This goal's value comes from live data.", [
      { pointer: "/body/value", detail: "Only goals measured by check-ins take a value." },
    ]);
  }
  if (input.value === null && input.note === "") {
    invalid("Write a note or record a value.", [{ pointer: "/body/note", detail: "Write a note." }]);
  }
  await db.transaction(async (tx) => {
    const [checkin] = await tx
      .insert(goalCheckins)
      .values({
        districtId: goal.districtId,
        goalId: goal.id,
        authorId: context.actor.personId,
        checkedOn: input.checkedOn,
        value: input.value,
        note: input.note,
      })
      .returning({ id: goalCheckins.id });
    await recordAudit(tx, context, {
      action: "goal.checked_in",
      subjectType: "goal",
      subjectId: goal.id,
      details: { checkinId: checkin?.id ?? null },
    });
  });
}
