import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildClass, buildCommunity, buildEssentialStandard, buildStudent } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let leader: TestPerson;
let principal: TestPerson;
let facilitator: TestPerson;
let teacher: TestPerson;
let peer: TestPerson;
let parent: TestPerson;
let teamId: string;
let targetId: string;

const as = (person: TestPerson) => sessionHeaders(t.db, person);
const year = { startsOn: "2026-08-15", dueOn: "2027-06-15" };

async function setGoal(by: TestPerson, payload: Record<string, unknown>) {
  return app.inject({
    method: "POST",
    url: "/api/v1/goals",
    headers: await as(by),
    payload: { measure: { kind: "checkin" }, target: 80, ...year, ...payload },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  leader = await buildPerson(t.db, district, "district_leader");
  principal = await buildPerson(t.db, district, "school_leader");
  facilitator = await buildPerson(t.db, district, "coach");
  teacher = await buildPerson(t.db, district, "teacher");
  peer = await buildPerson(t.db, district, "teacher");
  parent = await buildPerson(t.db, district, "family_member");
  const team = await buildCommunity(t.db, district, [
    { personId: facilitator.id, teamRole: "facilitator" },
    { personId: teacher.id },
    { personId: parent.id },
  ]);
  teamId = team.id;
  targetId = (await buildEssentialStandard(t.db, district, { communityId: teamId })).targets[0]?.id as string;
  const ownClass = await buildClass(t.db, district, { teacherIds: [teacher.id] });
  await buildStudent(t.db, district, { classIds: [ownClass.id] });
});
afterAll(async () => t?.close());

describe("aligned goals", () => {
  let districtGoalId: string;
  let schoolGoalId: string;
  let teamGoalId: string;
  let individualGoalId: string;

  it("are set at each level by those accountable for it, each serving the level above", async () => {
    const districtGoal = await setGoal(leader, { level: "district", title: "Readers by grade 3" });
    expect(districtGoal.statusCode, districtGoal.body).toBe(201);
    districtGoalId = districtGoal.json().id;
    expect(districtGoal.json()).toMatchObject({
      owner: { id: leader.id },
      progress: { status: "no_data", value: null },
      can: { update: true, checkIn: true },
    });
    expect((await setGoal(principal, { level: "district", title: "Not mine to set" })).statusCode).toBe(403);

    const schoolGoal = await setGoal(principal, {
      level: "school",
      title: "North reads",
      schoolId: district.schools.elementary.id,
      servesGoalIds: [districtGoalId],
    });
    expect(schoolGoal.statusCode, schoolGoal.body).toBe(201);
    schoolGoalId = schoolGoal.json().id;
    expect(schoolGoal.json().serves).toEqual([{ id: districtGoalId, title: "Readers by grade 3", level: "district" }]);
    // A principal sets goals for the schools they lead only.
    const elsewhere = await setGoal(principal, { level: "school", title: "x", schoolId: district.schools.high.id });
    expect(elsewhere.statusCode).toBe(403);

    const teamGoal = await setGoal(facilitator, {
      level: "team",
      title: "Main idea",
      communityId: teamId,
      measure: { kind: "proficiency_share", targetId },
      baseline: 40,
      target: 70,
      servesGoalIds: [schoolGoalId],
    });
    expect(teamGoal.statusCode, teamGoal.body).toBe(201);
    teamGoalId = teamGoal.json().id;
    // No results on the target yet: nothing to show, and nothing hidden.
    expect(teamGoal.json().progress).toMatchObject({ value: null, count: 0, suppressed: false, status: "no_data" });
    expect((await setGoal(teacher, { level: "team", title: "x", communityId: teamId })).statusCode).toBe(403);

    const individual = await setGoal(teacher, {
      level: "individual",
      title: "Conferences with every reader",
      servesGoalIds: [teamGoalId],
      baseline: 0,
      target: 30,
    });
    expect(individual.statusCode, individual.body).toBe(201);
    individualGoalId = individual.json().id;
  });

  it("refuses links that skip or climb the wrong way", async () => {
    const skipped = await setGoal(teacher, { level: "individual", title: "x", servesGoalIds: [districtGoalId] });
    expect(skipped.statusCode).toBe(422);
    expect(skipped.json().errors?.[0]?.pointer ?? skipped.body).toContain("/body/servesGoalIds/0");
    const upward = await app.inject({
      method: "PATCH",
      url: `/api/v1/goals/${schoolGoalId}`,
      headers: await as(principal),
      payload: { servesGoalIds: [teamGoalId] },
    });
    expect(upward.statusCode).toBe(422);
  });

  it("keeps individual goals between their owner and the owner's leaders", async () => {
    const url = `/api/v1/goals/${individualGoalId}`;
    expect((await app.inject({ url, headers: await as(teacher) })).statusCode).toBe(200);
    expect((await app.inject({ url, headers: await as(principal) })).statusCode).toBe(200);
    expect((await app.inject({ url, headers: await as(leader) })).statusCode).toBe(200);
    expect((await app.inject({ url, headers: await as(peer) })).statusCode).toBe(404);
    expect((await app.inject({ url, headers: await as(facilitator) })).statusCode).toBe(404);
    const peersList = (await app.inject({ url: "/api/v1/goals", headers: await as(peer) })).json();
    expect(peersList.items.map((g: { id: string }) => g.id)).toEqual([districtGoalId, schoolGoalId]);
    expect(peersList.create.levels).toEqual(["individual"]);
    // Family members see no goals at all.
    expect((await app.inject({ url: "/api/v1/goals", headers: await as(parent) })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/goals/${teamGoalId}`, headers: await as(parent) })).statusCode).toBe(404);
  });

  it("draws the alignment tree and calls out goals with nothing beneath them", async () => {
    const lonely = await setGoal(leader, { level: "district", title: "Attendance above 95%" });
    const loose = await setGoal(facilitator, { level: "team", title: "Norms kept", communityId: teamId });
    const tree = (await app.inject({ url: "/api/v1/goals/tree", headers: await as(leader) })).json();
    const titles = (node: { goal: { title: string }; children: unknown[] }): unknown => [
      node.goal.title,
      ...(node.children as never[]).map(titles),
    ];
    expect(tree.roots.map(titles)).toEqual([
      ["Attendance above 95%"],
      ["Readers by grade 3", ["North reads", ["Main idea", ["Conferences with every reader"]]]],
    ]);
    expect(tree.unsupportedIds).toEqual([lonely.json().id]);
    expect(tree.teamsWithoutSchoolGoal).toEqual([loose.json().id]);
    expect(tree.unaligned.map((g: { id: string }) => g.id)).toEqual([loose.json().id]);
    // Reading values over students is audit-logged.
    const audited = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'goal.measures_read' and actor_id = ${leader.id}`,
    );
    expect(audited.rows[0]?.n).toBeGreaterThan(0);
  });

  it("takes check-ins, with a value only where check-ins are the measure", async () => {
    const checkIn = async (by: TestPerson, goalId: string, payload: Record<string, unknown>) =>
      app.inject({ method: "POST", url: `/api/v1/goals/${goalId}/checkins`, headers: await as(by), payload });
    const first = await checkIn(teacher, individualGoalId, { checkedOn: "2026-10-01", value: 6, note: "Six so far" });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().checkins).toMatchObject([{ checkedOn: "2026-10-01", value: 6, note: "Six so far" }]);
    expect(first.json().progress.value).toBe(6);
    expect((await checkIn(teacher, teamGoalId, { checkedOn: "2026-10-01", value: 50 })).statusCode).toBe(422);
    expect((await checkIn(teacher, teamGoalId, { checkedOn: "2026-10-01", note: "Reteaching" })).statusCode).toBe(201);
    expect((await checkIn(peer, individualGoalId, { checkedOn: "2026-10-01", note: "x" })).statusCode).toBe(404);
    expect((await checkIn(principal, individualGoalId, { checkedOn: "2026-10-01", note: "x" })).statusCode).toBe(403);
  });

  it("lists with search, filters and sorts, and archives", async () => {
    const list = async (query: string) =>
      (await app.inject({ url: `/api/v1/goals?${query}`, headers: await as(leader) }))
        .json()
        .items.map((g: { title: string }) => g.title);
    expect(await list("level=team&sort=title")).toEqual(["Main idea", "Norms kept"]);
    expect(await list("q=reads")).toEqual(["North reads"]);
    expect(await list(`schoolId=${district.schools.elementary.id}`)).toEqual(["North reads"]);
    expect(await list("status=no_data&level=district")).toEqual(["Attendance above 95%", "Readers by grade 3"]);
    const archived = await app.inject({
      method: "PATCH",
      url: `/api/v1/goals/${schoolGoalId}`,
      headers: await as(principal),
      payload: { archived: true },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().archived).toBe(true);
    expect(await list("level=school")).toEqual([]);
    expect(await list("level=school&includeArchived=true")).toEqual(["North reads"]);
  });
});
