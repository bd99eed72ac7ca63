import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GroupList, PlanDetail, StudentPlans } from "../../../contract/interventions";
import { buildGroup, buildPlan } from "../../test/intervention-factories";
import { buildInterventionScenario, type InterventionScenario } from "../../test/intervention-scenario";
import { createTestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let s: InterventionScenario;
let planId: string;
let groupId: string;

beforeAll(async () => {
  t = await createTestApp();
  s = await buildInterventionScenario(t);
  groupId = (await buildGroup(t.db, s.district, { communityId: s.ids.team })).id;
  planId = (await buildPlan(t.db, s.district, { studentId: s.ids.emma, communityId: s.ids.team, groupId })).id;
});
afterAll(async () => t?.close());

describe("a student's plans", () => {
  it("keeps plans from readers outside the student's classes and teams, and from families", async () => {
    const url = `/api/v1/plans/${planId}`;
    expect((await s.get(s.people.outsider, url)).statusCode).toBe(404);
    expect((await s.get(s.people.parent, url)).statusCode).toBe(404);
    expect((await s.get(s.people.parent, `/api/v1/intervention-groups/${groupId}`)).statusCode).toBe(404);
    expect((await s.get(s.people.parent, `/api/v1/students/${s.ids.emma}/plans`)).statusCode).toBe(403);
    expect((await s.get(s.people.outsider, `/api/v1/students/${s.ids.emma}/plans`)).statusCode).toBe(404);
    const asParent = await s.send(s.people.parent, "POST", `${url}/progress`, { measuredOn: "2026-09-08", score: 1 });
    expect(asParent.statusCode).toBe(404);
    // The guest parent reads the team but not its groups.
    const list = (
      await s.get(s.people.parent, `/api/v1/communities/${s.ids.team}/intervention-groups`)
    ).json<GroupList>();
    expect(list.items).toEqual([]);
  });

  it("lists every plan of a student across teams and years, newest first", async () => {
    await buildPlan(t.db, s.district, {
      studentId: s.ids.emma,
      communityId: s.ids.otherTeam,
      startDate: "2025-09-01",
      goalDate: "2025-12-01",
      reviewDate: "2025-10-15",
      status: "closed",
      outcome: "met",
      tier: 3,
    });
    const response = await s.get(s.people.teacher, `/api/v1/students/${s.ids.emma}/plans`);
    expect(response.statusCode, response.body).toBe(200);
    const plans = response.json<StudentPlans>().items;
    expect(plans.map((p) => [p.communityName, p.tier, p.status, p.outcome, p.groupName])).toEqual([
      ["Grade 4 team", 2, "active", null, "Fluency group"],
      ["Reading specialists", 3, "closed", "met", null],
    ]);
  });

  it("records single scores and sessions, and refuses entries on a closed plan", async () => {
    const url = `/api/v1/plans/${planId}`;
    const teacher = s.people.teacher;
    for (const [measuredOn, score] of [
      ["2026-09-08", 50],
      ["2026-09-15", 52],
    ] as const) {
      expect((await s.send(teacher, "POST", `${url}/progress`, { measuredOn, score })).statusCode).toBe(200);
    }
    await s.send(teacher, "POST", `${url}/sessions`, { sessionOn: "2026-09-02", attendance: "present", minutes: 30 });
    await s.send(teacher, "POST", `${url}/sessions`, { sessionOn: "2026-09-04", attendance: "present", minutes: 30 });
    await s.send(teacher, "POST", `${url}/sessions`, { sessionOn: "2026-09-04", attendance: "absent" });
    const plan = (await s.get(teacher, url)).json<PlanDetail>();
    // Two points: the trend runs through both (2 a week); the rule still needs two more.
    expect(plan.trend).toEqual({
      from: { date: "2026-09-08", value: 50 },
      to: { date: "2026-10-27", value: 64 },
      slopePerWeek: 2,
    });
    expect(plan.rule).toMatchObject({ flag: null, pointsNeeded: 2 });
    expect(plan.fidelity).toMatchObject({ present: 1, held: 2, attendancePercent: 50 });
    expect(plan.decisions.map((d) => d.decision)).toEqual(["start"]);

    const closed = await buildPlan(t.db, s.district, {
      studentId: s.ids.liam,
      communityId: s.ids.team,
      status: "closed",
    });
    const refused = await s.send(teacher, "POST", `/api/v1/plans/${closed.id}/progress`, {
      measuredOn: "2026-09-08",
      score: 1,
    });
    expect(refused.statusCode).toBe(422);
  });

  it("creates a single student's plan for one of the student's teams", async () => {
    const { students: _students, name: _name, ...fields } = s.groupBody([]);
    const response = await s.send(s.people.teacher, "POST", `/api/v1/students/${s.ids.zoe}/plans`, {
      ...fields,
      communityId: s.ids.team,
      baseline: 40,
      goal: 70,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<PlanDetail>()).toMatchObject({ groupId: null, tier: 2, decisions: [{ decision: "start" }] });
    const outsider = await s.send(s.people.outsider, "POST", `/api/v1/students/${s.ids.zoe}/plans`, {
      ...fields,
      communityId: s.ids.team,
      baseline: 40,
      goal: 70,
    });
    expect(outsider.statusCode).toBe(404);
  });

  it("changes only the fields a patch names: the focus survives a patch of the goal or the start date", async () => {
    const plan = await buildPlan(t.db, s.district, { studentId: s.ids.emma, communityId: s.ids.team });
    const url = `/api/v1/plans/${plan.id}`;
    for (const patch of [{ baseline: 35, goal: 75 }, { startDate: "2026-08-25" }, { strategy: "Repeated reading" }]) {
      const response = await s.send(s.people.teacher, "PATCH", url, patch);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<PlanDetail>()).toMatchObject({ ...patch, focus: "Reading fluency" });
    }
    const group = await buildGroup(t.db, s.district, { communityId: s.ids.team });
    await s.send(s.people.teacher, "PATCH", `/api/v1/intervention-groups/${group.id}`, { focus: "Phonics" });
    const renamed = await s.send(s.people.teacher, "PATCH", `/api/v1/intervention-groups/${group.id}`, {
      name: "Phonics group",
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "Phonics group", focus: "Phonics" });
  });
});
