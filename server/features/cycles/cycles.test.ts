import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cycle, CycleRecord, CycleResults } from "../../../contract/cycles";
import { buildCycleTeam, buildLevelAssessment, type LevelResult, setLevels } from "../../test/cycle-factories";
import type { TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";
import { tallyGains } from "./cycle-gains";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let team: Awaited<ReturnType<typeof buildCycleTeam>>;
let baselineId: string;
let followupId: string;
let cycle: Cycle;
const before = new Map<string, number>();
const after = new Map<string, number>();

const as = (person: TestPerson | undefined) => sessionHeaders(t.db, person as TestPerson);
const key = (studentId: string, targetId: string) => `${studentId}:${targetId}`;

async function send(
  person: TestPerson | undefined,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  payload?: unknown,
) {
  return app.inject({ method, url: `/api/v1${url}`, headers: await as(person), ...(payload ? { payload } : {}) });
}

/** Levels by a fixed pattern: student i starts at 1 + i % 3 and gains (i % 4) - 1 levels, within 1..4. */
function levelRows(assessmentLevels: Map<string, number>, isLater: boolean): LevelResult[] {
  const rows: LevelResult[] = [];
  for (const [classId, students] of [
    [team.classA.id, team.classA.students],
    [team.classB.id, team.classB.students],
  ] as const) {
    students.forEach((studentId, i) => {
      for (const targetId of [team.targetA, team.targetB]) {
        const start = 1 + (i % 3);
        const level = isLater ? Math.min(4, Math.max(1, start + (i % 4) - 1)) : start;
        assessmentLevels.set(key(studentId, targetId), level);
        rows.push({ studentId, targetId, classId, level });
      }
    });
  }
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  team = await buildCycleTeam(t.db, 6);
  const targets = [team.targetA, team.targetB];
  baselineId = (await buildLevelAssessment(t.db, team.district, team.community.id, targets, { givenOn: "2030-09-10" }))
    .id;
  followupId = (await buildLevelAssessment(t.db, team.district, team.community.id, targets, { givenOn: "2030-11-10" }))
    .id;
  await setLevels(t.db, team.district, baselineId, levelRows(before, false));
  await setLevels(t.db, team.district, followupId, levelRows(after, true));
});
afterAll(async () => t?.close());

function expectedGains(targetId: string) {
  const students = [...team.classA.students, ...team.classB.students];
  return tallyGains(
    students.map((s) => ({
      before: before.get(key(s, targetId)) as number,
      after: after.get(key(s, targetId)) as number,
    })),
  );
}

async function resultsAs(person: TestPerson | undefined): Promise<CycleResults> {
  const response = await send(person, "GET", `/cycles/${cycle.id}/results`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe("improvement cycles", () => {
  it("starts a cycle from the team's assessment: seven stages and the baseline pinned", async () => {
    const response = await send(team.people.teacherA, "POST", `/communities/${team.community.id}/cycles`, {
      title: "Fractions on a number line",
      focus: "Placing fractions",
      startsOn: "2030-09-12",
      baselineAssessmentIds: [baselineId],
    });
    expect(response.statusCode, response.body).toBe(201);
    cycle = response.json();
    expect(cycle.stages.map((s) => s.stage)).toEqual([
      "learning_needs",
      "shared_goals",
      "professional_learning",
      "strategies",
      "implementation",
      "monitoring",
      "evaluation",
    ]);
    expect(cycle.currentStage).toBe("learning_needs");
    expect(cycle.can).toEqual({ contribute: true, manage: false });
    const pinned = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from cycle_snapshot_results where cycle_id = ${cycle.id}`,
    );
    expect(pinned.rows[0]?.n).toBe(24);
  });

  it("refuses to start from another team's assessment, and keeps outsiders out", async () => {
    const other = await send(team.people.teacherA, "POST", `/communities/${team.community.id}/cycles`, {
      title: "x",
      startsOn: "2030-09-12",
      baselineAssessmentIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(other.statusCode).toBe(422);
    expect((await send(team.people.outsider, "GET", `/cycles/${cycle.id}`)).statusCode).toBe(404);
    expect((await send(team.people.outsider, "GET", "/cycles")).json().items).toEqual([]);
    expect((await send(team.people.teacherB, "GET", "/cycles")).json().items.map((c: Cycle) => c.id)).toEqual([
      cycle.id,
    ]);
  });

  it("lets members write notes and complete stages, and only leaders plan owners and dates", async () => {
    const notes = await send(team.people.teacherB, "PATCH", `/cycles/${cycle.id}/stages/learning_needs`, {
      notes: "Most students place 1/2 but not 3/4.",
      isComplete: true,
    });
    expect(notes.statusCode, notes.body).toBe(200);
    expect(notes.json().currentStage).toBe("shared_goals");
    const owner = { ownerId: team.people.teacherB?.id, dueOn: "2030-09-20" };
    expect(
      (await send(team.people.teacherB, "PATCH", `/cycles/${cycle.id}/stages/shared_goals`, owner)).statusCode,
    ).toBe(403);
    const planned = await send(team.people.coach, "PATCH", `/cycles/${cycle.id}/stages/shared_goals`, owner);
    expect(planned.statusCode, planned.body).toBe(200);
    const stage = (planned.json() as Cycle).stages.find((s) => s.stage === "shared_goals");
    expect(stage?.owner?.id).toBe(team.people.teacherB?.id);
    // Today is long after 2030-09-20? Only if the clock says so: overdue follows the district's today.
    expect(stage?.isOverdue).toBe(new Date().toISOString().slice(0, 10) > "2030-09-20");
    const outsiderOwner = await send(team.people.coach, "PATCH", `/cycles/${cycle.id}/stages/strategies`, {
      ownerId: team.people.outsider?.id,
    });
    expect(outsiderOwner.statusCode).toBe(422);
  });

  it("records the educators' learning needs", async () => {
    const created = await send(team.people.teacherA, "POST", `/cycles/${cycle.id}/learning-needs`, {
      need: "How to use number lines with fractions",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const edited = await send(team.people.teacherB, "PATCH", `/cycles/${cycle.id}/learning-needs/${id}`, {
      need: "Number lines for fractions greater than one",
    });
    expect(edited.json().need).toBe("Number lines for fractions greater than one");
    const list = await send(team.people.coach, "GET", `/cycles/${cycle.id}/learning-needs`);
    expect(list.json().items.map((n: { need: string }) => n.need)).toEqual([
      "Number lines for fractions greater than one",
    ]);
    expect((await send(team.people.coach, "DELETE", `/cycles/${cycle.id}/learning-needs/${id}`)).statusCode).toBe(200);
  });

  it("compares the follow-up with the snapshot, matched by student, per target, class and teacher", async () => {
    const added = await send(team.people.teacherA, "POST", `/cycles/${cycle.id}/assessments`, {
      assessmentId: followupId,
    });
    expect(added.statusCode, added.body).toBe(200);
    expect((added.json() as Cycle).assessments.map((a) => a.role)).toEqual(["baseline", "followup"]);
    const results = await resultsAs(team.people.coach);
    expect(results.snapshot.map((s) => s.students)).toEqual([12, 12]);
    // Proficient at the baseline: level 3 or above (the assessment's cut), counted from the levels the test set.
    const proficientBefore = (targetId: string) =>
      [...before].filter(([k, level]) => k.endsWith(`:${targetId}`) && level >= 3).length;
    expect(results.snapshot.map((s) => s.proficient)).toEqual([
      proficientBefore(results.snapshot[0]?.targetId as string),
      proficientBefore(results.snapshot[1]?.targetId as string),
    ]);
    expect(proficientBefore(team.targetA)).toBeGreaterThan(0);
    for (const target of [team.targetA, team.targetB]) {
      expect(results.byTarget.find((g) => g.targetId === target)).toMatchObject(expectedGains(target));
    }
    expect(results.byClass.map((c) => [c.name, c.matched])).toEqual([
      ["Room A", 12],
      ["Room B", 12],
    ]);
    expect(results.byTeacher.map((c) => c.name)).toEqual(["Ada Teacher", "Bea Teacher"]);
    const audited = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'cycle.results_read' and subject_id = ${cycle.id}`,
    );
    expect(audited.rows[0]?.n).toBeGreaterThan(0);
  });

  it("counts only the students the reader may see", async () => {
    // Teacher B stops sharing their class with the team: teacher A now sees only Room A's six students.
    const setSharing = (isShared: boolean) =>
      t.db.execute(sql`update community_members set shares_students = ${isShared}
        where community_id = ${team.community.id} and person_id = ${team.people.teacherB?.id}`);
    await setSharing(false);
    try {
      const results = await resultsAs(team.people.teacherA);
      expect(results.snapshot.map((s) => s.students)).toEqual([6, 6]);
      expect(results.byClass.map((c) => c.name)).toEqual(["Room A"]);
      expect(results.students).toBe(6);
    } finally {
      await setSharing(true);
    }
  });

  it("keeps the snapshot when a baseline result changes, while monitoring follows later results", async () => {
    const first = await resultsAs(team.people.coach);
    const student = team.classA.students[0] as string;
    await setLevels(t.db, team.district, baselineId, [
      { studentId: student, targetId: team.targetA, classId: team.classA.id, level: 4 },
    ]);
    const afterBaselineEdit = await resultsAs(team.people.coach);
    expect(afterBaselineEdit.snapshot).toEqual(first.snapshot);
    expect(afterBaselineEdit.byTarget).toEqual(first.byTarget);
    // Student 0 starts at 1 and stays at 1 (gain -1, floored); moving them to 4 later makes one more move up.
    await setLevels(t.db, team.district, followupId, [
      { studentId: student, targetId: team.targetA, classId: team.classA.id, level: 4 },
    ]);
    const afterFollowupEdit = await resultsAs(team.people.coach);
    const a0 = first.byTarget.find((g) => g.targetId === team.targetA);
    const a1 = afterFollowupEdit.byTarget.find((g) => g.targetId === team.targetA);
    expect(a1?.up).toBe((a0?.up ?? 0) + 1);
    expect(afterFollowupEdit.snapshot).toEqual(first.snapshot);
  });

  it("closes the cycle with the team's reflection, and the district's staff read it in the record", async () => {
    const reflection = await send(team.people.teacherA, "PATCH", `/cycles/${cycle.id}/progress`, {
      reflection: "Number lines helped most students.",
    });
    expect(reflection.statusCode, reflection.body).toBe(200);
    expect((await send(team.people.teacherA, "PATCH", `/cycles/${cycle.id}`, { status: "finished" })).statusCode).toBe(
      403,
    );
    const closed = await send(team.people.coach, "PATCH", `/cycles/${cycle.id}`, { status: "finished" });
    expect(closed.json()).toMatchObject({ status: "finished", reflection: "Number lines helped most students." });
    expect(closed.json().finishedAt).not.toBeNull();
    const record = await send(team.people.outsider, "GET", "/cycles/record?q=number%20lines");
    expect(record.statusCode, record.body).toBe(200);
    const [item] = (record.json() as CycleRecord).items;
    expect(item?.id).toBe(cycle.id);
    const gainA = item?.gains.find((g) => g.targetId === team.targetA);
    expect(gainA).toMatchObject({ suppressed: false });
    expect(record.body).not.toContain(team.classA.students[0]);
    const none = await send(team.people.outsider, "GET", "/cycles/record?q=phonics");
    expect(none.json().items).toEqual([]);
  });
});
