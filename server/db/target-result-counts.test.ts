import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { recomputeTargetResults } from "../features/assessments/target-results";
import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildResults,
  buildStudent,
} from "../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict } from "../test/factories";
import { createTestDatabase } from "../test/test-db";
import type { Database } from "./client";
import { itemScores } from "./schema";

let database: Database;
let district: TestDistrict;

beforeAll(async () => {
  database = await createTestDatabase();
  district = await buildDistrict(database.db);
});
afterAll(async () => database?.close());

type Count = { target_id: string; school_id: string | null; level: number; students: number };

/** The rollup as stored, and the same numbers counted straight from target_results. */
async function storedAndCounted(assessmentId: string): Promise<[Count[], Count[]]> {
  const order = sql`order by target_id, school_id, level`;
  const stored = await database.db.execute<Count>(sql`
    select target_id, school_id, level, students from target_result_counts where assessment_id = ${assessmentId} ${order}`);
  const counted = await database.db.execute<Count>(sql`
    select * from (select r.target_id, c.school_id, r.level::int as level, count(*)::int as students
      from target_results r join classes c on c.id = r.class_id
      where r.assessment_id = ${assessmentId} group by 1, 2, 3) x ${order}`);
  return [stored.rows, counted.rows];
}

/** The students below proficient on some target, as stored, and as worked out from target_results. */
async function belowStoredAndCounted(assessmentId: string): Promise<[string[], string[]]> {
  const stored = await database.db.execute<{ student_id: string }>(sql`
    select student_id from below_proficient_students where assessment_id = ${assessmentId} order by 1`);
  const counted = await database.db.execute<{ student_id: string }>(sql`
    select distinct r.student_id from target_results r
      join assessment_targets t on t.assessment_id = r.assessment_id and t.target_id = r.target_id
     where r.assessment_id = ${assessmentId} and r.level < t.proficient_level order by 1`);
  return [stored.rows.map((r) => r.student_id), counted.rows.map((r) => r.student_id)];
}

it("keeps students per level, target and school current as results are entered, changed and removed", async () => {
  const db = database.db;
  const teacher = await buildPerson(db, district, "teacher");
  const other = await buildPerson(db, district, "teacher", { schoolId: district.schools.high.id });
  const team = await buildCommunity(db, district, [{ personId: teacher.id }, { personId: other.id }]);
  const essential = await buildEssentialStandard(db, district, { communityId: team.id, targets: ["A", "B"] });
  const [targetA, targetB] = essential.targets.map((t) => t.id) as [string, string];
  const north = await buildClass(db, district, { teacherIds: [teacher.id] });
  const south = await buildClass(db, district, { schoolId: district.schools.high.id, teacherIds: [other.id] });
  const students = [
    ...(await Promise.all([1, 2, 3].map(() => buildStudent(db, district, { classIds: [north.id] })))),
    ...(await Promise.all([1, 2].map(() => buildStudent(db, district, { classIds: [south.id] })))),
  ];
  const assessment = await buildAssessment(db, district, {
    communityId: team.id,
    classIds: [north.id, south.id],
    items: [
      { label: "1", maxPoints: 4, targetIds: [targetA] },
      { label: "2", maxPoints: 4, targetIds: [targetB] },
    ],
  });
  await buildResults(db, district, assessment, [
    { studentId: students[0]?.id as string, points: [4, 1] },
    { studentId: students[1]?.id as string, points: [3, 0] },
    { studentId: students[2]?.id as string, status: "absent" },
    { studentId: students[3]?.id as string, points: [4, 4] },
    { studentId: students[4]?.id as string, points: [0, 2] },
  ]);
  let [stored, counted] = await storedAndCounted(assessment.id);
  expect(stored.reduce((sum, c) => sum + c.students, 0)).toBe(8);
  expect(stored).toEqual(counted);

  // A score changes: the recompute deletes and re-inserts that student's results, and the counts follow.
  await db.transaction(async (tx) => {
    await tx
      .update(itemScores)
      .set({ points: 0 })
      .where(sql`student_id = ${students[3]?.id as string} and assessment_id = ${assessment.id}`);
    await recomputeTargetResults(tx, assessment.id, [students[3]?.id as string]);
  });
  [stored, counted] = await storedAndCounted(assessment.id);
  expect(stored).toEqual(counted);

  // Who is below proficient follows the results, and the proficient level when a team moves it.
  let [below, belowCounted] = await belowStoredAndCounted(assessment.id);
  expect(below.length).toBeGreaterThan(0);
  expect(below).toEqual(belowCounted);
  await db.execute(sql`update assessment_targets set proficient_level = 1 where assessment_id = ${assessment.id}`);
  [below, belowCounted] = await belowStoredAndCounted(assessment.id);
  expect(below).toEqual(belowCounted);
  await db.execute(sql`update assessment_targets set proficient_level = 4 where assessment_id = ${assessment.id}`);
  [below, belowCounted] = await belowStoredAndCounted(assessment.id);
  expect(below).toEqual(belowCounted);
  expect(below.length).toBe(4); // every scored student misses level 4 on at least one target

  await db.execute(sql`delete from assessments where id = ${assessment.id}`);
  [stored] = await storedAndCounted(assessment.id);
  expect(stored).toEqual([]);
  expect((await belowStoredAndCounted(assessment.id))[0]).toEqual([]);
});
