import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { assessmentTargets, communities, interventionPlans, planDecisions, targetResults } from "../db/schema";
import { insertAssessment, insertTarget } from "./analysis-fixture";
import { buildClass, buildCommunity, buildStudent } from "./evidence-factories";
import { buildDistrict, type TestDistrict } from "./factories";
import { buildPlan } from "./intervention-factories";

/*
 * A small school for the report tests, described as plain data first (so the tests can compute every
 * expected number from these rows themselves), then written into the tables.
 */

export type FixtureDecision = { on: string; decision: "continue" | "adjust" | "intensify" | "exit"; tier: number };
export type FixturePlan = {
  student: string;
  team: "A" | "B";
  kind: "intervention" | "extension";
  tier: number;
  start: string;
  review: string;
  decisions?: FixtureDecision[];
  closedOn?: string;
  outcome?: "met" | "not_met";
  /** A start date moved earlier after the plan began: its "start" decision keeps the day it was made. */
  movedStart?: string;
};
export type FixtureAssessmentRows = {
  team: "A" | "B";
  givenOn: string;
  /** Levels per student, one per target (targets' proficient levels: 3 and 2). */
  levels: Record<string, [number, number]>;
};

export const PROFICIENT = [3, 2] as const;
export const RESPONSE_DAYS = { A: 5, B: 3 } as const;
export const PERIOD = { from: "2025-08-01", to: "2025-12-31" };
const FAR = "2099-01-01";

/** Students S1–S8 at the elementary school, S9 at the high school (outside the report). */
export const STUDENTS = ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9"] as const;

export const PLANS: FixturePlan[] = [
  {
    student: "S1",
    team: "A",
    kind: "intervention",
    tier: 2,
    start: "2025-09-02",
    review: "2025-10-01",
    decisions: [{ on: "2025-10-15", decision: "intensify", tier: 3 }],
  },
  { student: "S1", team: "B", kind: "intervention", tier: 1, start: "2025-09-10", review: FAR },
  {
    student: "S2",
    team: "A",
    kind: "intervention",
    tier: 2,
    start: "2025-08-20",
    review: "2025-09-15",
    decisions: [
      { on: "2025-10-01", decision: "continue", tier: 2 },
      { on: "2025-11-10", decision: "exit", tier: 2 },
    ],
    closedOn: "2025-11-10",
    outcome: "met",
  },
  {
    student: "S3",
    team: "B",
    kind: "intervention",
    tier: 3,
    start: "2025-10-05",
    movedStart: "2025-09-15",
    review: "2025-11-01",
    decisions: [{ on: "2025-11-20", decision: "adjust", tier: 2 }],
  },
  {
    student: "S4",
    team: "A",
    kind: "extension",
    tier: 2,
    start: "2025-09-01",
    review: FAR,
    closedOn: "2025-12-05",
    outcome: "not_met",
  },
  {
    student: "S5",
    team: "B",
    kind: "intervention",
    tier: 2,
    start: "2025-12-01",
    review: FAR,
    closedOn: "2025-12-20",
    outcome: "not_met",
  },
  { student: "S9", team: "A", kind: "intervention", tier: 3, start: "2025-09-01", review: "2025-09-20" },
  // 2 and 9 school days after team A's assessment of Wednesday 8 October 2025.
  { student: "S6", team: "A", kind: "intervention", tier: 2, start: "2025-10-10", review: "2025-11-07" },
  { student: "S7", team: "B", kind: "intervention", tier: 2, start: "2025-10-21", review: FAR },
  { student: "S2", team: "B", kind: "extension", tier: 1, start: "2025-12-10", review: "2025-12-12" },
];

export const ASSESSMENTS: FixtureAssessmentRows[] = [
  {
    team: "A",
    givenOn: "2025-10-08",
    levels: { S1: [3, 2], S6: [2, 4], S7: [1, 1], S8: [4, 1], S9: [1, 1], S2: [3, 3] },
  },
  { team: "B", givenOn: "2025-11-03", levels: { S6: [2, 2], S3: [3, 1], S1: [4, 4] } },
  // Given before the period: never counted.
  { team: "B", givenOn: "2025-07-15", levels: { S8: [1, 1] } },
];

export type ReportFixture = {
  district: TestDistrict;
  teams: { A: string; B: string };
  studentIds: Record<string, string>;
  planIds: string[];
};

/** Writes the fixture: two teams at the elementary school, their plans, decisions and assessment results. */
export async function buildReportFixture(db: Db): Promise<ReportFixture> {
  const district = await buildDistrict(db);
  const teamA = await buildCommunity(db, district, [], { name: "Grade 4 team" });
  const teamB = await buildCommunity(db, district, [], { name: "Grade 5 team" });
  await db.update(communities).set({ responseDays: RESPONSE_DAYS.A }).where(eq(communities.id, teamA.id));
  await db.update(communities).set({ responseDays: RESPONSE_DAYS.B }).where(eq(communities.id, teamB.id));
  const teams = { A: teamA.id, B: teamB.id };
  const classId = (await buildClass(db, district)).id;
  const highClassId = (await buildClass(db, district, { schoolId: district.schools.high.id })).id;
  const studentIds: Record<string, string> = {};
  for (const name of STUDENTS) {
    const high = name === "S9";
    const student = await buildStudent(db, district, {
      givenName: name,
      familyName: "Fixture",
      schoolId: high ? district.schools.high.id : district.schools.elementary.id,
      classIds: [high ? highClassId : classId],
    });
    studentIds[name] = student.id;
  }
  const planIds: string[] = [];
  for (const plan of PLANS) {
    const row = await buildPlan(db, district, {
      studentId: studentIds[plan.student] as string,
      communityId: teams[plan.team],
      tier: plan.tier,
      kind: plan.kind,
      startDate: plan.start,
      goalDate: "2026-06-01",
      reviewDate: plan.review,
      status: plan.closedOn ? "closed" : "active",
      outcome: plan.outcome ?? null,
    });
    planIds.push(row.id);
    if (plan.closedOn) {
      await db
        .update(interventionPlans)
        .set({ closedAt: new Date(`${plan.closedOn}T12:00:00Z`) })
        .where(eq(interventionPlans.id, row.id));
    }
    let tier = plan.tier;
    for (const d of plan.decisions ?? []) {
      await db.insert(planDecisions).values({
        districtId: district.id,
        planId: row.id,
        decision: d.decision,
        reason: `Decided ${d.decision}`,
        tierBefore: tier,
        tierAfter: d.tier,
        decidedOn: d.on,
      });
      tier = d.tier;
    }
    // As recordDecision does: the plan row holds its current tier; its starting tier is in its history.
    await db
      .update(interventionPlans)
      .set({ tier, startDate: plan.movedStart ?? plan.start })
      .where(eq(interventionPlans.id, row.id));
  }
  for (const [index, a] of ASSESSMENTS.entries()) {
    const targetIds = [
      (await insertTarget(db, district, teams[a.team], `RT.${index}.1`)).id,
      (await insertTarget(db, district, teams[a.team], `RT.${index}.2`)).id,
    ];
    const assessment = await insertAssessment(db, district, {
      communityId: teams[a.team],
      classIds: [classId, highClassId],
      targetIds,
      items: [
        { maxPoints: 4, targetIndex: 0 },
        { maxPoints: 4, targetIndex: 1 },
      ],
      givenOn: a.givenOn,
    });
    await db
      .update(assessmentTargets)
      .set({ proficientLevel: PROFICIENT[1] })
      .where(
        sql`${assessmentTargets.assessmentId} = ${assessment.id} and ${assessmentTargets.targetId} = ${targetIds[1]}`,
      );
    for (const [student, levels] of Object.entries(a.levels)) {
      await db.insert(targetResults).values(
        levels.map((level, t) => ({
          districtId: district.id,
          assessmentId: assessment.id,
          targetId: targetIds[t] as string,
          studentId: studentIds[student] as string,
          classId: student === "S9" ? highClassId : classId,
          points: level,
          level,
          assessedOn: a.givenOn,
        })),
      );
    }
  }
  return { district, teams, studentIds, planIds };
}
