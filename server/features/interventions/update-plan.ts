import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { PlanPatch } from "../../../contract/interventions";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { interventionPlans } from "../../db/schema";
import type { PlanTarget } from "../../policy/rules";
import { dateProblems, referenceProblems, refuseIfAny, studentsOf } from "./check-plan-input";
import type { PlanRow } from "./interventions.queries";

/** Edits one plan, checked against its own dates, baseline and goal where the patch leaves them. */
export async function updatePlan(
  db: Db,
  context: ActorContext,
  target: PlanTarget,
  plan: PlanRow,
  patch: z.output<typeof PlanPatch>,
): Promise<void> {
  const problems = [
    ...dateProblems({
      startDate: patch.startDate ?? plan.start_date,
      reviewDate: patch.reviewDate ?? plan.review_date,
      goalDate: patch.goalDate ?? plan.goal_date,
    }),
    ...(await referenceProblems(db, context.actor, patch, studentsOf([target.student.id]))),
  ];
  if ((patch.baseline ?? plan.baseline) === (patch.goal ?? plan.goal))
    problems.push({ pointer: "/body/goal", detail: "The goal differs from the baseline." });
  refuseIfAny(problems);
  await db.transaction(async (tx) => {
    await tx
      .update(interventionPlans)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(sql`${interventionPlans.id} = ${plan.id}`);
    await recordAudit(tx, context, {
      action: "intervention_plan.updated",
      subjectType: "student",
      subjectId: target.student.id,
      details: { planId: plan.id, fields: Object.keys(patch) },
    });
  });
}
