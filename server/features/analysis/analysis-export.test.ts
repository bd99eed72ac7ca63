import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentAnalysis } from "../../../contract/analysis";
import { assessmentTargets, auditLog, itemScores, targetResults } from "../../db/schema";
import { type FixtureAssessment, insertAssessment, insertSitting, insertTarget } from "../../test/analysis-fixture";
import { buildAnalysisScenario, type ScenarioRow } from "../../test/analysis-scenario";
import { buildStudent } from "../../test/evidence-factories";
import { buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";
import { recomputeTargetResults } from "../assessments/target-results";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let people: Record<string, TestPerson>;
let classIds: Record<string, string>;
let assessment: FixtureAssessment;
let targetB: string;
let rows: ScenarioRow[];

const as = (person: TestPerson) => sessionHeaders(t.db, person);

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  ({ district, people, classIds, assessment, targetB, rows } = await buildAnalysisScenario(t.db));
});
afterAll(async () => t?.close());

async function analysisAs(person: TestPerson): Promise<AssessmentAnalysis> {
  const response = await app.inject({
    url: `/api/v1/assessments/${assessment.id}/analysis`,
    headers: await as(person),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe("the analysis: audit, exports and missing results", () => {
  it("writes every read to the audit log with the number of students", async () => {
    const reader = await buildPerson(t.db, district, "district_leader");
    await analysisAs(reader);
    await app.inject({ url: `/api/v1/assessments/${assessment.id}/analysis.csv`, headers: await as(reader) });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, reader.id), eq(auditLog.action, "assessment.analysis_read")));
    expect(entries.map((e) => e.details)).toEqual([
      { students: rows.length, format: "json" },
      { students: rows.length, format: "csv" },
    ]);
    expect(entries[0]?.subjectId).toBe(assessment.id);
  });

  it("exports the same numbers as CSV and XLSX", async () => {
    const analysis = await analysisAs(people.leader as TestPerson);
    const expected = analysis.targets.map((x) => [x.code, x.assessed, x.proficient, x.proficientPercent]);
    const csv = await app.inject({
      url: `/api/v1/assessments/${assessment.id}/analysis.csv`,
      headers: await as(people.leader as TestPerson),
    });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain("unit-1-check-analysis.csv");
    const table: string[][] = parse(csv.body, { bom: true, relax_column_count: true });
    const header = table.findIndex((row) => row[0] === "Target");
    const csvRows = table.slice(header + 1, header + 3).map((r) => [r[0], Number(r[5]), Number(r[6]), Number(r[7])]);
    expect(csvRows).toEqual(expected);
    const item = table.find((row) => row[0] === "Question 1");
    expect(item?.[7]).toBe(analysis.items[0]?.mostCommonWrong?.response);

    const xlsx = await app.inject({
      url: `/api/v1/assessments/${assessment.id}/analysis.xlsx`,
      headers: await as(people.leader as TestPerson),
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "By target",
      "By class",
      "By teacher",
      "Items",
      "Students",
      "Intervention and extension",
      "Subgroups",
    ]);
    const sheet = workbook.getWorksheet("By target");
    const sheetRows = [3, 4].map((n) => {
      const values = sheet?.getRow(n).values as unknown[];
      return [values[1], values[6], values[7], values[8]];
    });
    expect(sheetRows).toEqual(expected);
    const subgroups = workbook.getWorksheet("Subgroups");
    const asianRow = subgroups?.getRows(2, 40)?.find((r) => r.getCell(1).value === "Asian");
    expect(asianRow?.getCell(3).value).toBe("fewer than 10");
  });

  it("gives null for a target a student has no result on, and counts them as not entered there", async () => {
    const before = await analysisAs(people.leader as TestPerson);
    const student = await buildStudent(t.db, district, { classIds: [classIds.a as string], givenName: "Partial" });
    await t.db.insert(targetResults).values({
      districtId: district.id,
      assessmentId: assessment.id,
      targetId: targetB,
      studentId: student.id,
      classId: classIds.a,
      points: 4,
      level: 4,
    });
    const analysis = await analysisAs(people.leader as TestPerson);
    const index = analysis.students.findIndex((s) => s.id === student.id);
    expect(analysis.students[index]?.status).toBe("completed");
    expect(analysis.targets.map((target) => target.studentLevels[index])).toEqual([null, 4]);
    expect(analysis.targets[1]?.atTopLevel).toContain(student.id);
    expect(analysis.targets.map((target) => target.notEntered)).toEqual(
      before.targets.map((target, i) => target.notEntered + (i === 0 ? 1 : 0)),
    );
  });

  it("lists students of the assessment's classes with nothing entered as not entered, per target and class", async () => {
    const before = await analysisAs(people.leader as TestPerson);
    const missing = await buildStudent(t.db, district, { classIds: [classIds.a as string], givenName: "Missing" });
    const analysis = await analysisAs(people.leader as TestPerson);
    const index = analysis.students.findIndex((s) => s.id === missing.id);
    expect(analysis.students[index]).toMatchObject({ status: "not_entered", classId: classIds.a });
    expect(analysis.sittings).toEqual({ ...before.sittings, notEntered: before.sittings.notEntered + 1 });
    for (const [i, target] of analysis.targets.entries()) {
      expect(target.studentLevels[index]).toBeNull();
      expect(target.notEntered).toBe((before.targets[i]?.notEntered ?? 0) + 1);
      // Not a result: nothing else on the target moves, and they are in no list of who needs more time.
      expect(target.assessed).toBe(before.targets[i]?.assessed);
      expect(target.belowProficient).not.toContain(missing.id);
    }
    const classA = (groups: AssessmentAnalysis["classes"]) => groups.find((c) => c.id === classIds.a);
    expect(classA(analysis.classes)?.notEntered).toBe((classA(before.classes)?.notEntered ?? 0) + 1);
    expect(classA(analysis.classes)?.targets).toEqual(classA(before.classes)?.targets);
    const csv = await app.inject({
      url: `/api/v1/assessments/${assessment.id}/analysis.csv`,
      headers: await as(people.leader as TestPerson),
    });
    const table: string[][] = parse(csv.body, { bom: true, relax_column_count: true });
    const first = table.find((row) => row[0] === "Assessment");
    expect(first?.slice(-2)).toEqual(["Not entered", String(analysis.sittings.notEntered)]);
  });

  it("shows a partly scored target apart: in no level, not in needs more time, not ready for extension", async () => {
    const targetId = (await insertTarget(t.db, district, null, "PART.1")).id;
    const check = await insertAssessment(t.db, district, {
      communityId: null,
      classIds: [],
      targetIds: [targetId],
      items: [
        { maxPoints: 4, targetIndex: 0 },
        { maxPoints: 4, targetIndex: 0 },
      ],
    });
    const [full, half, low] = await Promise.all(
      ["Full", "Half", "Low"].map((givenName) =>
        buildStudent(t.db, district, { classIds: [classIds.a as string], givenName }),
      ),
    );
    const sittings = [
      [full, [4, 4]],
      [half, [2, 4]],
      [low, [1, 0]],
    ] as const;
    for (const [student, points] of sittings) {
      await insertSitting(t.db, district, check, {
        studentId: student?.id as string,
        classId: classIds.a as string,
        status: "completed",
        points: [...points],
      });
    }
    // Half's second item is left blank: 2 points on half the items, which the cut scores read as level 2.
    await t.db
      .delete(itemScores)
      .where(and(eq(itemScores.studentId, half?.id as string), eq(itemScores.itemId, check.items[1]?.id as string)));
    await t.db.transaction((tx) => recomputeTargetResults(tx, check.id, [half?.id as string]));

    const response = await app.inject({
      url: `/api/v1/assessments/${check.id}/analysis`,
      headers: await as(people.leader as TestPerson),
    });
    expect(response.statusCode, response.body).toBe(200);
    const analysis: AssessmentAnalysis = response.json();
    const target = analysis.targets[0];
    const levelOf = (id: string | undefined) => target?.studentLevels[analysis.students.findIndex((s) => s.id === id)];
    expect(levelOf(half?.id)).toBeLessThan(3);
    expect(target?.partlyScored).toEqual([half?.id]);
    expect(target?.belowProficient).toEqual([low?.id]);
    expect(target?.atTopLevel).toEqual([full?.id]);
    // The test's own count: three sittings, one partly scored, so two results in the levels.
    expect(target?.assessed).toBe(sittings.length - 1);
    expect(target?.levels.reduce((sum, l) => sum + l.count, 0)).toBe(sittings.length - 1);
  });

  it("lists nobody as ready for extension when proficient is the top level", async () => {
    const targetId = (await insertTarget(t.db, district, null, "TOP.1")).id;
    const check = await insertAssessment(t.db, district, {
      communityId: null,
      classIds: [],
      targetIds: [targetId],
      items: [{ maxPoints: 4, targetIndex: 0 }],
    });
    await t.db
      .update(assessmentTargets)
      .set({ proficientLevel: 4 })
      .where(and(eq(assessmentTargets.assessmentId, check.id), eq(assessmentTargets.targetId, targetId)));
    const points = [4, 4, 3];
    const students = await Promise.all(
      points.map((_, i) => buildStudent(t.db, district, { classIds: [classIds.a as string], givenName: `Top${i}` })),
    );
    for (const [i, student] of students.entries()) {
      await insertSitting(t.db, district, check, {
        studentId: student.id,
        classId: classIds.a as string,
        status: "completed",
        points: [points[i] as number],
      });
    }
    const response = await app.inject({
      url: `/api/v1/assessments/${check.id}/analysis`,
      headers: await as(people.leader as TestPerson),
    });
    const target = response.json<AssessmentAnalysis>().targets[0];
    expect(target).toMatchObject({ topLevel: 4, proficientLevel: 4, atTopLevel: [] });
    // The test's own counts: two students at level 4 are proficient, the one at 3 is below.
    expect(target?.proficient).toBe(points.filter((p) => p === 4).length);
    expect(target?.belowProficient).toEqual([students[2]?.id]);
  });
});
