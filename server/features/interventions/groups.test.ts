import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentAnalysis } from "../../../contract/analysis";
import type { GroupDetail, GroupList, PlanDetail } from "../../../contract/interventions";
import { auditLog, communityMembers, planDecisions } from "../../db/schema";
import { buildPerson } from "../../test/factories";
import { buildPlan } from "../../test/intervention-factories";
import { buildInterventionScenario, type InterventionScenario } from "../../test/intervention-scenario";
import { createTestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let s: InterventionScenario;

beforeAll(async () => {
  t = await createTestApp();
  s = await buildInterventionScenario(t);
});
afterAll(async () => t?.close());

describe("an intervention group from an analysis", () => {
  let group: GroupDetail;
  const planOf = (studentId: string) => group.members.find((m) => m.studentId === studentId)?.planId as string;

  it("starts a plan per student below proficiency, each with its start in the tier history", async () => {
    const analysis = (
      await s.get(s.people.teacher, `/api/v1/assessments/${s.ids.assessment}/analysis`)
    ).json<AssessmentAnalysis>();
    const below = analysis.targets[0]?.belowProficient ?? [];
    expect(new Set(below)).toEqual(new Set([s.ids.emma, s.ids.liam]));

    const response = await s.send(s.people.teacher, "POST", `/api/v1/communities/${s.ids.team}/intervention-groups`, {
      ...s.groupBody(below),
      students: below.map((studentId) => ({ studentId, baseline: studentId === s.ids.liam ? 45 : undefined })),
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
      .where(eq(planDecisions.planId, planOf(s.ids.emma)));
    expect(starts).toMatchObject([
      { decision: "start", tierBefore: null, tierAfter: 2, reason: "Plan started with the group" },
    ]);
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.actorId, s.people.teacher.id as string), eq(auditLog.action, "intervention_group.created")),
      );
    expect(audited).toHaveLength(1);
  });

  it("takes four weekly scores in quick entry and flags the plan behind its aim line", async () => {
    // Emma: the worked example of progress-rules.test.ts (aim 40 → 70 over 56 days). Liam: ahead all along.
    const weeks = ["2026-09-08", "2026-09-15", "2026-09-22", "2026-09-29"];
    const emma = [42, 45, 44, 49];
    const liam = [50, 52, 55, 58];
    for (const [i, measuredOn] of weeks.entries()) {
      const response = await s.send(s.people.teacher, "POST", `/api/v1/intervention-groups/${group.id}/progress`, {
        measuredOn,
        scores: [
          { planId: planOf(s.ids.emma), score: emma[i] },
          { planId: planOf(s.ids.liam), score: liam[i] },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ saved: 2, removed: 0 });
    }
    const plan = (await s.get(s.people.teacher, `/api/v1/plans/${planOf(s.ids.emma)}`)).json<PlanDetail>();
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

    const detail = (await s.get(s.people.teacher, `/api/v1/intervention-groups/${group.id}`)).json<GroupDetail>();
    expect(detail.members.map((m) => [m.flag, m.latestScore, m.latestMeasuredOn])).toEqual([
      ["adjust", 49, "2026-09-29"],
      ["consider_exit", 58, "2026-09-29"],
    ]);
    const list = (
      await s.get(s.people.teacher, `/api/v1/communities/${s.ids.team}/intervention-groups`)
    ).json<GroupList>();
    expect(list.items).toMatchObject([
      { id: group.id, memberCount: 2, flaggedCount: 2, kind: "intervention", tier: 2 },
    ]);
    expect(list.can.create).toBe(true);
  });

  it("overwrites a day's score, and null removes it", async () => {
    const url = `/api/v1/plans/${planOf(s.ids.emma)}/progress`;
    expect((await s.send(s.people.teacher, "POST", url, { measuredOn: "2026-10-06", score: 60 })).json()).toEqual({
      saved: 1,
      removed: 0,
    });
    await s.send(s.people.teacher, "POST", url, { measuredOn: "2026-10-06", score: 61, note: "Good day" });
    let plan = (await s.get(s.people.teacher, `/api/v1/plans/${planOf(s.ids.emma)}`)).json<PlanDetail>();
    expect(plan.scores.at(-1)).toEqual({ measuredOn: "2026-10-06", score: 61, note: "Good day" });
    expect(plan.rule.flag).toBeNull(); // 61 is above the aim (58.75) on 6 Oct
    expect((await s.send(s.people.teacher, "POST", url, { measuredOn: "2026-10-06", score: null })).json()).toEqual({
      saved: 0,
      removed: 1,
    });
    plan = (await s.get(s.people.teacher, `/api/v1/plans/${planOf(s.ids.emma)}`)).json<PlanDetail>();
    expect(plan.scores).toHaveLength(4);
  });

  it("records sessions for the group and reports fidelity", async () => {
    const sessions = [
      ["2026-09-02", "present", "present"],
      ["2026-09-04", "absent", "present"],
      ["2026-09-07", "not_held", "not_held"],
    ] as const;
    for (const [sessionOn, emma, liam] of sessions) {
      const response = await s.send(s.people.teacher, "POST", `/api/v1/intervention-groups/${group.id}/sessions`, {
        sessionOn,
        attendance: [
          { planId: planOf(s.ids.emma), attendance: emma, minutes: 30 },
          { planId: planOf(s.ids.liam), attendance: liam, minutes: 25 },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const plan = (await s.get(s.people.teacher, `/api/v1/plans/${planOf(s.ids.emma)}`)).json<PlanDetail>();
    expect(plan.sessions).toEqual([
      { sessionOn: "2026-09-02", attendance: "present", minutes: 30 },
      { sessionOn: "2026-09-04", attendance: "absent", minutes: null },
      { sessionOn: "2026-09-07", attendance: "not_held", minutes: null },
    ]);
    // 3 days a week over the 8 whole weeks from the start to the goal date (both behind us).
    expect(plan.fidelity).toEqual({ present: 1, held: 2, planned: 24, attendancePercent: 50 });
    const detail = (await s.get(s.people.teacher, `/api/v1/intervention-groups/${group.id}`)).json<GroupDetail>();
    expect(detail.members.map((m) => [m.sessionsPresent, m.sessionsHeld])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it("refuses quick entry for a plan outside the group or before the start", async () => {
    const stranger = await buildPlan(t.db, s.district, { studentId: s.ids.zoe, communityId: s.ids.team });
    const url = `/api/v1/intervention-groups/${group.id}/progress`;
    let response = await s.send(s.people.teacher, "POST", url, {
      measuredOn: "2026-09-08",
      scores: [{ planId: stranger.id, score: 40 }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ pointer: "/body/scores/0/planId", detail: expect.any(String) }]);
    response = await s.send(s.people.teacher, "POST", url, {
      measuredOn: "2026-08-01",
      scores: [{ planId: planOf(s.ids.emma), score: 40 }],
    });
    expect(response.json().errors).toEqual([{ pointer: "/body/measuredOn", detail: expect.any(String) }]);
  });

  it("edits a plan's delivery but not its tier, and the group's delivery follows to its plans", async () => {
    let response = await s.send(s.people.teammate, "PATCH", `/api/v1/plans/${planOf(s.ids.emma)}`, { tier: 3 });
    expect(response.statusCode).toBe(400);
    response = await s.send(s.people.teammate, "PATCH", `/api/v1/plans/${planOf(s.ids.emma)}`, {
      goal: 65,
      schedule: "Daily 9:00",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<PlanDetail>()).toMatchObject({ goal: 65, schedule: "Daily 9:00", tier: 2 });

    response = await s.send(s.people.teammate, "PATCH", `/api/v1/intervention-groups/${group.id}`, {
      deliveredById: s.people.teammate.id,
      daysPerWeek: 4,
    });
    expect(response.statusCode, response.body).toBe(200);
    const plan = (await s.get(s.people.teammate, `/api/v1/plans/${planOf(s.ids.liam)}`)).json<PlanDetail>();
    expect(plan).toMatchObject({ daysPerWeek: 4, deliveredBy: { id: s.people.teammate.id } });

    response = await s.send(s.people.teammate, "PATCH", `/api/v1/intervention-groups/${group.id}`, {
      closedAt: "2026-11-01T12:00:00Z",
    });
    expect(response.json<GroupDetail>().closedAt).not.toBeNull();
  });

  it("lists the groups of one's teams on the landing page", async () => {
    const mine = (await s.get(s.people.teammate, "/api/v1/intervention-groups?mine=true")).json<GroupList>();
    expect(mine.items.map((g) => g.id)).toContain(group.id);
    const none = (await s.get(s.people.outsider, "/api/v1/intervention-groups?mine=true")).json<GroupList>();
    expect(none.items).toEqual([]);
  });
});

describe("creating a group", () => {
  const url = () => `/api/v1/communities/${s.ids.team}/intervention-groups`;

  it("is the work of the team's members, not its guests (403)", async () => {
    const guest = await buildPerson(t.db, s.district, "teacher");
    await t.db
      .insert(communityMembers)
      .values({ districtId: s.district.id, communityId: s.ids.team, personId: guest.id, teamRole: "guest" });
    const response = await s.send(guest, "POST", url(), s.groupBody([s.ids.zoe]));
    expect(response.statusCode).toBe(403);
  });

  it("names the fields whose dates, students or references are wrong (422)", async () => {
    const response = await s.send(s.people.teacher, "POST", url(), {
      ...s.groupBody([s.ids.emma, s.ids.emma, s.ids.farah]),
      startDate: "2026-09-01",
      goalDate: "2026-09-01",
      reviewDate: "2026-08-01",
      baseline: undefined,
      deliveredById: s.ids.emma,
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
    const response = await s.send(s.people.teacher, "POST", url(), {
      ...s.groupBody([]),
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
    const response = await s.send(s.people.teacher, "POST", url(), {
      ...s.groupBody([s.ids.zoe]),
      kind: "extension",
      tier: undefined,
      name: "Main idea extension",
      baseline: 3,
      goal: 4,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<GroupDetail>()).toMatchObject({ kind: "extension", tier: 1 });
  });
});

describe("the student scope on a group's members", () => {
  it("lists only the members the reader may see", async () => {
    // A district leader puts Farah (taught outside the team) in the team's group.
    const response = await s.send(s.people.leader, "POST", `/api/v1/communities/${s.ids.team}/intervention-groups`, {
      ...s.groupBody([s.ids.liam, s.ids.farah]),
      name: "Mixed group",
      deliveredById: s.people.leader.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    const group = response.json<GroupDetail>();
    expect(group.members).toHaveLength(2);
    const asTeacher = (await s.get(s.people.teacher, `/api/v1/intervention-groups/${group.id}`)).json<GroupDetail>();
    expect(asTeacher.members.map((m) => m.studentName)).toEqual(["Liam Berg"]);
    expect(JSON.stringify(asTeacher)).not.toContain("Farah");
    const list = (
      await s.get(s.people.teacher, `/api/v1/communities/${s.ids.team}/intervention-groups`)
    ).json<GroupList>();
    expect(list.items.find((g) => g.id === group.id)?.memberCount).toBe(1);
    const farahsPlan = group.members.find((m) => m.studentName === "Farah Diaz")?.planId as string;
    const entry = await s.send(s.people.teacher, "POST", `/api/v1/intervention-groups/${group.id}/progress`, {
      measuredOn: "2026-09-08",
      scores: [{ planId: farahsPlan, score: 40 }],
    });
    expect(entry.statusCode).toBe(403);
  });
});
