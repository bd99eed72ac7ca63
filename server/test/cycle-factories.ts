import { sql } from "drizzle-orm";
import { CYCLE_STAGES } from "../../contract/cycles";
import type { Db } from "../db/client";
import { assessments, assessmentTargets, cycleStages, cycles, targetResults } from "../db/schema";
import { insertTarget } from "./analysis-fixture";
import { buildClass, buildCommunity, buildStudent } from "./evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "./factories";

/*
 * Test data for improvement cycles: team assessments whose target results are written with the levels a test
 * names (no items: a cycle reads levels only), and a team of two classes to start cycles in.
 */

/** A team assessment on some targets (four levels, proficient at 3), with no results yet. */
export async function buildLevelAssessment(
  db: Db,
  district: TestDistrict,
  communityId: string,
  targetIds: readonly string[],
  options: { title?: string; givenOn?: string } = {},
) {
  const [row] = await db
    .insert(assessments)
    .values({
      districtId: district.id,
      communityId,
      title: options.title ?? "Unit check",
      givenOn: options.givenOn ?? "2030-09-15",
      status: "open",
    })
    .returning();
  if (!row) throw new Error("no assessment");
  for (const [position, targetId] of targetIds.entries()) {
    await db.insert(assessmentTargets).values({
      districtId: district.id,
      assessmentId: row.id,
      targetId,
      position,
      maxPoints: 4,
      cutScores: [
        { level: 1, minPoints: 0 },
        { level: 2, minPoints: 2 },
        { level: 3, minPoints: 3 },
        { level: 4, minPoints: 4 },
      ],
      proficientLevel: 3,
    });
  }
  return row;
}

export type LevelResult = { studentId: string; targetId: string; classId: string | null; level: number };

/** Writes (or overwrites) students' levels on an assessment's targets, as recorded results leave them. */
export async function setLevels(db: Db, district: TestDistrict, assessmentId: string, rows: readonly LevelResult[]) {
  for (const r of rows) {
    await db
      .insert(targetResults)
      .values({ districtId: district.id, assessmentId, ...r, points: r.level, assessedOn: null })
      .onConflictDoUpdate({
        target: [targetResults.assessmentId, targetResults.targetId, targetResults.studentId],
        set: { level: sql`excluded.level`, points: sql`excluded.points` },
      });
  }
}

/**
 * A team at the elementary school: a coach facilitating, two teachers (members sharing their students), each
 * with a class of `perClass` students; two learning targets of the team; a teacher elsewhere in the district.
 */
export async function buildCycleTeam(db: Db, perClass = 6) {
  const district = await buildDistrict(db);
  const coach = await buildPerson(db, district, "coach");
  const teacherA = await buildPerson(db, district, "teacher", { name: "Ada Teacher" });
  const teacherB = await buildPerson(db, district, "teacher", { name: "Bea Teacher" });
  const outsider = await buildPerson(db, district, "teacher");
  const districtLeader = await buildPerson(db, district, "district_leader");
  const community = await buildCommunity(db, district, [
    { personId: coach.id, teamRole: "facilitator" },
    { personId: teacherA.id },
    { personId: teacherB.id },
  ]);
  const classA = await buildClass(db, district, { teacherIds: [teacherA.id], title: "Room A" });
  const classB = await buildClass(db, district, { teacherIds: [teacherB.id], title: "Room B" });
  const studentsOf = async (classId: string) => {
    const ids: string[] = [];
    for (let i = 0; i < perClass; i++) ids.push((await buildStudent(db, district, { classIds: [classId] })).id);
    return ids;
  };
  const targetA = (await insertTarget(db, district, community.id, "FR.1")).id;
  const targetB = (await insertTarget(db, district, community.id, "FR.2")).id;
  return {
    district,
    community,
    people: { coach, teacherA, teacherB, outsider, districtLeader } as Record<string, TestPerson>,
    classA: { id: classA.id, students: await studentsOf(classA.id) },
    classB: { id: classB.id, students: await studentsOf(classB.id) },
    targetA,
    targetB,
  };
}

/** A cycle written straight into the tables (for the record and the matrix): its stages and no snapshot. */
export async function insertCycle(
  db: Db,
  district: TestDistrict,
  communityId: string,
  values: { title?: string; status?: "active" | "finished" | "cancelled"; startsOn?: string; finishedAt?: Date } = {},
) {
  const [row] = await db
    .insert(cycles)
    .values({
      districtId: district.id,
      communityId,
      title: values.title ?? "Fractions cycle",
      status: values.status ?? "active",
      startsOn: values.startsOn ?? "2030-09-01",
      finishedAt: values.finishedAt ?? null,
    })
    .returning();
  if (!row) throw new Error("no cycle");
  await db
    .insert(cycleStages)
    .values(CYCLE_STAGES.map((stage) => ({ districtId: district.id, cycleId: row.id, stage })));
  return row;
}
