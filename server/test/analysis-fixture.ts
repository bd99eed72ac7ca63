import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import {
  assessmentClasses,
  assessmentItems,
  assessmentSittings,
  assessments,
  assessmentTargets,
  itemScores,
  itemTargets,
  learningTargets,
  studentDemographics,
  targetResults,
} from "../db/schema";
import { levelFor } from "../features/assessments/target-results";
import type { TestDistrict } from "./factories";

/*
 * Test data for the analysis, written straight into the tables (the assessment builder is not needed).
 * Levels come from this file's own reading of the cut scores, so tests check the SQL against plain arithmetic.
 */

export type CutScores = { level: number; minPoints: number }[];
export const FOUR_LEVELS: CutScores = [
  { level: 1, minPoints: 0 },
  { level: 2, minPoints: 2 },
  { level: 3, minPoints: 3 },
  { level: 4, minPoints: 4 },
];

export type FixtureTarget = { id: string; maxPoints: number; cutScores: CutScores; proficientLevel: number };
export type FixtureItem = { id: string; maxPoints: number; correctResponse: string | null; targetIds: string[] };
export type FixtureAssessment = { id: string; givenOn: string; targets: FixtureTarget[]; items: FixtureItem[] };

/** A learning target of a community (or district-wide). */
export async function insertTarget(db: Db, district: TestDistrict, communityId: string | null, code: string) {
  const [row] = await db
    .insert(learningTargets)
    .values({ districtId: district.id, communityId, code, statement: `I can ${code.toLowerCase()}` })
    .returning();
  if (!row) throw new Error("no target");
  return row;
}

/** An assessment given to some classes: its targets (4 points, four levels) and items aligned to them. */
export async function insertAssessment(
  db: Db,
  district: TestDistrict,
  options: {
    communityId: string | null;
    classIds: string[];
    targetIds: string[];
    items: { maxPoints: number; correctResponse?: string; targetIndex: number }[];
    title?: string;
    givenOn?: string;
  },
): Promise<FixtureAssessment> {
  const [assessment] = await db
    .insert(assessments)
    .values({
      districtId: district.id,
      communityId: options.communityId,
      title: options.title ?? `Check ${randomBytes(2).toString("hex")}`,
      givenOn: options.givenOn ?? "2025-10-01",
      status: "open",
    })
    .returning();
  if (!assessment) throw new Error("no assessment");
  for (const classId of options.classIds) {
    await db.insert(assessmentClasses).values({ districtId: district.id, assessmentId: assessment.id, classId });
  }
  const targets: FixtureTarget[] = options.targetIds.map((id) => ({
    id,
    maxPoints: options.items
      .filter((item) => options.targetIds[item.targetIndex] === id)
      .reduce((s, i) => s + i.maxPoints, 0),
    cutScores: FOUR_LEVELS,
    proficientLevel: 3,
  }));
  for (const [position, target] of targets.entries()) {
    await db.insert(assessmentTargets).values({
      districtId: district.id,
      assessmentId: assessment.id,
      targetId: target.id,
      position,
      maxPoints: target.maxPoints,
      cutScores: target.cutScores,
      proficientLevel: target.proficientLevel,
    });
  }
  const items: FixtureItem[] = [];
  for (const [position, item] of options.items.entries()) {
    const targetId = options.targetIds[item.targetIndex] as string;
    const [row] = await db
      .insert(assessmentItems)
      .values({
        districtId: district.id,
        assessmentId: assessment.id,
        position,
        label: `Question ${position + 1}`,
        maxPoints: item.maxPoints,
        correctResponse: item.correctResponse ?? null,
      })
      .returning();
    if (!row) throw new Error("no item");
    await db.insert(itemTargets).values({ districtId: district.id, itemId: row.id, targetId });
    items.push({ id: row.id, maxPoints: item.maxPoints, correctResponse: row.correctResponse, targetIds: [targetId] });
  }
  return { id: assessment.id, givenOn: assessment.givenOn ?? "2025-10-01", targets, items };
}

export type Sitting = {
  studentId: string;
  classId: string;
  status: "completed" | "absent" | "exempt";
  /** Points per item (completed sittings), in item order. */
  points?: number[];
  responses?: (string | null)[];
};

/**
 * Records one student's sitting: for a completed one, item scores and the target results they add up to.
 * Returns the level reached on each target (empty when absent or exempt).
 */
export async function insertSitting(
  db: Db,
  district: TestDistrict,
  assessment: FixtureAssessment,
  sitting: Sitting,
): Promise<Map<string, { points: number; level: number }>> {
  const base = { districtId: district.id, assessmentId: assessment.id, studentId: sitting.studentId };
  await db.insert(assessmentSittings).values({ ...base, classId: sitting.classId, status: sitting.status });
  const results = new Map<string, { points: number; level: number }>();
  if (sitting.status !== "completed") return results;
  for (const [index, item] of assessment.items.entries()) {
    const points = sitting.points?.[index] ?? 0;
    await db.insert(itemScores).values({
      ...base,
      itemId: item.id,
      points,
      response: sitting.responses?.[index] ?? null,
    });
    for (const targetId of item.targetIds) {
      const sum = (results.get(targetId)?.points ?? 0) + points;
      results.set(targetId, { points: sum, level: 0 });
    }
  }
  for (const target of assessment.targets) {
    const points = results.get(target.id)?.points ?? 0;
    const level = levelFor(points, target.cutScores);
    results.set(target.id, { points, level });
    await db.insert(targetResults).values({
      ...base,
      targetId: target.id,
      classId: sitting.classId,
      points,
      level,
      assessedOn: assessment.givenOn,
    });
  }
  return results;
}

export type Demographics = {
  sex?: string;
  asian?: boolean;
  white?: boolean;
  hispanicOrLatino?: boolean;
};

export async function insertDemographics(db: Db, district: TestDistrict, studentId: string, d: Demographics) {
  await db.insert(studentDemographics).values({
    studentId,
    districtId: district.id,
    sex: d.sex ?? null,
    asian: d.asian ?? null,
    white: d.white ?? null,
    hispanicOrLatino: d.hispanicOrLatino ?? null,
  });
}
