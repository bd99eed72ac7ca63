import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { communities, goals, itemScores, students } from "../../db/schema";
import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildResults,
  buildStudent,
} from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { buildPlan } from "../../test/intervention-factories";
import { signedInActor } from "../../test/signed-in-actor";
import { createTestDatabase } from "../../test/test-db";
import { recomputeTargetResults } from "../assessments/target-results";
import { measureProficiencyShare, measureResponseWithinDays } from "./goal-measures.queries";
import { computeProgress } from "./goal-progress";
import { listGoals } from "./goals.queries";

/*
 * A district leader's goal measures come from goal_measure_cache while nothing they rest on changed. Each test
 * changes one input and checks that the next read is the live value again. A class of 20 (grade 04) took the
 * team's check on 10 Sept 2030: 8 proficient, 12 below, none answered with a plan.
 */

const TODAY = "2030-11-01";
const CUTS = [
  { level: 1, minPoints: 0 },
  { level: 2, minPoints: 2 },
  { level: 3, minPoints: 3 },
  { level: 4, minPoints: 4 },
];

let database: Database;
let district: TestDistrict;
let leader: TestPerson;
let teacher: TestPerson;
let teamId: string;
let targetId: string;
let check: Awaited<ReturnType<typeof buildAssessment>>;
let below: string[];
let proficiencyGoal: string;
let responseGoal: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  district = await buildDistrict(db);
  leader = await buildPerson(db, district, "district_leader");
  teacher = await buildPerson(db, district, "teacher");
  teamId = (await buildCommunity(db, district, [{ personId: teacher.id, teamRole: "facilitator" }])).id;
  targetId = (await buildEssentialStandard(db, district, { communityId: teamId })).targets[0]?.id as string;
  const room = await buildClass(db, district, { teacherIds: [teacher.id] });
  const all: string[] = [];
  for (let i = 0; i < 20; i++) all.push((await buildStudent(db, district, { classIds: [room.id] })).id);
  below = all.slice(8);
  check = await buildAssessment(db, district, {
    communityId: teamId,
    classIds: [room.id],
    items: [{ label: "1", maxPoints: 4, targetIds: [targetId] }],
    givenOn: "2030-09-10",
    cutScores: { [targetId]: CUTS },
  });
  await buildResults(
    db,
    district,
    check,
    all.map((studentId, i) => ({ studentId, points: [i < 8 ? 4 : 1] })),
  );
  const inserted = await db
    .insert(goals)
    .values([
      {
        districtId: district.id,
        level: "district",
        ownerId: leader.id,
        title: "Proficient on the target",
        measureKind: "proficiency_share",
        measure: { targetId },
        target: 80,
        startsOn: "2030-08-01",
        dueOn: "2031-06-15",
      },
      {
        districtId: district.id,
        level: "team",
        communityId: teamId,
        ownerId: teacher.id,
        title: "Respond within a week",
        measureKind: "response_within_days",
        measure: {},
        target: 90,
        startsOn: "2030-08-01",
        dueOn: "2031-06-15",
      },
    ])
    .returning({ id: goals.id });
  proficiencyGoal = inserted[0]?.id as string;
  responseGoal = inserted[1]?.id as string;
});
afterAll(async () => database?.close());

async function progressOf(person: TestPerson) {
  const actor = await signedInActor(database, person);
  const rows = await listGoals(database.db, { ids: [proficiencyGoal, responseGoal] });
  const progress = await computeProgress(database.db, actor, rows, TODAY, new Date("2030-11-01T12:00:00Z"));
  const pick = (id: string) => {
    const p = progress.get(id);
    return { value: p?.value ?? null, count: p?.count ?? null };
  };
  return { proficiency: pick(proficiencyGoal), response: pick(responseGoal) };
}

/** What the measures compute live for the leader now, without any cache. */
async function liveForLeader() {
  const actor = await signedInActor(database, leader);
  const proficiency = await measureProficiencyShare(database.db, actor, { targetId }, TODAY);
  const response = await measureResponseWithinDays(
    database.db,
    actor,
    { communityId: teamId, days: 5 },
    { from: "2030-08-01", to: TODAY },
    TODAY,
  );
  return {
    proficiency: { value: proficiency.value, count: proficiency.count },
    response: { value: response.value, count: response.count },
  };
}

async function computedAt(): Promise<Record<string, string>> {
  const rows = await database.db.execute<{ goal_id: string; at: string }>(
    sql`select goal_id, computed_at::text as at from goal_measure_cache where district_id = ${district.id}`,
  );
  return Object.fromEntries(rows.rows.map((r) => [r.goal_id, r.at]));
}

describe("a district leader's cached goal measures", () => {
  it("are the live values, computed once while nothing they rest on changes", async () => {
    const first = await progressOf(leader);
    expect(first).toEqual(await liveForLeader());
    expect(first.proficiency).toEqual({ value: 40, count: 20 });
    expect(first.response).toEqual({ value: 0, count: 12 });
    const stamps = await computedAt();
    expect(Object.keys(stamps).sort()).toEqual([proficiencyGoal, responseGoal].sort());
    expect(await progressOf(leader)).toEqual(first);
    expect(await computedAt()).toEqual(stamps);
  });

  it("follow a changed result", async () => {
    const item = check.items[0]?.id as string;
    await database.db
      .update(itemScores)
      .set({ points: 4 })
      .where(and(eq(itemScores.itemId, item), eq(itemScores.studentId, below[0] as string)));
    await recomputeTargetResults(database.db, check.id, [below[0] as string]);
    const now = await progressOf(leader);
    expect(now).toEqual(await liveForLeader());
    expect(now.proficiency).toEqual({ value: 45, count: 20 });
    expect(now.response.count).toBe(11);
  });

  it("follow a new plan answering a call", async () => {
    await buildPlan(database.db, district, {
      studentId: below[1] as string,
      communityId: teamId,
      startDate: "2030-09-12",
      reviewDate: "2030-10-20",
      goalDate: "2030-12-15",
    });
    const now = await progressOf(leader);
    expect(now).toEqual(await liveForLeader());
    expect(now.response).toEqual({ value: 100 / 11, count: 11 });
  });

  it("follow the team's own rule for how long it has to respond", async () => {
    await database.db.update(communities).set({ responseDays: 0 }).where(eq(communities.id, teamId));
    const now = await progressOf(leader);
    // With no day to respond, the plan started two days after the check is late: 0 of 11.
    expect(now.response).toEqual({ value: 0, count: 11 });
    await database.db.update(communities).set({ responseDays: 5 }).where(eq(communities.id, teamId));
    expect((await progressOf(leader)).response).toEqual({ value: 100 / 11, count: 11 });
  });

  it("follow a change to the goal's measure and to the roster it filters on", async () => {
    await database.db
      .update(goals)
      .set({ measure: { targetId, gradeLevel: "04" } })
      .where(eq(goals.id, proficiencyGoal));
    expect((await progressOf(leader)).proficiency).toEqual({ value: 45, count: 20 });
    await database.db
      .update(students)
      .set({ grade: "05" })
      .where(eq(students.id, below[2] as string));
    expect((await progressOf(leader)).proficiency).toEqual({ value: (100 * 9) / 19, count: 19 });
  });

  it("are neither read nor written for a reader who sees fewer students", async () => {
    const stamps = await computedAt();
    await database.db.execute(sql`update goal_measure_cache set value = -1 where district_id = ${district.id}`);
    const teacherView = await progressOf(teacher);
    expect(teacherView.proficiency.value).not.toBe(-1);
    expect(teacherView.response.value).not.toBe(-1);
    expect(await computedAt()).toEqual(stamps);
  });
});

describe("a school leader's cached goal measures", () => {
  /** A school leader's live value of the proficiency goal (narrowed to grade 04 by the test before). */
  async function liveFor(person: TestPerson) {
    const actor = await signedInActor(database, person);
    const proficiency = await measureProficiencyShare(database.db, actor, { targetId, gradeLevel: "04" }, TODAY);
    return { value: proficiency.value, count: proficiency.count };
  }
  async function schoolRows() {
    const rows = await database.db.execute<{ goal_id: string; scope: string; at: string }>(sql`
      select goal_id, scope, computed_at::text as at from goal_measure_cache
       where district_id = ${district.id} and scope <> 'district' order by goal_id`);
    return rows.rows;
  }

  it("are shared by the leaders of the same school, and follow an enrolment that widens what they see", async () => {
    const principal = await buildPerson(database.db, district, "school_leader");
    const first = await progressOf(principal);
    expect(first.proficiency).toEqual(await liveFor(principal));
    const rows = await schoolRows();
    expect(rows.map((r) => r.scope)).toEqual([
      `schools:${district.schools.elementary.id}`,
      `schools:${district.schools.elementary.id}`,
    ]);
    const second = await buildPerson(database.db, district, "school_leader");
    expect(await progressOf(second)).toEqual(first);
    expect(await schoolRows()).toEqual(rows);

    // A student of another school joins a class of this one: the school's leaders now see them (and their result).
    const room = await buildClass(database.db, district, { schoolId: district.schools.elementary.id });
    const [result] = (
      await database.db.execute<{ student_id: string }>(sql`
        select student_id from target_results where assessment_id = ${check.id} and level >= 3 limit 1`)
    ).rows;
    const visitor = result?.student_id as string;
    // They move to another school but stay in this school's class: still seen. Leaving the class, they are not;
    // joining another class here, they are again. Only enrolments change in the last two steps.
    await database.db.update(students).set({ schoolId: district.schools.high.id }).where(eq(students.id, visitor));
    const moved = await progressOf(principal);
    expect(moved.proficiency).toEqual(first.proficiency);
    await database.db.execute(sql`delete from class_students where student_id = ${visitor}`);
    const left = await progressOf(principal);
    expect(left.proficiency).toEqual(await liveFor(principal));
    expect(left.proficiency.count).toBe((first.proficiency.count ?? 0) - 1);
    await database.db.execute(
      sql`insert into class_students (district_id, class_id, student_id) values (${district.id}, ${room.id}, ${visitor})`,
    );
    const enrolled = await progressOf(principal);
    expect(enrolled.proficiency).toEqual(first.proficiency);
  });

  it("are measured alone for a leader who also teaches a class (they see its students too)", async () => {
    const teaching = await buildPerson(database.db, district, "school_leader");
    await buildClass(database.db, district, { schoolId: district.schools.high.id, teacherIds: [teaching.id] });
    const before = await schoolRows();
    await database.db.execute(sql`update goal_measure_cache set value = -1 where scope <> 'district'`);
    expect((await progressOf(teaching)).proficiency.value).not.toBe(-1);
    expect((await schoolRows()).map((r) => r.at)).toEqual(before.map((r) => r.at));
  });
});
