import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotYetResponded, PlanDecision, PlanDecisionList, ReviewList } from "../../../contract/student-review";
import { familyNotes, itemScores } from "../../db/schema";
import { insertAssessment, insertSitting, insertTarget } from "../../test/analysis-fixture";
import { buildClass, buildCommunity, buildStudent } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { buildPlan, buildScores } from "../../test/intervention-factories";
import { createTestApp, sessionHeaders } from "../../test/test-app";
import { recomputeTargetResults } from "../assessments/target-results";
import { latestDateWithSchoolDaysSince, schoolDaysBetween } from "./not-yet-responded.queries";

let t: Awaited<ReturnType<typeof createTestApp>>;
let district: TestDistrict;
let teacher: TestPerson;
let outsider: TestPerson;
let communityId: string;
let classId: string;

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  outsider = await buildPerson(t.db, district, "teacher");
  communityId = (await buildCommunity(t.db, district, [{ personId: teacher.id, teamRole: "facilitator" }])).id;
  classId = (await buildClass(t.db, district, { teacherIds: [teacher.id] })).id;
});
afterAll(async () => t?.close());

const student = (familyName: string) => buildStudent(t.db, district, { classIds: [classId], familyName });

async function request(method: "GET" | "POST" | "PATCH", url: string, person: TestPerson, payload?: object) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: await sessionHeaders(t.db, person),
    ...(payload ? { payload } : {}),
  });
}

// Aim line 40 → 70 from 1 Sept to 27 Oct 2026 (56 days): 43.75 on 8 Sept, 47.5 on 15 Sept, 51.25, 55 on 29 Sept.
const BEHIND = [
  { measuredOn: "2026-09-08", score: 41 },
  { measuredOn: "2026-09-15", score: 42 },
  { measuredOn: "2026-09-22", score: 43 },
  { measuredOn: "2026-09-29", score: 44 },
];

describe("team review list", () => {
  it("lists adjust first, then consider exit, overdue reviews and family notes", async () => {
    const behind = await student("Behind");
    const overdue = await student("Overdue");
    const noted = await student("Noted");
    const fine = await student("Fine");
    const ahead = await student("Ahead");
    const aheadPlan = await buildPlan(t.db, district, { studentId: ahead.id, communityId, reviewDate: "2026-10-20" });
    await buildScores(
      t.db,
      district,
      aheadPlan.id,
      BEHIND.map((point) => ({ ...point, score: point.score + 15 })),
    );
    const behindPlan = await buildPlan(t.db, district, { studentId: behind.id, communityId, reviewDate: "2026-10-20" });
    await buildScores(t.db, district, behindPlan.id, BEHIND);
    await buildPlan(t.db, district, { studentId: overdue.id, communityId, reviewDate: "2026-09-20" });
    await buildPlan(t.db, district, { studentId: noted.id, communityId, reviewDate: "2026-10-20" });
    await t.db.insert(familyNotes).values({ districtId: district.id, studentId: noted.id, body: "He reads at home" });
    const finePlan = await buildPlan(t.db, district, { studentId: fine.id, communityId, reviewDate: "2026-10-20" });
    await buildScores(t.db, district, finePlan.id, [
      { measuredOn: "2026-09-08", score: 45 },
      { measuredOn: "2026-09-15", score: 46 },
      { measuredOn: "2026-09-22", score: 52 },
      { measuredOn: "2026-09-29", score: 54 },
    ]);

    const response = await request("GET", `/communities/${communityId}/review?asOf=2026-10-01`, teacher);
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json<ReviewList>();
    const names = list.items.map((item) => item.student.name);
    expect(names).toEqual(["Student Behind", "Student Ahead", "Student Overdue", "Student Noted"]);
    const [first, aheadItem, second, third] = list.items;
    expect(aheadItem).toMatchObject({ flag: "consider_exit", isFlagged: true });
    expect(first).toMatchObject({ flag: "adjust", isOverdue: false, tier: 2, pointsNeeded: 0 });
    expect(first?.points.map((p) => p.aim)).toEqual([43.75, 47.5, 51.25, 55]);
    expect(second).toMatchObject({ flag: null, isOverdue: true });
    expect(third).toMatchObject({ unacknowledgedNotes: 1, latestNote: { body: "He reads at home" } });
    expect(list).toMatchObject({ total: 4, counts: { adjust: 1, considerExit: 1, overdue: 1, notes: 1 } });

    const firstTwo = await request("GET", `/communities/${communityId}/review?asOf=2026-10-01&limit=2`, teacher);
    expect(firstTwo.json<ReviewList>().items.map((item) => item.student.name)).toEqual(names.slice(0, 2));
    expect(firstTwo.json<ReviewList>()).toMatchObject({ total: 4, counts: { adjust: 1, notes: 1 } });

    const all = await request("GET", `/communities/${communityId}/review?all=true&asOf=2026-10-01`, teacher);
    expect(all.json<ReviewList>().items.map((item) => item.student.name)).toContain("Student Fine");
  });

  it("is refused to a teacher outside the team", async () => {
    expect((await request("GET", `/communities/${communityId}/review`, outsider)).statusCode).toBe(404);
  });
});

describe("decisions on a plan", () => {
  it("intensifies tier 2 → 3 and keeps the tier history", async () => {
    const s = await student("Intensified");
    const plan = await buildPlan(t.db, district, { studentId: s.id, communityId });
    const response = await request("POST", `/plans/${plan.id}/decisions`, teacher, {
      decision: "intensify",
      reason: "Four points below the aim line",
      flag: "adjust",
      nextReviewDate: "2099-01-15",
      changes: { minutesPerSession: 45, daysPerWeek: 5 },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<PlanDecision>()).toMatchObject({ decision: "intensify", tierBefore: 2, tierAfter: 3 });

    const history = (await request("GET", `/plans/${plan.id}/decisions`, teacher)).json<PlanDecisionList>();
    expect(history.items.map((d) => [d.decision, d.tierBefore, d.tierAfter])).toEqual([
      ["start", null, 2],
      ["intensify", 2, 3],
    ]);
    const all = await request("GET", `/communities/${communityId}/review?all=true&asOf=2026-10-01`, teacher);
    const item = all.json<ReviewList>().items.find((i) => i.planId === plan.id);
    expect(item).toMatchObject({ tier: 3, minutesPerSession: 45, daysPerWeek: 5, reviewDate: "2099-01-15" });

    const again = await request("POST", `/plans/${plan.id}/decisions`, teacher, { decision: "intensify", reason: "x" });
    expect(again.statusCode).toBe(422);
  });

  it("adjusts a plan's strategy and sets the next review", async () => {
    const s = await student("Adjusted");
    const plan = await buildPlan(t.db, district, { studentId: s.id, communityId });
    const response = await request("POST", `/plans/${plan.id}/decisions`, teacher, {
      decision: "adjust",
      reason: "Try repeated reading",
      changes: { strategy: "Repeated reading", goal: 65 },
      nextReviewDate: "2099-02-01",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<PlanDecision>()).toMatchObject({ tierBefore: 2, tierAfter: 2 });
  });

  it("exits with an outcome, then refuses further decisions on the closed plan", async () => {
    const s = await student("Exited");
    const plan = await buildPlan(t.db, district, { studentId: s.id, communityId });
    const noOutcome = await request("POST", `/plans/${plan.id}/decisions`, teacher, {
      decision: "exit",
      reason: "Met",
    });
    expect(noOutcome.statusCode).toBe(422);
    const exit = await request("POST", `/plans/${plan.id}/decisions`, teacher, {
      decision: "exit",
      reason: "Reached the goal",
      outcome: "met",
    });
    expect(exit.statusCode, exit.body).toBe(201);
    const all = await request("GET", `/communities/${communityId}/review?all=true`, teacher);
    expect(all.json<ReviewList>().items.some((i) => i.planId === plan.id)).toBe(false);
    const after = await request("POST", `/plans/${plan.id}/decisions`, teacher, { decision: "continue", reason: "x" });
    expect(after.statusCode).toBe(409);
  });

  it("refuses a decision without a reason, and a teacher outside the team", async () => {
    const s = await student("Refused");
    const plan = await buildPlan(t.db, district, { studentId: s.id, communityId });
    const blank = await request("POST", `/plans/${plan.id}/decisions`, teacher, { decision: "continue", reason: " " });
    expect(blank.statusCode).toBe(400);
    const missing = await request("POST", `/plans/${plan.id}/decisions`, teacher, { decision: "continue" });
    expect(missing.statusCode).toBe(400);
    const outside = await request("POST", `/plans/${plan.id}/decisions`, outsider, {
      decision: "continue",
      reason: "x",
    });
    expect(outside.statusCode).toBe(404);
  });
});

describe("not yet responded to", () => {
  it("counts school days (Mon–Fri) after the assessment was given", () => {
    // 1 Oct 2026 is a Thursday: Fri 2, Mon 5, Tue 6, Wed 7, Thu 8 are the five school days after it.
    expect(schoolDaysBetween("2026-10-01", "2026-10-07")).toBe(4);
    expect(schoolDaysBetween("2026-10-01", "2026-10-08")).toBe(5);
    expect(latestDateWithSchoolDaysSince("2026-10-08", 5)).toBe("2026-10-01");
    expect(latestDateWithSchoolDaysSince("2026-10-07", 5)).toBe("2026-09-30");
  });

  it("lists students below proficiency on a target no plan responds to, once the response days have passed", async () => {
    const team = (await buildCommunity(t.db, district, [{ personId: teacher.id, teamRole: "facilitator" }])).id;
    const targetId = (await insertTarget(t.db, district, team, "NYR.1")).id;
    const otherTargetId = (await insertTarget(t.db, district, team, "NYR.2")).id;
    const assessment = await insertAssessment(t.db, district, {
      communityId: team,
      classIds: [classId],
      targetIds: [targetId],
      items: [
        { maxPoints: 4, targetIndex: 0 },
        { maxPoints: 4, targetIndex: 0 },
      ],
      givenOn: "2026-10-01",
    });
    const below = await student("Below");
    const proficient = await student("Proficient");
    const planned = await student("Planned");
    const earlierPlan = await student("EarlierPlan");
    const onTarget = await student("OnTarget");
    const otherTarget = await student("OtherTarget");
    const closedBefore = await student("ClosedBefore");
    const extension = await student("Extension");
    const partlyScored = await student("PartlyScored");
    const levels = [
      [below, 1],
      [proficient, 3],
      [planned, 2],
      [earlierPlan, 0],
      [onTarget, 1],
      [otherTarget, 1],
      [closedBefore, 1],
      [extension, 1],
      [partlyScored, 1],
    ] as const;
    for (const [s, points] of levels) {
      await insertSitting(t.db, district, assessment, {
        studentId: s.id,
        classId,
        status: "completed",
        points: [points, 0],
      });
    }
    // PartlyScored's second item is left blank: 1 point on half the items is no finding that they are below.
    await t.db
      .delete(itemScores)
      .where(and(eq(itemScores.studentId, partlyScored.id), eq(itemScores.itemId, assessment.items[1]?.id as string)));
    await t.db.transaction((tx) => recomputeTargetResults(tx, assessment.id, [partlyScored.id]));
    // Responded to: a plan started after the assessment, a plan already active on that day (naming no target or
    // naming this one). Not: a plan on another target, a plan closed before the assessment, an extension plan.
    await buildPlan(t.db, district, { studentId: planned.id, communityId, startDate: "2026-10-02" });
    await buildPlan(t.db, district, { studentId: earlierPlan.id, communityId, startDate: "2026-09-01" });
    await buildPlan(t.db, district, {
      studentId: onTarget.id,
      communityId,
      startDate: "2026-09-01",
      learningTargetIds: [targetId],
    });
    await buildPlan(t.db, district, {
      studentId: otherTarget.id,
      communityId,
      startDate: "2026-09-01",
      learningTargetIds: [otherTargetId],
    });
    await buildPlan(t.db, district, {
      studentId: closedBefore.id,
      communityId,
      startDate: "2026-09-01",
      status: "closed",
      closedAt: new Date("2026-09-25T12:00:00Z"),
    });
    await buildPlan(t.db, district, {
      studentId: extension.id,
      communityId,
      startDate: "2026-09-01",
      kind: "extension",
    });
    const expected = ["Student Below", "Student ClosedBefore", "Student Extension", "Student OtherTarget"];
    // The test's own count: every student below proficiency (a level under 3 is fewer than 3 points) minus the
    // three responded to and the one partly scored.
    expect(levels.filter(([, points]) => points < 3).length - 3 - 1).toBe(expected.length);

    const tooSoon = await request("GET", `/communities/${team}/not-yet-responded?asOf=2026-10-07`, teacher);
    expect(tooSoon.statusCode, tooSoon.body).toBe(200);
    expect(tooSoon.json<NotYetResponded>()).toMatchObject({ responseDays: 5, items: [] });

    const due = (
      await request("GET", `/communities/${team}/not-yet-responded?asOf=2026-10-08`, teacher)
    ).json<NotYetResponded>();
    expect(due.items.map((i) => [i.student.name, i.schoolDaysSince, i.givenOn])).toEqual(
      expected.map((name) => [name, 5, "2026-10-01"]),
    );
    expect(due.items[0]?.targets.map((target) => target.statement)).toEqual(["I can nyr.1"]);

    const patched = await request("PATCH", `/communities/${team}/response-days`, teacher, { responseDays: 3 });
    expect(patched.statusCode, patched.body).toBe(200);
    const sooner = (
      await request("GET", `/communities/${team}/not-yet-responded?asOf=2026-10-06`, teacher)
    ).json<NotYetResponded>();
    expect(sooner.items.map((i) => i.schoolDaysSince)).toEqual(expected.map(() => 3));
    expect((await request("GET", `/communities/${team}/not-yet-responded`, outsider)).statusCode).toBe(404);
  });
});
