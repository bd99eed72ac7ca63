import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentClasses, students } from "../../db/schema";
import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildStudent,
} from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let teacherA: TestPerson;
let teacherB: TestPerson;
let outsider: TestPerson;
let coTeacher: TestPerson;
let assessment: Awaited<ReturnType<typeof buildAssessment>>;
let targetA: string;
let pupils: { a1: string; a2: string; b1: string; c1: string; stray: string };
let classC: string;

const as = (person: TestPerson) => sessionHeaders(t.db, person);
const pointers = (body: string) => (JSON.parse(body).errors ?? []).map((e: { pointer: string }) => e.pointer);
const item = (index: number) => assessment.items[index]?.id as string;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  teacherA = await buildPerson(t.db, district, "teacher");
  teacherB = await buildPerson(t.db, district, "teacher");
  outsider = await buildPerson(t.db, district, "teacher");
  coTeacher = await buildPerson(t.db, district, "teacher");
  const community = await buildCommunity(t.db, district, [{ personId: teacherA.id }, { personId: teacherB.id }]);
  const classA = (await buildClass(t.db, district, { teacherIds: [teacherA.id], title: "4A" })).id;
  const classB = (await buildClass(t.db, district, { teacherIds: [teacherB.id], title: "4B" })).id;
  classC = (await buildClass(t.db, district, { teacherIds: [coTeacher.id], title: "4C" })).id;
  const outsiderClass = (await buildClass(t.db, district, { teacherIds: [outsider.id] })).id;
  const named = (givenName: string, familyName: string, classIds: string[]) =>
    buildStudent(t.db, district, { givenName, familyName, classIds }).then((s) => s.id);
  pupils = {
    a1: await named("Ada", "Lovelace", [classA]),
    a2: await named("Alan", "Turing", [classA]),
    b1: await named("Grace", "Hopper", [classB]),
    c1: await named("Katherine", "Johnson", [classC]),
    stray: await named("Edsger", "Dijkstra", [outsiderClass]),
  };
  await t.db.update(students).set({ identifier: "1001" }).where(sql`${students.id} = ${pupils.a1}`);
  const essential = await buildEssentialStandard(t.db, district, { communityId: community.id, targets: ["A", "B"] });
  targetA = essential.targets[0]?.id as string;
  const targetB = essential.targets[1]?.id as string;
  assessment = await buildAssessment(t.db, district, {
    communityId: community.id,
    classIds: [classA, classB],
    items: [
      { label: "Q1", maxPoints: 2, targetIds: [targetA] },
      { label: "Q2", maxPoints: 2, targetIds: [targetA, targetB], correctResponse: "C" },
      { label: "Q3", maxPoints: 3, targetIds: [targetB] },
    ],
    cutScores: { [targetA]: [0, 2, 3, 4].map((minPoints, i) => ({ level: i + 1, minPoints })) },
  });
});
afterAll(async () => t?.close());

const resultsUrl = () => `/api/v1/assessments/${assessment.id}/results`;
async function putResults(rows: unknown[], person = teacherA) {
  return app.inject({ method: "PUT", url: resultsUrl(), headers: await as(person), payload: { rows } });
}
async function levels() {
  const result = await t.db.execute<{ student_id: string; target_id: string; points: number; level: number }>(
    sql`select student_id, target_id, points::float8 as points, level from target_results
        where assessment_id = ${assessment.id} and target_id = ${targetA}`,
  );
  return Object.fromEntries(result.rows.map((r) => [r.student_id, [r.points, r.level]]));
}

describe("results", () => {
  it("are entered in bulk, one transaction, with target results recomputed and one audit entry", async () => {
    const saved = await putResults([
      {
        studentId: pupils.a1,
        status: "completed",
        scores: { [item(0)]: 2, [item(1)]: 1 },
        responses: { [item(1)]: "B" },
      },
      { studentId: pupils.a2, status: "absent", scores: {} },
      { studentId: pupils.b1, status: "completed", scores: { [item(0)]: 2, [item(1)]: 2, [item(2)]: 3 } },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ students: 3, scores: 5 });
    expect(await levels()).toEqual({ [pupils.a1]: [3, 3], [pupils.b1]: [4, 4] });

    const grid = await app.inject({ url: resultsUrl(), headers: await as(teacherA) });
    expect(grid.statusCode).toBe(200);
    const classes = grid.json().classes as {
      title: string;
      students: { id: string; status: string | null; scores: object }[];
    }[];
    expect(classes.map((c) => [c.title, c.students.map((s) => s.id)])).toEqual([
      ["4A", [pupils.a1, pupils.a2]],
      ["4B", [pupils.b1]],
    ]);
    expect(classes[0]?.students[0]).toMatchObject({
      name: "Ada Lovelace",
      identifier: "1001",
      status: "completed",
      scores: { [item(0)]: 2, [item(1)]: 1 },
      responses: { [item(1)]: "B" },
    });
    expect(classes[0]?.students[1]).toMatchObject({ status: "absent", scores: {} });
    const audit = await t.db.execute<{ action: string; details: unknown }>(
      sql`select action, details from audit_log where subject_id = ${assessment.id} order by id`,
    );
    expect(audit.rows).toEqual([
      {
        action: "assessment.results.updated",
        details: { source: "grid", students: 3, scores: 5, absent: 1, exempt: 0 },
      },
      { action: "assessment.results.read", details: { students: 3 } },
    ]);

    // Marking a scored student exempt removes their scores and results; clearing every score "un-enters" them.
    await putResults([
      { studentId: pupils.b1, status: "exempt", scores: {} },
      {
        studentId: pupils.a1,
        status: "completed",
        scores: { [item(0)]: null, [item(1)]: null },
        responses: { [item(1)]: null },
      },
    ]);
    expect(await levels()).toEqual({});
    const after = (await app.inject({ url: resultsUrl(), headers: await as(teacherA) })).json();
    expect(after.classes[0].students[0]).toMatchObject({ status: null, scores: {} });
    expect(after.classes[1].students[0]).toMatchObject({ status: "exempt", scores: {} });
  });

  it("are stored as one spelling per answer, so the analysis counts “a” and “A” together", async () => {
    const saved = await putResults([
      { studentId: pupils.a1, status: "completed", scores: { [item(1)]: 0 }, responses: { [item(1)]: "a" } },
      { studentId: pupils.a2, status: "completed", scores: { [item(1)]: 0 }, responses: { [item(1)]: " A" } },
      { studentId: pupils.b1, status: "completed", scores: { [item(1)]: 2 }, responses: { [item(1)]: "c" } },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    const stored = await t.db.execute<{ response: string }>(
      sql`select response from item_scores where assessment_id = ${assessment.id} order by response`,
    );
    expect(stored.rows.map((r) => r.response)).toEqual(["A", "A", "C"]);
    const analysis = await app.inject({
      url: `/api/v1/assessments/${assessment.id}/analysis`,
      headers: await as(teacherA),
    });
    const q2 = analysis.json().items.find((i: { label: string }) => i.label === "Q2");
    expect(q2.responses).toEqual([
      { response: "A", count: 2 },
      { response: "C", count: 1 },
    ]);
    expect(q2.mostCommonWrong).toEqual({ response: "A", count: 2 });
    await putResults(
      [pupils.a1, pupils.a2, pupils.b1].map((studentId) => ({
        studentId,
        status: "completed",
        scores: { [item(1)]: null },
        responses: { [item(1)]: null },
      })),
    );
  });

  it("refuses bad cells by JSON pointer and writes nothing", async () => {
    const response = await putResults([
      { studentId: pupils.a1, status: "completed", scores: { [item(0)]: 3, [item(2)]: 1.5, [pupils.a1]: 1 } },
      { studentId: pupils.stray, status: "completed", scores: { [item(0)]: 1 } },
      { studentId: pupils.a1, status: "completed", scores: {}, responses: { nope: "A" } },
    ]);
    expect(response.statusCode).toBe(422);
    expect(pointers(response.body)).toEqual([
      `/body/rows/0/scores/${item(0)}`,
      `/body/rows/0/scores/${pupils.a1}`,
      "/body/rows/1/studentId",
      "/body/rows/2/studentId",
      "/body/rows/2/responses/nope",
    ]);
    const shape = await putResults([{ studentId: pupils.a1, status: "late", scores: { [item(0)]: -1 } }]);
    expect(shape.statusCode).toBe(400);
    expect(pointers(shape.body)).toEqual(["/body/rows/0/status", `/body/rows/0/scores/${item(0)}`]);
    const written = await t.db.execute(sql`select 1 from item_scores where assessment_id = ${assessment.id}`);
    expect(written.rows).toHaveLength(0);
  });

  it("are private: outsiders get 404, and nobody scores a student outside their reach by guessing an id", async () => {
    expect((await app.inject({ url: resultsUrl(), headers: await as(outsider) })).statusCode).toBe(404);
    const guessed = await putResults(
      [{ studentId: pupils.a1, status: "completed", scores: { [item(0)]: 1 } }],
      outsider,
    );
    expect(guessed.statusCode).toBe(404);

    // A co-teacher of a class the assessment goes to enters results for that class, and sees only its students.
    await t.db
      .insert(assessmentClasses)
      .values({ districtId: district.id, assessmentId: assessment.id, classId: classC });
    const grid = (await app.inject({ url: resultsUrl(), headers: await as(coTeacher) })).json();
    expect(grid.classes.flatMap((c: { students: { id: string }[] }) => c.students.map((s) => s.id))).toEqual([
      pupils.c1,
    ]);
    const ownClass = await putResults(
      [{ studentId: pupils.c1, status: "completed", scores: { [item(0)]: 1 } }],
      coTeacher,
    );
    expect(ownClass.statusCode, ownClass.body).toBe(200);
    const otherClass = await putResults(
      [{ studentId: pupils.a2, status: "completed", scores: { [item(0)]: 1 } }],
      coTeacher,
    );
    expect(otherClass.statusCode).toBe(422);
    expect(pointers(otherClass.body)).toEqual(["/body/rows/0/studentId"]);
    // The team's teachers reach the new class's students through the grid only if they may read them.
    const stray = await putResults(
      [{ studentId: pupils.stray, status: "completed", scores: { [item(0)]: 1 } }],
      teacherB,
    );
    expect(pointers(stray.body)).toEqual(["/body/rows/0/studentId"]);
    await t.db.execute(sql`delete from assessment_classes where class_id = ${classC}`);
    await putResults([{ studentId: pupils.c1, status: "completed", scores: { [item(0)]: null } }], teacherA).then((r) =>
      expect(r.statusCode).toBe(422),
    );
  });

  it("are locked while the assessment is closed, by grid and by CSV, and open again when it reopens", async () => {
    const setStatus = (status: string) =>
      t.db.execute(sql`update assessments set status = ${status} where id = ${assessment.id}`);
    const before = await levels();
    await setStatus("closed");
    try {
      const grid = (await app.inject({ url: resultsUrl(), headers: await as(teacherA) })).json();
      expect(grid.can.enterResults).toBe(false);
      const locked = await putResults([{ studentId: pupils.a1, status: "completed", scores: { [item(0)]: 0 } }]);
      expect(locked.statusCode).toBe(409);
      expect(locked.json().detail).toContain("closed");
      const csv = await app.inject({
        method: "POST",
        url: `${resultsUrl()}/csv`,
        headers: await as(teacherA),
        payload: {
          csv: "Student,Q1\nAda Lovelace,0\n",
          mapping: { studentColumn: "Student", studentKey: "name", itemColumns: { Q1: item(0) } },
        },
      });
      expect(csv.statusCode, csv.body).toBe(409);
      expect(await levels()).toEqual(before);
    } finally {
      await setStatus("open");
    }
    const reopened = (await app.inject({ url: resultsUrl(), headers: await as(teacherA) })).json();
    expect(reopened.can.enterResults).toBe(true);
  });
});
