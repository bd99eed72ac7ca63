import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { GroupPatch } from "../../../contract/interventions";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { interventionGroups, interventionPlans } from "../../db/schema";
import { dateProblems, referenceProblems, refuseIfAny, studentsOfGroup } from "./check-plan-input";
import type { GroupRow } from "./interventions.queries";

/** Edits a group; who delivers it, how and how often follow to its active plans, in one transaction. */
export async function updateGroup(
  db: Db,
  context: ActorContext,
  row: GroupRow,
  patch: z.output<typeof GroupPatch>,
): Promise<void> {
  const { closedAt, ...fields } = patch;
  refuseIfAny([
    ...dateProblems({
      startDate: row.start_date,
      reviewDate: fields.reviewDate ?? row.review_date,
      goalDate: fields.goalDate ?? row.goal_date,
    }),
    ...(await referenceProblems(db, context.actor, fields, studentsOfGroup(row.id))),
  ]);
  // The group is the shared delivery: who, how, how often follow to its active plans.
  const delivery = {
    strategyResourceId: fields.strategyResourceId,
    strategy: fields.strategy,
    deliveredById: fields.deliveredById,
    minutesPerSession: fields.minutesPerSession,
    daysPerWeek: fields.daysPerWeek,
    schedule: fields.schedule,
  };
  const planChanges = Object.fromEntries(Object.entries(delivery).filter(([, v]) => v !== undefined));
  await db.transaction(async (tx) => {
    await tx
      .update(interventionGroups)
      .set({
        ...fields,
        ...(closedAt !== undefined ? { closedAt: closedAt === null ? null : new Date(closedAt) } : {}),
        updatedAt: sql`now()`,
      })
      .where(sql`${interventionGroups.id} = ${row.id}`);
    if (Object.keys(planChanges).length) {
      await tx
        .update(interventionPlans)
        .set({ ...planChanges, updatedAt: sql`now()` })
        .where(sql`${interventionPlans.groupId} = ${row.id} and ${interventionPlans.status} = 'active'`);
    }
    await recordAudit(tx, context, {
      action: "intervention_group.updated",
      subjectType: "intervention_group",
      subjectId: row.id,
      details: { fields: Object.keys(patch) },
    });
  });
}
