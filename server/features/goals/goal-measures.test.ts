import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { communities, goalCheckins, goals, meetings } from "../../db/schema";
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
import {
  latestCheckinValue,
  measureMeetingsHeld,
  measureProficiencyShare,
  measureResponseWithinDays,
  studentShare,
} from "./goal-measures.queries";

const CUTS = [
  { level: 1, minPoints: 0 },
  { level: 2, minPoints: 2 },
  { level: 3, minPoints: 3 },
  { level: 4, minPoints: 4 },
];

const planDates = (startDate: string) => ({ startDate, reviewDate: "2030-10-20", goalDate: "2030-12-15" });

let database: Database;
let district: TestDistrict;
let leader: TestPerson;
let teacher: TestPerson;
let otherTeacher: TestPerson;
let teamId: string;
let targetId: string;
let firstCheckId: string;

describe("a share over students", () => {
  it("is a percentage, hidden below the analysis's threshold of 10 students, and nothing over no students", () => {
    expect(studentShare(11, 20)).toEqual({ value: 55, count: 20, suppressed: false });
    expect(studentShare(10, 10)).toEqual({ value: 100, count: 10, suppressed: false });
    expect(studentShare(3, 9)).toEqual({ value: null, count: null, suppressed: true });
    expect(studentShare(0, 0)).toEqual({ value: null, count: 0, suppressed: false });
  });
});

/*
 * The teacher's class of 20 took the first check on 10 Sept 2030: 8 proficient (4 points), 12 below (1 point).
 * Three of the 12 (s8–s10) reached 4 points on a second check on 10 Oct. Another teacher's class of 5 (grade 05,
 * not the team's) all scored 1 on 10 Sept.
 */
beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  district = await buildDistrict(db);
  leader = await buildPerson(db, district, "district_leader");
  teacher = await buildPerson(db, district, "teacher");
  otherTeacher = await buildPerson(db, district, "teacher");
  const team = await buildCommunity(db, district, [{ personId: teacher.id, teamRole: "facilitator" }]);
  teamId = team.id;
  const essential = await buildEssentialStandard(db, district, { communityId: teamId });
  targetId = essential.targets[0]?.id as string;
  const ownClass = await buildClass(db, district, { teacherIds: [teacher.id] });
  const otherClass = await buildClass(db, district, { teacherIds: [otherTeacher.id] });
  const own = [];
  for (let i = 0; i < 20; i++) own.push((await buildStudent(db, district, { classIds: [ownClass.id] })).id);
  const others = [];
  for (let i = 0; i < 5; i++) {
    others.push((await buildStudent(db, district, { classIds: [otherClass.id], grade: "05" })).id);
  }
  const item = [{ label: "1", maxPoints: 4, targetIds: [targetId] }];
  const check = (classId: string, communityId: string | null, givenOn: string) =>
    buildAssessment(db, district, {
      communityId,
      classIds: [classId],
      items: item,
      givenOn,
      cutScores: { [targetId]: CUTS },
    });
  const first = await check(ownClass.id, teamId, "2030-09-10");
  firstCheckId = first.id;
  await buildResults(
    db,
    district,
    first,
    own.map((studentId, i) => ({ studentId, points: [i < 8 ? 4 : 1] })),
  );
  const second = await check(ownClass.id, teamId, "2030-10-10");
  await buildResults(
    db,
    district,
    second,
    own.slice(8, 11).map((studentId) => ({ studentId, points: [4] })),
  );
  const elsewhere = await check(otherClass.id, null, "2030-09-10");
  await buildResults(
    db,
    district,
    elsewhere,
    others.map((studentId) => ({ studentId, points: [1] })),
  );
  // Responses to the first check (due by 17 Sept, 5 school days later): s8–s13 on 12 Sept, s14 late on 30 Sept.
  for (const studentId of own.slice(8, 14)) {
    await buildPlan(db, district, { studentId, communityId: teamId, ...planDates("2030-09-12") });
  }
  await buildPlan(db, district, { studentId: own[14] as string, communityId: teamId, ...planDates("2030-09-30") });
});
afterAll(async () => database?.close());

describe("proficiency share", () => {
  it("counts each student once at their latest result, over the students the reader may see", async () => {
    const asOf = "2030-11-01";
    const at = async (person: TestPerson, params = {}) =>
      measureProficiencyShare(database.db, await signedInActor(database, person), { targetId, ...params }, asOf);
    // 8 + 3 who improved = 11 of the teacher's 20; the leader also sees the 5 below: 11 of 25.
    expect(await at(teacher)).toEqual({ value: 55, count: 20, suppressed: false });
    expect(await at(leader)).toEqual({ value: 44, count: 25, suppressed: false });
    // Five students are too few to show.
    expect(await at(otherTeacher)).toEqual({ value: null, count: null, suppressed: true });
    expect(await at(leader, { gradeLevel: "04" })).toMatchObject({ value: 55, count: 20 });
    expect(await at(leader, { assessmentIds: [firstCheckId] })).toMatchObject({ value: 40, count: 20 });
    expect(await at(leader, { communityId: teamId })).toMatchObject({ value: 55, count: 20 });
  });

  it("looks only at results up to the day asked", async () => {
    const actor = await signedInActor(database, leader);
    // Before the second check: 8 of 25.
    expect(await measureProficiencyShare(database.db, actor, { targetId }, "2030-10-01")).toMatchObject({
      value: 32,
      count: 25,
    });
  });
});

describe("response within days", () => {
  const window = { from: "2030-09-01", to: "2030-11-01" };
  it("is the share of calls to respond answered by a plan within the team's school days", async () => {
    const actor = await signedInActor(database, teacher);
    // 12 below on the first check; s8–s13 answered in time: 6 of 12. The second check calls for nothing.
    expect(
      await measureResponseWithinDays(database.db, actor, { communityId: teamId, days: 5 }, window, "2030-11-01"),
    ).toEqual({ value: 50, count: 12, suppressed: false });
    // With 15 school days (to 1 Oct) the late plan counts too: 7 of 12.
    const longer = await measureResponseWithinDays(
      database.db,
      actor,
      { communityId: teamId, days: 15 },
      window,
      "2030-11-01",
    );
    expect(longer.value).toBeCloseTo((100 * 7) / 12, 6);
  });

  it("counts a partly scored result as no call unless the team counts it as a need", async () => {
    const db = database.db;
    const team = await buildCommunity(db, district, [{ personId: otherTeacher.id, teamRole: "facilitator" }]);
    const standard = await buildEssentialStandard(db, district, { communityId: team.id });
    const target = standard.targets[0]?.id as string;
    const klass = await buildClass(db, district, { teacherIds: [otherTeacher.id] });
    const students: string[] = [];
    for (let i = 0; i < 14; i++) students.push((await buildStudent(db, district, { classIds: [klass.id] })).id);
    const halves = [1, 2].map((n) => ({ label: String(n), maxPoints: 2, targetIds: [target] }));
    const assessment = await buildAssessment(db, district, {
      communityId: team.id,
      classIds: [klass.id],
      items: halves,
      givenOn: "2030-09-10",
      cutScores: { [target]: CUTS },
    });
    // Ten scored on both items (1 point of 4: below), four on the first only (partly scored, below by its points).
    await buildResults(
      db,
      district,
      assessment,
      students.map((studentId, i) => ({ studentId, points: i < 10 ? [1, 0] : [1, null] })),
    );
    await buildPlan(db, district, {
      studentId: students[10] as string,
      communityId: team.id,
      ...planDates("2030-09-12"),
    });
    const actor = await signedInActor(database, leader);
    const measure = () => measureResponseWithinDays(db, actor, { communityId: team.id, days: 5 }, window, "2030-11-01");
    expect(await measure()).toEqual({ value: 0, count: 10, suppressed: false });
    await db.update(communities).set({ countsPartlyScoredAsNeed: true }).where(eq(communities.id, team.id));
    // Now the four are calls too, one of them answered: 1 of 14.
    const counted = await measure();
    expect(counted.count).toBe(14);
    expect(counted.value).toBeCloseTo(100 / 14, 6);
  });

  it("counts no call whose last day to respond has not passed", async () => {
    const actor = await signedInActor(database, teacher);
    expect(
      await measureResponseWithinDays(database.db, actor, { communityId: teamId, days: 5 }, window, "2030-09-16"),
    ).toEqual({ value: null, count: 0, suppressed: false });
  });
});

describe("meetings held", () => {
  it("is meetings completed against those that should have started in the window", async () => {
    const db = database.db;
    const meeting = (startsAt: string, status: "scheduled" | "completed" | "cancelled") => ({
      districtId: district.id,
      communityId: teamId,
      title: "Team meeting",
      startsAt: new Date(startsAt),
      endsAt: new Date(new Date(startsAt).getTime() + 3_600_000),
      status,
      protocol: { key: "none", name: "None", purpose: "", steps: [] },
    });
    await db
      .insert(meetings)
      .values([
        meeting("2030-08-20T15:00:00Z", "completed"),
        meeting("2030-09-03T15:00:00Z", "completed"),
        meeting("2030-09-17T15:00:00Z", "completed"),
        meeting("2030-10-01T15:00:00Z", "cancelled"),
        meeting("2030-10-15T15:00:00Z", "completed"),
        meeting("2030-10-29T15:00:00Z", "scheduled"),
        meeting("2030-11-12T15:00:00Z", "scheduled"),
      ]);
    const held = await measureMeetingsHeld(
      db,
      teamId,
      { from: "2030-09-01", to: "2031-06-30" },
      new Date("2030-11-01T00:00:00Z"),
    );
    // In the window and started by 1 Nov: 5 (the August one is before it, the November one still to come); 3 held.
    expect(held).toEqual({ value: 60, count: 5, suppressed: false });
  });
});

describe("check-in value", () => {
  it("is the latest check-in's value, by day", async () => {
    const db = database.db;
    const [goal] = await db
      .insert(goals)
      .values({
        districtId: district.id,
        level: "individual",
        ownerId: teacher.id,
        title: "Read two articles a month",
        measureKind: "checkin",
        target: 20,
        startsOn: "2030-09-01",
        dueOn: "2031-06-30",
      })
      .returning();
    const goalId = goal?.id as string;
    expect(await latestCheckinValue(db, goalId)).toEqual({ value: null, count: null, suppressed: false });
    await db.insert(goalCheckins).values([
      { districtId: district.id, goalId, checkedOn: "2030-11-01", value: 6 },
      { districtId: district.id, goalId, checkedOn: "2030-10-01", value: 2 },
      { districtId: district.id, goalId, checkedOn: "2030-12-01", value: null, note: "Busy month" },
    ]);
    expect(await latestCheckinValue(db, goalId)).toEqual({ value: 6, count: null, suppressed: false });
  });
});
