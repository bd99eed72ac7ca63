import type { z } from "zod";
import type { GroupInput, PlanInput } from "../../../contract/interventions";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { todayIn } from "../../clock";
import type { Db } from "../../db/client";
import { interventionGroups, interventionPlans, planDecisions } from "../../db/schema";
import type { Actor } from "../../policy/actor";
import { dateProblems, referenceProblems, refuseIfAny, studentsOf } from "./check-plan-input";
import { studentProblems } from "./group-students";

type GroupBody = z.output<typeof GroupInput>;
type PlanBody = z.output<typeof PlanInput>;
type Delivery = Omit<PlanBody, "communityId" | "kind" | "tier" | "baseline" | "goal">;

function deliveryOf(body: Delivery): Delivery {
  return {
    focus: body.focus,
    learningTargetIds: body.learningTargetIds,
    sourceAssessmentId: body.sourceAssessmentId,
    strategyResourceId: body.strategyResourceId,
    strategy: body.strategy,
    deliveredById: body.deliveredById,
    minutesPerSession: body.minutesPerSession,
    daysPerWeek: body.daysPerWeek,
    schedule: body.schedule,
    startDate: body.startDate,
    reviewDate: body.reviewDate,
    goalDate: body.goalDate,
    measure: body.measure,
  };
}

type NewPlan = { studentId: string; baseline: number; goal: number };

/** Inserts the plans and their "start" decision (the first entry of each plan's tier history). */
async function insertPlans(
  tx: Db,
  actor: Actor,
  base: Delivery & { communityId: string; kind: "intervention" | "extension"; tier: number; groupId: string | null },
  plans: readonly NewPlan[],
): Promise<string[]> {
  const rows = await tx
    .insert(interventionPlans)
    .values(plans.map((p) => ({ ...base, ...p, districtId: actor.districtId, createdById: actor.personId })))
    .returning({ id: interventionPlans.id });
  // A plan entered after it started is dated by its start, so the tier history reads in order.
  const decidedOn = [base.startDate, todayIn(actor.timeZone)].sort()[0] as string;
  await tx.insert(planDecisions).values(
    rows.map((row) => ({
      districtId: actor.districtId,
      planId: row.id,
      decision: "start" as const,
      reason: base.groupId ? "Plan started with the group" : "Plan started",
      tierBefore: null,
      tierAfter: base.tier,
      decidedById: actor.personId,
      decidedOn,
    })),
  );
  return rows.map((row) => row.id);
}

/** A group, one plan per student copying its fields, and each plan's start; one transaction, audited. */
export async function createGroup(
  db: Db,
  context: ActorContext,
  communityId: string,
  body: GroupBody,
): Promise<string> {
  const { actor } = context;
  const { plans, problems } = await studentProblems(db, actor, body);
  refuseIfAny([
    ...dateProblems(body),
    ...problems,
    ...(await referenceProblems(db, actor, body, studentsOf(body.students.map((x) => x.studentId)))),
  ]);
  const tier = body.tier ?? (body.kind === "extension" ? 1 : 2);
  const delivery = deliveryOf(body);
  return db.transaction(async (tx) => {
    const [group] = await tx
      .insert(interventionGroups)
      .values({
        ...delivery,
        districtId: actor.districtId,
        communityId,
        kind: body.kind,
        name: body.name,
        tier,
        createdById: actor.personId,
      })
      .returning({ id: interventionGroups.id });
    if (!group) throw new Error("group insert returned nothing");
    await insertPlans(tx, actor, { ...delivery, communityId, kind: body.kind, tier, groupId: group.id }, plans);
    await recordAudit(tx, context, {
      action: "intervention_group.created",
      subjectType: "intervention_group",
      subjectId: group.id,
      details: { communityId, kind: body.kind, tier, studentIds: plans.map((p) => p.studentId) },
    });
    return group.id;
  });
}

/** One student's plan outside any group, with its start; audited. */
export async function createPlan(db: Db, context: ActorContext, studentId: string, body: PlanBody): Promise<string> {
  const { actor } = context;
  const problems = [...dateProblems(body), ...(await referenceProblems(db, actor, body, studentsOf([studentId])))];
  if (body.baseline === body.goal)
    problems.push({ pointer: "/body/goal", detail: "The goal differs from the baseline." });
  refuseIfAny(problems);
  const tier = body.tier ?? (body.kind === "extension" ? 1 : 2);
  return db.transaction(async (tx) => {
    const [planId] = await insertPlans(
      tx,
      actor,
      { ...deliveryOf(body), communityId: body.communityId, kind: body.kind, tier, groupId: null },
      [{ studentId, baseline: body.baseline, goal: body.goal }],
    );
    if (!planId) throw new Error("plan insert returned nothing");
    await recordAudit(tx, context, {
      action: "intervention_plan.created",
      subjectType: "student",
      subjectId: studentId,
      details: { planId, communityId: body.communityId, kind: body.kind, tier },
    });
    return planId;
  });
}
