import { now } from "../clock";
import type { Db } from "../db/client";
import { interventionGroups, interventionPlans, planDecisions, progressScores } from "../db/schema";
import type { TestDistrict } from "./factories";

export type PlanOptions = {
  studentId: string;
  communityId: string;
  tier?: number;
  kind?: "intervention" | "extension";
  baseline?: number;
  goal?: number;
  startDate?: string;
  goalDate?: string;
  reviewDate?: string;
  deliveredById?: string | null;
  groupId?: string | null;
  status?: "active" | "closed";
  measure?: string;
  daysPerWeek?: number | null;
  minutesPerSession?: number | null;
  outcome?: "met" | "not_met" | null;
  createdById?: string | null;
  learningTargetIds?: string[];
  /** When a closed plan was closed (else now). */
  closedAt?: Date;
};

/**
 * A student's plan (tier 2 intervention, 40 → 70 from 1 Sept to 27 Oct 2026 unless told) and its "start"
 * decision, as creating a plan leaves them.
 */
export async function buildPlan(db: Db, district: TestDistrict, options: PlanOptions) {
  const tier = options.tier ?? 2;
  const startDate = options.startDate ?? "2026-09-01";
  const status = options.status ?? "active";
  const [plan] = await db
    .insert(interventionPlans)
    .values({
      districtId: district.id,
      studentId: options.studentId,
      communityId: options.communityId,
      groupId: options.groupId ?? null,
      kind: options.kind ?? "intervention",
      tier,
      status,
      focus: "Reading fluency",
      measure: options.measure ?? "Oral reading fluency, words correct per minute",
      baseline: options.baseline ?? 40,
      goal: options.goal ?? 70,
      startDate,
      goalDate: options.goalDate ?? "2026-10-27",
      reviewDate: options.reviewDate ?? "2026-10-06",
      deliveredById: options.deliveredById ?? null,
      minutesPerSession: options.minutesPerSession === undefined ? 30 : options.minutesPerSession,
      daysPerWeek: options.daysPerWeek === undefined ? 3 : options.daysPerWeek,
      outcome: options.outcome ?? null,
      closedAt: status === "closed" ? (options.closedAt ?? now()) : null,
      learningTargetIds: options.learningTargetIds ?? [],
      createdById: options.createdById ?? null,
    })
    .returning();
  if (!plan) throw new Error("no plan");
  await db.insert(planDecisions).values({
    districtId: district.id,
    planId: plan.id,
    decision: "start",
    reason: "Plan started",
    tierBefore: null,
    tierAfter: tier,
    decidedById: options.createdById ?? null,
    decidedOn: startDate,
  });
  return plan;
}

/** Progress-monitoring scores of a plan. */
export async function buildScores(
  db: Db,
  district: TestDistrict,
  planId: string,
  scores: { measuredOn: string; score: number; note?: string }[],
) {
  if (scores.length === 0) return [];
  return db
    .insert(progressScores)
    .values(
      scores.map((s) => ({
        districtId: district.id,
        planId,
        measuredOn: s.measuredOn,
        score: s.score,
        note: s.note ?? "",
      })),
    )
    .returning();
}

/** A team's group (tier 2 intervention unless told), without plans: add them with buildPlan({ groupId }). */
export async function buildGroup(
  db: Db,
  district: TestDistrict,
  options: {
    communityId: string;
    kind?: "intervention" | "extension";
    tier?: number;
    name?: string;
    deliveredById?: string | null;
    closedAt?: Date | null;
    startDate?: string;
    goalDate?: string;
    reviewDate?: string;
  },
) {
  const [group] = await db
    .insert(interventionGroups)
    .values({
      districtId: district.id,
      communityId: options.communityId,
      kind: options.kind ?? "intervention",
      name: options.name ?? "Fluency group",
      tier: options.tier ?? 2,
      focus: "Reading fluency",
      measure: "Oral reading fluency, words correct per minute",
      startDate: options.startDate ?? "2026-09-01",
      goalDate: options.goalDate ?? "2026-10-27",
      reviewDate: options.reviewDate ?? "2026-10-06",
      deliveredById: options.deliveredById ?? null,
      minutesPerSession: 30,
      daysPerWeek: 3,
      closedAt: options.closedAt ?? null,
    })
    .returning();
  if (!group) throw new Error("no group");
  return group;
}
