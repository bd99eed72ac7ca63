import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GoalSummary } from "../../../contract/goals";
import { buildCycleTeam, insertCycle } from "../../test/cycle-factories";
import { buildCommunity } from "../../test/evidence-factories";
import type { TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let team: Awaited<ReturnType<typeof buildCycleTeam>>;
let cycleId: string;
let otherCycleId: string;

const as = (person: TestPerson | undefined) => sessionHeaders(t.db, person as TestPerson);

async function setGoal(by: TestPerson | undefined, payload: Record<string, unknown>) {
  return app.inject({
    method: "POST",
    url: "/api/v1/goals",
    headers: await as(by),
    payload: {
      level: "team",
      communityId: team.community.id,
      title: "Fractions placed",
      measure: { kind: "proficiency_share", targetId: team.targetA },
      baseline: 40,
      target: 70,
      startsOn: "2030-09-12",
      dueOn: "2030-12-12",
      ...payload,
    },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  team = await buildCycleTeam(t.db, 2);
  cycleId = (await insertCycle(t.db, team.district, team.community.id)).id;
  const otherTeam = await buildCommunity(t.db, team.district, [
    { personId: team.people.outsider?.id as string, teamRole: "facilitator" },
  ]);
  otherCycleId = (await insertCycle(t.db, team.district, otherTeam.id)).id;
});
afterAll(async () => t?.close());

describe("a cycle's shared goals", () => {
  it("are team goals of the cycle's team, set by those who set the team's goals", async () => {
    const set = await setGoal(team.people.coach, { cycleId });
    expect(set.statusCode, set.body).toBe(201);
    expect(set.json()).toMatchObject({ cycleId, level: "team", community: { id: team.community.id } });
    const educator = await setGoal(team.people.coach, {
      cycleId,
      kind: "educator",
      title: "Every lesson has a number line",
      measure: { kind: "checkin" },
    });
    expect(educator.statusCode, educator.body).toBe(201);

    // A member contributes to the cycle but does not set the team's goals.
    expect((await setGoal(team.people.teacherA, { cycleId })).statusCode).toBe(403);
    // Outsiders may not know the cycle exists.
    expect((await setGoal(team.people.outsider, { cycleId })).statusCode).toBe(404);
    expect((await setGoal(team.people.coach, { cycleId: crypto.randomUUID() })).statusCode).toBe(404);
  });

  it("refuses a goal of another level or another team, naming the field", async () => {
    const school = await setGoal(team.people.coach, {
      cycleId,
      level: "school",
      communityId: null,
      schoolId: team.district.schools.elementary.id,
    });
    expect(school.statusCode).toBe(422);
    expect(school.json().errors).toEqual([expect.objectContaining({ pointer: "/body/level" })]);

    const elsewhere = await setGoal(team.people.outsider, { cycleId: otherCycleId });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().errors).toEqual([expect.objectContaining({ pointer: "/body/communityId" })]);
  });

  it("are listed by cycle", async () => {
    const other = await setGoal(team.people.coach, { title: "Outside any cycle" });
    expect(other.statusCode, other.body).toBe(201);
    const list = await app.inject({
      method: "GET",
      url: `/api/v1/goals?cycleId=${cycleId}`,
      headers: await as(team.people.teacherB),
    });
    expect(list.statusCode, list.body).toBe(200);
    const items: GoalSummary[] = list.json().items;
    expect(items.map((g) => [g.title, g.kind, g.cycleId]).sort()).toEqual([
      ["Every lesson has a number line", "educator", cycleId],
      ["Fractions placed", "student", cycleId],
    ]);
  });
});
