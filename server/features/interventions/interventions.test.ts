import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentAnalysis } from "../../../contract/analysis";
import type { GroupDetail, GroupList, PlanDetail, StudentPlans } from "../../../contract/interventions";
import { auditLog, planDecisions } from "../../db/schema";
import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildResults,
  buildStudent,
  linkFamily,
} from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { buildPlan } from "../../test/intervention-factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
const people: Record<string, TestPerson> = {};
type Ids = Record<"team" | "otherTeam" | "emma" | "liam" | "zoe" | "farah" | "target" | "assessment", string>;
const ids = {} as Ids;

const as = (person: TestPerson | undefined) => sessionHeaders(t.db, person as TestPerson);
const get = async (person: TestPerson | undefined, url: string) =>
  app.inject({ method: "GET", url, headers: await as(person) });
const send = async (person: TestPerson | undefined, method: "POST" | "PATCH", url: string, payload: object) =>
  app.inject({ method, url, payload, headers: await as(person) });

const groupBody = (studentIds: string[], extra: Record<string, unknown> = {}) => ({
  kind: "intervention",
  name: "Fluency group",
  tier: 2,
  focus: "Main idea",
  learningTargetIds: [ids.target],
  sourceAssessmentId: ids.assessment,
  strategy: "Repeated reading",
  deliveredById: people.teacher?.id,
  minutesPerSession: 30,
  daysPerWeek: 3,
  schedule: "Mon, Wed, Fri 9:00",
  startDate: "2026-09-01",
  reviewDate: "2026-10-06",
  goalDate: "2026-10-27",
  measure: "Oral reading fluency, words correct per minute",
  baseline: 40,
  goal: 70,
  students: studentIds.map((studentId) => ({ studentId })),
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  people.teacher = await buildPerson(t.db, district, "teacher", { name: "Ada Teacher" });
  people.teammate = await buildPerson(t.db, district, "teacher");
  people.outsider = await buildPerson(t.db, district, "teacher");
  people.otherTeamTeacher = await buildPerson(t.db, district, "teacher");
  people.leader = await buildPerson(t.db, district, "district_leader");
  people.parent = await buildPerson(t.db, district, "family_member");
  const team = await buildCommunity(
    t.db,
    district,
    [
      { personId: people.teacher.id },
      { personId: people.teammate.id },
      { personId: people.parent.id, teamRole: "guest" },
    ],
    { name: "Grade 4 team" },
  );
  const otherTeam = await buildCommunity(t.db, district, [{ personId: people.otherTeamTeacher.id }], {
    name: "Reading specialists",
  });
  ids.team = team.id;
  ids.otherTeam = otherTeam.id;
  const room = (await buildClass(t.db, district, { teacherIds: [people.teacher.id] })).id;
  const far = (await buildClass(t.db, district, { teacherIds: [people.outsider.id] })).id;
  const specialists = (await buildClass(t.db, district, { teacherIds: [people.otherTeamTeacher.id] })).id;
  ids.emma = (
    await buildStudent(t.db, district, { classIds: [room, specialists], givenName: "Emma", familyName: "Ames" })
  ).id;
  ids.liam = (await buildStudent(t.db, district, { classIds: [room], givenName: "Liam", familyName: "Berg" })).id;
  ids.zoe = (await buildStudent(t.db, district, { classIds: [room], givenName: "Zoe", familyName: "Cruz" })).id;
  ids.farah = (await buildStudent(t.db, district, { classIds: [far], givenName: "Farah", familyName: "Diaz" })).id;
  await linkFamily(t.db, district, people.parent.id, ids.emma);

  const essential = await buildEssentialStandard(t.db, district, { communityId: team.id });
  ids.target = essential.targets[0]?.id as string;
  const assessment = await buildAssessment(t.db, district, {
    communityId: team.id,
    classIds: [room],
    items: [{ label: "1", maxPoints: 4, targetIds: [ids.target] }],
  });
  ids.assessment = assessment.id;
  await buildResults(t.db, district, assessment, [
    { studentId: ids.emma, points: [1] },
    { studentId: ids.liam, points: [1] },
    { studentId: ids.zoe, points: [4] },
  ]);
});
afterAll(async () => t?.close());

describe("an intervention group from an analysis", () => {
  let group: GroupDetail;
  const planOf = (studentId: string) => group.members.find((m) => m.studentId === studentId)?.planId as string;

  it("starts a plan per student below proficiency, each with its start in the tier history", async () => {
    const analysis = (
      await get(people.teacher, `/api/v1/assessments/${ids.assessment}/analysis`)
    ).json<AssessmentAnalysis>();
    const below = analysis.targets[0]?.belowProficient ?? [];
    expect(new Set(below)).toEqual(new Set([ids.emma, ids.liam]));

    const response = await send(people.teacher, "POST", `/api/v1/communities/${ids.team}/intervention-groups`, {
      ...groupBody(below),
      students: below.map((studentId) => ({ studentId, baseline: studentId === ids.liam ? 45 : undefined })),
    });
    expect(response.statusCode, response.body).toBe(201);
    group = response.json<GroupDetail>();
    expect(group.members.map((m) => m.studentName)).toEqual(["Emma Ames", "Liam Berg"]);
    expect(group.members.map((m) => m.baseline)).toEqual([40, 45]);
    expect(group.deliveredBy?.name).toBe("Ada Teacher");
    expect(group.can.update).toBe(true);

    const starts = await t.db
      .select()
      .from(planDecisions)
      .where(eq(planDecisions.planId, planOf(ids.emma)));
    expect(starts).toMatchObject([
      { decision: "start", tierBefore: null, tierAfter: 2, reason: "Plan started with the group" },
    ]);
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.actorId, people.teacher?.id as string), eq(auditLog.action, "intervention_group.created")),
      );
    expect(audited).toHaveLength(1);
  });

  it("takes four weekly scores in quick entry and flags the plan behind its aim line", async () => {
    // Emma: the worked example of progress-rules.test.ts (aim 40 → 70 over 56 days). Liam: ahead all along.
    const weeks = ["2026-09-08", "2026-09-15", "2026-09-22", "2026-09-29"];
    const emma = [42, 45, 44, 49];
    const liam = [50, 52, 55, 58];
    for (const [i, measuredOn] of weeks.entries()) {
      const response = await send(people.teacher, "POST", `/api/v1/intervention-groups/${group.id}/progress`, {
        measuredOn,
        scores: [
          { planId: planOf(ids.emma), score: emma[i] },
          { planId: planOf(ids.liam), score: liam[i] },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ saved: 2, removed: 0 });
    }
    const plan = (await get(people.teacher, `/api/v1/plans/${planOf(ids.emma)}`)).json<PlanDetail>();
    expect(plan.scores.map((s) => s.score)).toEqual(emma);
    expect(plan.rule).toMatchObject({ flag: "adjust", rulePoints: 4, pointsNeeded: 0 });
    expect(plan.rule.window.map((p) => p.aim)).toEqual([43.75, 47.5, 51.25, 55]);
    // Slope 70/245 a day = 2 a week; intercept 40 at the start, so 42 on 8 Sept and 56 on the goal date.
    expect(plan.trend).toEqual({
      from: { date: "2026-09-08", value: 42 },
      to: { date: "2026-10-27", value: 56 },
      slopePerWeek: 2,
    });
    expect(plan.aim).toEqual({
      from: { date: "2026-09-01", value: 40 },
      to: { date: "2026-10-27", value: 70 },
      slopePerWeek: 3.75,
    });
    expect(plan.flag).toBe("adjust");
    expect(plan.can).toEqual({ update: true, recordProgress: true, decide: true });

    const detail = (await get(people.teacher, `/api/v1/intervention-groups/${group.id}`)).json<GroupDetail>();
    expect(detail.members.map((m) => [m.flag, m.latestScore, m.latestMeasuredOn])).toEqual([
      ["adjust", 49, "2026-09-29"],
      ["consider_exit", 58, "2026-09-29"],
    ]);
    const list = (await get(people.teacher, `/api/v1/communities/${ids.team}/intervention-groups`)).json<GroupList>();
    expect(list.items).toMatchObject([
      { id: group.id, memberCount: 2, flaggedCount: 2, kind: "intervention", tier: 2 },
    ]);
    expect(list.can.create).toBe(true);
  });

  it("overwrites a day's score, and null removes it", async () => {
    const url = `/api/v1/plans/${planOf(ids.emma)}/progress`;
    expect((await send(people.teacher, "POST", url, { measuredOn: "2026-10-06", score: 60 })).json()).toEqual({
      saved: 1,
      removed: 0,
    });
    await send(people.teacher, "POST", url, { measuredOn: "2026-10-06", score: 61, note: "Good day" });
    let plan = (await get(people.teacher, `/api/v1/plans/${planOf(ids.emma)}`)).json<PlanDetail>();
    expect(plan.scores.at(-1)).toEqual({ measuredOn: "2026-10-06", score: 61, note: "Good day" });
    expect(plan.rule.flag).toBeNull(); // 61 is above the aim (58.75) on 6 Oct
    expect((await send(people.teacher, "POST", url, { measuredOn: "2026-10-06", score: null })).json()).toEqual({
      saved: 0,
      removed: 1,
    });
    plan = (await get(people.teacher, `/api/v1/plans/${planOf(ids.emma)}`)).json<PlanDetail>();
    expect(plan.scores).toHaveLength(4);
  });

  it("records sessions for the group and reports fidelity", async () => {
    const sessions = [
      ["2026-09-02", "present", "present"],
      ["2026-09-04", "absent", "present"],
      ["2026-09-07", "not_held", "not_held"],
    ] as const;
    for (const [sessionOn, emma, liam] of sessions) {
      const response = await send(people.teacher, "POST", `/api/v1/intervention-groups/${group.id}/sessions`, {
        sessionOn,
        attendance: [
          { planId: planOf(ids.emma), attendance: emma, minutes: 30 },
          { planId: planOf(ids.liam), attendance: liam, minutes: 25 },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const plan = (await get(people.teacher, `/api/v1/plans/${planOf(ids.emma)}`)).json<PlanDetail>();
    expect(plan.sessions).toEqual([
      { sessionOn: "2026-09-02", attendance: "present", minutes: 30 },
      { sessionOn: "2026-09-04", attendance: "absent", minutes: null },
      { sessionOn: "2026-09-07", attendance: "not_held", minutes: null },
    ]);
    // 3 days a week over the 8 whole weeks from the start to the goal date (both behind us).
    expect(plan.fidelity).toEqual({ present: 1, held: 2, planned: 24, attendancePercent: 50 });
    const detail = (await get(people.teacher, `/api/v1/intervention-groups/${group.id}`)).json<GroupDetail>();
    expect(detail.members.map((m) => [m.sessionsPresent, m.sessionsHeld])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it("refuses quick entry for a plan outside the group or before the start", async () => {
    const stranger = await buildPlan(t.db, district, { studentId: ids.zoe, communityId: ids.team });
    const url = `/api/v1/intervention-groups/${group.id}/progress`;
    let response = await send(people.teacher, "POST", url, {
      measuredOn: "2026-09-08",
      scores: [{ planId: stranger.id, score: 40 }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ pointer: "/body/scores/0/planId", detail: expect.any(String) }]);
    response = await send(people.teacher, "POST", url, {
      measuredOn: "2026-08-01",
      scores: [{ planId: planOf(ids.emma), score: 40 }],
    });
    expect(response.json().errors).toEqual([{ pointer: "/body/measuredOn", detail: expect.any(String) }]);
  });

  it("edits a plan's delivery but not its tier, and the group's delivery follows to its plans", async () => {
    let response = await send(people.teammate, "PATCH", `/api/v1/plans/${planOf(ids.emma)}`, { tier: 3 });
    expect(response.statusCode).toBe(400);
    response = await send(people.teammate, "PATCH", `/api/v1/plans/${planOf(ids.emma)}`, {
      goal: 65,
      schedule: "Daily 9:00",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<PlanDetail>()).toMatchObject({ goal: 65, schedule: "Daily 9:00", tier: 2 });

    response = await send(people.teammate, "PATCH", `/api/v1/intervention-groups/${group.id}`, {
      deliveredById: people.teammate?.id,
      daysPerWeek: 4,
    });
    expect(response.statusCode, response.body).toBe(200);
    const plan = (await get(people.teammate, `/api/v1/plans/${planOf(ids.liam)}`)).json<PlanDetail>();
    expect(plan).toMatchObject({ daysPerWeek: 4, deliveredBy: { id: people.teammate?.id } });

    response = await send(people.teammate, "PATCH", `/api/v1/intervention-groups/${group.id}`, {
      closedAt: "2026-11-01T12:00:00Z",
    });
    expect(response.json<GroupDetail>().closedAt).not.toBeNull();
  });

  it("lists the groups of one's teams on the landing page", async () => {
    const mine = (await get(people.teammate, "/api/v1/intervention-groups?mine=true")).json<GroupList>();
    expect(mine.items.map((g) => g.id)).toContain(group.id);
    const none = (await get(people.outsider, "/api/v1/intervention-groups?mine=true")).json<GroupList>();
    expect(none.items).toEqual([]);
  });

  it("keeps plans from readers outside the student's classes and teams, and from families", async () => {
    const url = `/api/v1/plans/${planOf(ids.emma)}`;
    expect((await get(people.outsider, url)).statusCode).toBe(404);
    expect((await get(people.parent, url)).statusCode).toBe(404);
    expect((await get(people.parent, `/api/v1/intervention-groups/${group.id}`)).statusCode).toBe(404);
    expect((await get(people.parent, `/api/v1/students/${ids.emma}/plans`)).statusCode).toBe(403);
    expect((await get(people.outsider, `/api/v1/students/${ids.emma}/plans`)).statusCode).toBe(404);
    const asParent = await send(people.parent, "POST", `${url}/progress`, { measuredOn: "2026-09-08", score: 1 });
    expect(asParent.statusCode).toBe(404);
    // The guest parent reads the team but not its groups.
    const list = (await get(people.parent, `/api/v1/communities/${ids.team}/intervention-groups`)).json<GroupList>();
    expect(list.items).toEqual([]);
  });

  it("lists every plan of a student across teams and years, newest first", async () => {
    await buildPlan(t.db, district, {
      studentId: ids.emma,
      communityId: ids.otherTeam,
      startDate: "2025-09-01",
      goalDate: "2025-12-01",
      reviewDate: "2025-10-15",
      status: "closed",
      outcome: "met",
      tier: 3,
    });
    const response = await get(people.teacher, `/api/v1/students/${ids.emma}/plans`);
    expect(response.statusCode, response.body).toBe(200);
    const plans = response.json<StudentPlans>().items;
    expect(plans.map((p) => [p.communityName, p.tier, p.status, p.outcome, p.groupName])).toEqual([
      ["Grade 4 team", 2, "active", null, "Fluency group"],
      ["Reading specialists", 3, "closed", "met", null],
    ]);
  });
});

describe("validation", () => {
  const url = () => `/api/v1/communities/${ids.team}/intervention-groups`;

  it("names the fields whose dates, students or references are wrong (422)", async () => {
    const response = await send(people.teacher, "POST", url(), {
      ...groupBody([ids.emma, ids.emma, ids.farah]),
      startDate: "2026-09-01",
      goalDate: "2026-09-01",
      reviewDate: "2026-08-01",
      baseline: undefined,
      deliveredById: ids.emma,
    });
    expect(response.statusCode).toBe(422);
    const pointers = response.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        "/body/goalDate",
        "/body/reviewDate",
        "/body/students/1/studentId",
        "/body/students/2/studentId",
        "/body/students/0/baseline",
        "/body/deliveredById",
      ]),
    );
  });

  it("refuses a tier, days or minutes out of range, and an empty group (400)", async () => {
    const response = await send(people.teacher, "POST", url(), {
      ...groupBody([]),
      tier: 4,
      daysPerWeek: 8,
      minutesPerSession: 0,
    });
    expect(response.statusCode).toBe(400);
    const pointers = response.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(["/body/tier", "/body/daysPerWeek", "/body/minutesPerSession", "/body/students"]),
    );
  });

  it("starts an extension group at tier 1 unless told", async () => {
    const response = await send(people.teacher, "POST", url(), {
      ...groupBody([ids.zoe]),
      kind: "extension",
      tier: undefined,
      name: "Main idea extension",
      baseline: 3,
      goal: 4,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<GroupDetail>()).toMatchObject({ kind: "extension", tier: 1 });
  });

  it("creates a single student's plan for one of the student's teams", async () => {
    const { students: _students, name: _name, ...fields } = groupBody([]);
    const response = await send(people.teacher, "POST", `/api/v1/students/${ids.zoe}/plans`, {
      ...fields,
      communityId: ids.team,
      baseline: 40,
      goal: 70,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<PlanDetail>()).toMatchObject({ groupId: null, tier: 2, decisions: [{ decision: "start" }] });
    const outsider = await send(people.outsider, "POST", `/api/v1/students/${ids.zoe}/plans`, {
      ...fields,
      communityId: ids.team,
      baseline: 40,
      goal: 70,
    });
    expect(outsider.statusCode).toBe(404);
  });
});

describe("the student scope on a group's members", () => {
  it("lists only the members the reader may see", async () => {
    // A district leader puts Farah (taught outside the team) in the team's group.
    const response = await send(people.leader, "POST", `/api/v1/communities/${ids.team}/intervention-groups`, {
      ...groupBody([ids.liam, ids.farah]),
      name: "Mixed group",
      deliveredById: people.leader?.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    const group = response.json<GroupDetail>();
    expect(group.members).toHaveLength(2);
    const asTeacher = (await get(people.teacher, `/api/v1/intervention-groups/${group.id}`)).json<GroupDetail>();
    expect(asTeacher.members.map((m) => m.studentName)).toEqual(["Liam Berg"]);
    expect(JSON.stringify(asTeacher)).not.toContain("Farah");
    const list = (await get(people.teacher, `/api/v1/communities/${ids.team}/intervention-groups`)).json<GroupList>();
    expect(list.items.find((g) => g.id === group.id)?.memberCount).toBe(1);
    const farahsPlan = group.members.find((m) => m.studentName === "Farah Diaz")?.planId as string;
    const entry = await send(people.teacher, "POST", `/api/v1/intervention-groups/${group.id}/progress`, {
      measuredOn: "2026-09-08",
      scores: [{ planId: farahsPlan, score: 40 }],
    });
    expect(entry.statusCode).toBe(403);
  });
});
