import { and, eq, sql } from "drizzle-orm";
import type { DecisionInput } from "../../../contract/student-review";
import type { ActorContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { todayIn } from "../../clock";
import type { Db } from "../../db/client";
import { interventionPlans, meetings, planDecisions, resources } from "../../db/schema";
import { conflict, invalid, notFound } from "../../errors";
import type { PlanTarget } from "../../policy/rules";
import { isEligibleDeliverer, studentsOf } from "../interventions/check-plan-input";

const DEFAULT_REVIEW_WEEKS = 2;

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Refuses references to things outside the plan's district or team: they are invalid input, not hidden objects. */
async function checkReferences(db: Db, plan: PlanTarget, input: DecisionInput) {
  if (input.meetingId) {
    const [meeting] = await db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.communityId, plan.community.id)));
    if (!meeting)
      invalid("No such meeting of this team.", [{ pointer: "/body/meetingId", detail: "Unknown meeting." }]);
  }
  const deliveredById = input.changes?.deliveredById;
  if (
    deliveredById &&
    !(await isEligibleDeliverer(db, plan.districtId, deliveredById, studentsOf([plan.student.id])))
  ) {
    invalid("Choose who delivers the plan again.", [
      { pointer: "/body/changes/deliveredById", detail: "Choose active staff of the student's school." },
    ]);
  }
  const resourceId = input.changes?.strategyResourceId;
  if (resourceId) {
    const [resource] = await db
      .select({ id: resources.id })
      .from(resources)
      .where(and(eq(resources.id, resourceId), eq(resources.districtId, plan.districtId)));
    if (!resource) {
      invalid("No such resource.", [{ pointer: "/body/changes/strategyResourceId", detail: "Unknown resource." }]);
    }
  }
}

/**
 * Records the team's decision on a plan and changes the plan to match, in one transaction: continue sets the
 * next review date, adjust applies changes, intensify raises the tier (with changes), exit closes the plan
 * with its outcome. The decision row keeps the tier before and after, so it is also the tier history.
 */
export async function recordDecision(
  db: Db,
  context: ActorContext,
  plan: PlanTarget,
  input: DecisionInput,
): Promise<string> {
  const [current] = await db.select().from(interventionPlans).where(eq(interventionPlans.id, plan.id));
  if (!current) notFound("intervention plan");
  if (current.status === "closed") conflict("This plan is closed; start a new plan instead.");
  const { actor } = context;
  const today = todayIn(actor.timeZone);
  let tierAfter = current.tier;
  if (input.decision === "intensify") {
    tierAfter = input.tier ?? current.tier + 1;
    if (tierAfter <= current.tier || tierAfter > 3) {
      invalid("Intensifying needs a higher tier, at most 3.", [
        { pointer: "/body/tier", detail: `The plan is at tier ${current.tier}; choose a higher tier, at most 3.` },
      ]);
    }
  } else if (input.tier !== undefined && input.tier !== current.tier) {
    invalid("Only intensify changes the tier.", [{ pointer: "/body/tier", detail: "Choose intensify to move tiers." }]);
  }
  if (input.decision === "exit" && !input.outcome) {
    invalid("Say whether the goal was met.", [{ pointer: "/body/outcome", detail: "Required to exit a plan." }]);
  }
  const nextReviewDate = input.nextReviewDate ?? addDays(today, DEFAULT_REVIEW_WEEKS * 7);
  if (input.decision !== "exit" && nextReviewDate < today) {
    invalid("The next review cannot be in the past.", [
      { pointer: "/body/nextReviewDate", detail: "Choose today or later." },
    ]);
  }
  const changes = input.decision === "adjust" || input.decision === "intensify" ? (input.changes ?? {}) : {};
  if ((changes.goalDate ?? current.goalDate) <= current.startDate) {
    invalid("The goal date must come after the start date.", [
      { pointer: "/body/changes/goalDate", detail: "After the plan's start date." },
    ]);
  }
  await checkReferences(db, plan, input);

  return db.transaction(async (tx) => {
    // Two people deciding at once: the second sees the first's outcome, not the plan as it was.
    const [locked] = await tx
      .select({ status: interventionPlans.status, tier: interventionPlans.tier })
      .from(interventionPlans)
      .where(eq(interventionPlans.id, plan.id))
      .for("update");
    if (locked?.status !== "active" || locked.tier !== current.tier) {
      conflict("The plan changed while you were deciding; reload it and decide again.");
    }
    const update =
      input.decision === "exit"
        ? { status: "closed" as const, closedAt: sql`now()`, outcome: input.outcome ?? null }
        : { ...changes, tier: tierAfter, reviewDate: nextReviewDate };
    await tx
      .update(interventionPlans)
      .set({ ...update, updatedAt: sql`now()` })
      .where(eq(interventionPlans.id, plan.id));
    const [decision] = await tx
      .insert(planDecisions)
      .values({
        districtId: plan.districtId,
        planId: plan.id,
        decision: input.decision,
        reason: input.reason,
        tierBefore: current.tier,
        tierAfter,
        flag: input.flag ?? null,
        meetingId: input.meetingId ?? null,
        decidedById: actor.personId,
        decidedOn: today,
      })
      .returning({ id: planDecisions.id });
    await recordAudit(tx, context, {
      action: `plan.${input.decision}`,
      subjectType: "intervention_plan",
      subjectId: plan.id,
      details: {
        studentId: plan.student.id,
        tierBefore: current.tier,
        tierAfter,
        changes: Object.keys(changes),
        ...(input.outcome ? { outcome: input.outcome } : {}),
      },
    });
    return decision?.id as string;
  });
}
