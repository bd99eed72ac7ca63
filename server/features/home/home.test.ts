import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DistrictHome, EducatorHome, SchoolHome } from "../../../contract/home";
import { goalCheckins, goals } from "../../db/schema";
import { buildClass, buildCommunity, buildStudent } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { buildHomeTeam, dayFromToday } from "../../test/home-scenario";
import { buildPlan } from "../../test/intervention-factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let teacher: TestPerson;
let coach: TestPerson;
let principal: TestPerson;
let districtLeader: TestPerson;
let outsider: TestPerson;
let team: Awaited<ReturnType<typeof buildHomeTeam>>;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  coach = await buildPerson(t.db, district, "coach");
  principal = await buildPerson(t.db, district, "school_leader");
  districtLeader = await buildPerson(t.db, district, "district_leader");
  outsider = await buildPerson(t.db, district, "teacher");
  team = await buildHomeTeam(t.db, district, teacher, coach, "Grade 4 team");
  // The outsider's own class and student: never on anyone else's educator home.
  const klass = await buildClass(t.db, district, { teacherIds: [outsider.id] });
  await buildStudent(t.db, district, { classIds: [klass.id], familyName: "Elsewhere" });
});
afterAll(async () => t?.close());

async function get<T>(person: TestPerson, url: string, status = 200): Promise<T> {
  const response = await app.inject({ url, headers: await sessionHeaders(t.db, person) });
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

describe("the educator home", () => {
  it("shows a teacher today's work across their team and classes, each row naming the record it counts", async () => {
    const home = await get<EducatorHome>(teacher, "/api/v1/home/educator");
    expect(home.meetings).toEqual([
      expect.objectContaining({ id: team.upcoming.id, communityName: "Grade 4 team", canStart: true }),
    ]);
    expect(home.actionItems.map((item) => [item.title, item.isOverdue])).toEqual([
      ["Grade 4 team: bring samples", true],
      ["Grade 4 team: read chapter", false],
    ]);
    expect(home.actionItems[0]?.community.id).toBe(team.community.id);
    expect(home.resultsToEnter).toEqual([
      {
        assessment: { id: team.assessment.id, title: "Grade 4 team unit check", givenOn: team.assessment.givenOn },
        community: { id: team.community.id, name: "Grade 4 team" },
        studentsMissing: 1,
      },
    ]);
    expect(home.waitingStudents.map((row) => [row.student.id, row.assessment.id])).toEqual([
      [team.students.below.id, team.assessment.id],
    ]);
    expect(home.flaggedPlans).toEqual([
      expect.objectContaining({
        planId: team.plan.id,
        flag: "adjust",
        student: expect.objectContaining({ id: team.students.flagged.id }),
      }),
    ]);
    expect(home.scoresDue.map((row) => row.planId)).toEqual([team.plan.id]);
    expect(home.familyNotes.map((row) => [row.student.id, row.planId])).toEqual([
      [team.students.flagged.id, team.plan.id],
    ]);
    expect(home.cycles).toEqual([
      expect.objectContaining({ id: team.cycle.id, stage: "learning_needs", isStalled: true }),
    ]);
    expect(home.teams[0]).toMatchObject({
      community: { id: team.community.id },
      lastMeeting: { id: team.past.id, present: 1, members: 2 },
      overdueReviews: 1,
    });
    expect(home.teams[0]?.alerts.map((a) => a.kind)).toEqual(["not_met", "stalled_cycle", "reviews_overdue"]);
    expect(JSON.stringify(home)).not.toContain("Elsewhere");
  });

  it("counts students, not sittings, and only those the reader may see: a teacher elsewhere sees none of them", async () => {
    const home = await get<EducatorHome>(outsider, "/api/v1/home/educator");
    expect(home).toMatchObject({
      meetings: [],
      actionItems: [],
      resultsToEnter: [],
      waitingStudents: [],
      flaggedPlans: [],
      scoresDue: [],
      familyNotes: [],
      cycles: [],
      teams: [],
      teachers: [],
    });
  });

  it("gives the coach the team they support with the same signals", async () => {
    const home = await get<EducatorHome>(coach, "/api/v1/home/educator");
    expect(home.teams.map((row) => row.community.id)).toEqual([team.community.id]);
    expect(home.teams[0]?.alerts.map((a) => a.kind)).toContain("stalled_cycle");
    // The coach teaches none of the students: no student rows are theirs to act on.
    expect(home.resultsToEnter).toEqual([]);
    // The teacher they support, with the teacher's signals counted over the students the coach may see.
    expect(home.teachers).toEqual([
      {
        person: { id: teacher.id, name: teacher.displayName },
        community: { id: team.community.id, name: "Grade 4 team" },
        overdueActionItems: 1,
        studentsWithoutResults: 1,
        studentsOverdueReview: 1,
      },
    ]);
  });

  it("is audit-logged with how many students it named", async () => {
    await get(teacher, "/api/v1/home/educator");
    const logged = await t.db.execute<{ details: { students: number } }>(sql`
      select details from audit_log where actor_id = ${teacher.id} and action = 'home.educator_read'
       order by id desc limit 1`);
    expect(logged.rows[0]?.details.students).toBe(2);
  });

  it("is for staff only", async () => {
    const family = await buildPerson(t.db, district, "family_member");
    await get(family, "/api/v1/home/educator", 403);
  });
});

describe("the school leader's home", () => {
  it("shows every team of the school with its signals and raises the stalled cycle as an alert", async () => {
    const home = await get<SchoolHome>(principal, `/api/v1/home/school?schoolId=${district.schools.elementary.id}`);
    expect(home.school.id).toBe(district.schools.elementary.id);
    const row = home.teams.find((r) => r.community.id === team.community.id);
    expect(row).toMatchObject({
      cycle: { id: team.cycle.id, isStalled: true },
      overdueReviews: 1,
      // One student below proficient this school year, not responded to.
      responsiveness: { students: 0, of: 1, share: 0 },
      lastMeeting: { id: team.past.id, present: 1, members: 2 },
    });
    expect(row?.alerts.map((a) => a.kind)).toEqual(["not_met", "stalled_cycle", "reviews_overdue"]);
  });

  it("refuses another school's leader (403), a teacher (403) and an unknown school (404)", async () => {
    await get(principal, `/api/v1/home/school?schoolId=${district.schools.high.id}`, 403);
    await get(teacher, `/api/v1/home/school?schoolId=${district.schools.elementary.id}`, 403);
    await get(principal, "/api/v1/home/school?schoolId=00000000-0000-4000-8000-000000000000", 404);
    await get(principal, "/api/v1/home/school?schoolId=nope", 400);
  });

  it("shows another district's school as unknown (404)", async () => {
    const other = await buildDistrict(t.db, "Other");
    await get(districtLeader, `/api/v1/home/school?schoolId=${other.schools.elementary.id}`, 404);
  });
});

describe("goals on the homes", () => {
  it("counts a team's running goal that is off track, and raises it as an alert", async () => {
    const other = await buildCommunity(t.db, district, [{ personId: coach.id, teamRole: "facilitator" }], {
      name: "Goal team",
    });
    const [goal] = await t.db
      .insert(goals)
      .values({
        districtId: district.id,
        level: "team",
        communityId: other.id,
        ownerId: coach.id,
        title: "Every member tries the strategy",
        measureKind: "checkin",
        baseline: 0,
        target: 100,
        startsOn: dayFromToday(-30),
        dueOn: dayFromToday(30),
      })
      .returning();
    if (!goal) throw new Error("no goal");
    // Half way there by now on the line from 0 to 100; a check-in at 10 is off track.
    await t.db
      .insert(goalCheckins)
      .values({ districtId: district.id, goalId: goal.id, checkedOn: dayFromToday(-1), value: 10 });
    const home = await get<SchoolHome>(principal, `/api/v1/home/school?schoolId=${district.schools.elementary.id}`);
    const row = home.teams.find((r) => r.community.id === other.id);
    expect(row?.goals).toEqual({ total: 1, atRisk: 1 });
    expect(row?.alerts).toContainEqual({ kind: "goal_at_risk", text: "1 goal at risk or off track" });
    const coachHome = await get<EducatorHome>(coach, "/api/v1/home/educator");
    expect(coachHome.goals).toContainEqual(expect.objectContaining({ id: goal.id, status: "off_track" }));
  });
});

describe("the district leader's home", () => {
  it("sums each school's teams, counting students once, with a drill-down to the school", async () => {
    const home = await get<DistrictHome>(districtLeader, "/api/v1/home/district");
    const elementary = home.schools.find((s) => s.school.id === district.schools.elementary.id);
    expect(elementary).toMatchObject({
      teams: 2,
      // The goal team is new (not yet expected to have met); team goals are read on the school's drill-down.
      teamsWithAlerts: 1,
      stalledCycles: 1,
      overdueReviews: 1,
      responsiveness: { students: 0, of: 1 },
    });
    expect(home.schools.find((s) => s.school.id === district.schools.high.id)).toMatchObject({
      teams: 0,
      responsiveness: null,
    });
    await get(districtLeader, `/api/v1/home/school?schoolId=${district.schools.elementary.id}`);
  });

  it("is for district leaders only", async () => {
    await get(principal, "/api/v1/home/district", 403);
  });

  it("keeps each school's responsiveness while nothing it reads changes, and follows a new plan at once", async () => {
    const elementaryOf = (home: DistrictHome) =>
      home.schools.find((s) => s.school.id === district.schools.elementary.id);
    const cachedAt = async () =>
      (
        await t.db.execute<{ key: string; at: string }>(
          sql`select key, computed_at::text as at from rollup_cache where district_id = ${district.id} order by key`,
        )
      ).rows;
    const before = await get<DistrictHome>(districtLeader, "/api/v1/home/district");
    const stamps = await cachedAt();
    expect(stamps.map((r) => r.key.split(":")[1])).toContain("school");
    expect(await get<DistrictHome>(districtLeader, "/api/v1/home/district")).toEqual(before);
    expect(await cachedAt()).toEqual(stamps);

    const [aligned] = (
      await t.db.execute<{ target_id: string }>(
        sql`select target_id from assessment_targets where assessment_id = ${team.assessment.id}`,
      )
    ).rows;
    const plan = await buildPlan(t.db, district, {
      studentId: team.students.below.id,
      communityId: team.community.id,
      learningTargetIds: [aligned?.target_id as string],
      startDate: dayFromToday(-13),
      reviewDate: dayFromToday(20),
      goalDate: dayFromToday(40),
    });
    try {
      const after = await get<DistrictHome>(districtLeader, "/api/v1/home/district");
      expect(elementaryOf(after)?.responsiveness).toMatchObject({ students: 1, of: 1 });
      const school = await get<SchoolHome>(principal, `/api/v1/home/school?schoolId=${district.schools.elementary.id}`);
      const row = school.teams.find((r) => r.community.id === team.community.id);
      expect(row?.responsiveness).toMatchObject({ students: 1, of: 1 });
    } finally {
      await t.db.execute(sql`delete from intervention_plans where id = ${plan.id}`);
    }
    expect(
      elementaryOf(await get<DistrictHome>(districtLeader, "/api/v1/home/district"))?.responsiveness,
    ).toMatchObject({ students: 0, of: 1 });
  });
});

describe("the cost of a home", () => {
  it("costs the same number of queries with 1 or 4 teams, each with its meetings, items, plans and students (goals aside)", async () => {
    async function queryCount(teams: number) {
      const local = await buildDistrict(t.db);
      const who = await buildPerson(t.db, local, "teacher");
      const facilitator = await buildPerson(t.db, local, "coach");
      const leader = await buildPerson(t.db, local, "school_leader", { schoolId: local.schools.elementary.id });
      const head = await buildPerson(t.db, local, "district_leader");
      for (let i = 0; i < teams; i++) await buildHomeTeam(t.db, local, who, facilitator, `Team ${i}`);
      const urls: [TestPerson, string][] = [
        [who, "/api/v1/home/educator"],
        [facilitator, "/api/v1/home/educator"],
        [leader, `/api/v1/home/school?schoolId=${local.schools.elementary.id}`],
        [head, "/api/v1/home/district"],
      ];
      const headers = await Promise.all(urls.map(([person]) => sessionHeaders(t.db, person)));
      for (const [index, [, url]] of urls.entries()) await app.inject({ url, headers: headers[index] });
      const pool = t.database.pool;
      const original = pool.query.bind(pool);
      let count = 0;
      pool.query = ((...args: Parameters<typeof original>) => {
        count++;
        return original(...args);
      }) as typeof pool.query;
      const responses = [];
      for (const [index, [, url]] of urls.entries()) responses.push(await app.inject({ url, headers: headers[index] }));
      pool.query = original;
      expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      const [educator, facilitated, school, district] = responses.map((response) => response.json());
      const home = educator as EducatorHome;
      expect(home.teams).toHaveLength(teams);
      expect(home.waitingStudents).toHaveLength(teams);
      expect(home.flaggedPlans).toHaveLength(teams);
      expect((facilitated as EducatorHome).teachers).toEqual([
        expect.objectContaining({ overdueActionItems: teams, studentsWithoutResults: teams }),
      ]);
      expect((school as SchoolHome).teams).toHaveLength(teams);
      expect((district as DistrictHome).schools[0]).toMatchObject({ teams, stalledCycles: teams });
      return count;
    }
    const small = await queryCount(1);
    const large = await queryCount(4);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});
