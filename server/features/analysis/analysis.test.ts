import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AssessmentAnalysis, percentOf, type Tally } from "../../../contract/analysis";
import { auditLog, targetResults } from "../../db/schema";
import { buildClass, buildCommunity, buildStudent } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";
import {
  type FixtureAssessment,
  insertAssessment,
  insertDemographics,
  insertSitting,
  insertTarget,
  type Sitting,
} from "./analysis-fixture";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
const people: Record<string, TestPerson> = {};
const classIds: Record<string, string> = {};
let assessment: FixtureAssessment;
let targetA: string;
let targetB: string;
type Row = Sitting & { levels: Map<string, { points: number; level: number }>; sex: string; asian: boolean };
const rows: Row[] = [];

const as = (person: TestPerson) => sessionHeaders(t.db, person);

/** A small deterministic generator, so the data (and any failure) is the same on every run. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  for (const name of ["facilitator", "teammate", "outsider", "loner"]) {
    people[name] = await buildPerson(t.db, district, "teacher", { name: `Teacher ${name}` });
  }
  people.leader = await buildPerson(t.db, district, "district_leader");
  people.highPrincipal = await buildPerson(t.db, district, "school_leader", { schoolId: district.schools.high.id });
  const community = await buildCommunity(t.db, district, [
    { personId: people.facilitator?.id as string, teamRole: "facilitator" },
    { personId: people.teammate?.id as string },
  ]);
  classIds.a = (await buildClass(t.db, district, { title: "4A", teacherIds: [people.facilitator?.id as string] })).id;
  classIds.b = (await buildClass(t.db, district, { title: "4B", teacherIds: [people.teammate?.id as string] })).id;
  // The loner teaches a class the assessment is given to, outside the team: they see only their own students.
  classIds.d = (await buildClass(t.db, district, { title: "4D", teacherIds: [people.loner?.id as string] })).id;
  classIds.o = (await buildClass(t.db, district, { title: "4O", teacherIds: [people.outsider?.id as string] })).id;
  targetA = (await insertTarget(t.db, district, community.id, "RL.4.1")).id;
  targetB = (await insertTarget(t.db, district, community.id, "RL.4.2")).id;
  assessment = await insertAssessment(t.db, district, {
    communityId: community.id,
    classIds: [classIds.a, classIds.b, classIds.d],
    targetIds: [targetA, targetB],
    title: "Unit 1 check",
    items: [
      { maxPoints: 2, correctResponse: "B", targetIndex: 0 },
      { maxPoints: 2, targetIndex: 0 },
      { maxPoints: 4, correctResponse: "C", targetIndex: 1 },
    ],
  });
  const random = seeded(42);
  const pick = (choices: string[]) => choices[Math.floor(random() * choices.length)] as string;
  let index = 0;
  for (const [classKey, size] of [
    ["a", 24],
    ["b", 21],
    ["d", 6],
  ] as const) {
    for (let n = 0; n < size; n++, index++) {
      const classId = classIds[classKey] as string;
      const student = await buildStudent(t.db, district, { classIds: [classId], givenName: `S${index}` });
      const status = index % 17 === 5 ? "absent" : index % 23 === 7 ? "exempt" : "completed";
      const first = pick(["A", "B", "B", "D", "D", "D", "C"]);
      const third = pick(["A", "C", "C", "B", "D", "C"]);
      const sitting: Sitting = {
        studentId: student.id,
        classId,
        status,
        points: [first === "B" ? 2 : 0, Math.floor(random() * 3), third === "C" ? 4 : 0],
        responses: [first, null, third],
      };
      const levels = await insertSitting(t.db, district, assessment, sitting);
      const sex = index % 17 === 0 ? "other" : index % 5 < 2 ? "female" : "male";
      const asian = index % 7 === 0;
      await insertDemographics(t.db, district, student.id, {
        sex,
        asian,
        white: index % 9 !== 1,
        hispanicOrLatino: index % 3 === 0,
      });
      rows.push({ ...sitting, levels, sex, asian });
    }
  }
  // A stale result for an absent student must not count: absent is never scored.
  const absent = rows.find((row) => row.status === "absent") as Row;
  await t.db.insert(targetResults).values({
    districtId: district.id,
    assessmentId: assessment.id,
    targetId: targetA,
    studentId: absent.studentId,
    classId: absent.classId,
    points: 4,
    level: 4,
  });
});
afterAll(async () => t?.close());

function expectedTally(targetId: string, among: Row[]): Tally {
  const completed = among.filter((row) => row.status === "completed");
  const levels = [1, 2, 3, 4].map((level) => ({
    level,
    count: completed.filter((row) => row.levels.get(targetId)?.level === level).length,
  }));
  const proficient = completed.filter((row) => (row.levels.get(targetId)?.level ?? 0) >= 3).length;
  return {
    targetId,
    assessed: completed.length,
    proficient,
    proficientPercent: percentOf(proficient, completed.length),
    levels,
  };
}

async function analysisAs(person: TestPerson): Promise<AssessmentAnalysis> {
  const response = await app.inject({
    url: `/api/v1/assessments/${assessment.id}/analysis`,
    headers: await as(person),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe("the team analysis of an assessment", () => {
  it("counts the levels on each target, absent and exempt students apart and never as zero", async () => {
    const analysis = await analysisAs(people.leader as TestPerson);
    expect(analysis.sittings).toEqual({
      assessed: rows.filter((r) => r.status === "completed").length,
      absent: rows.filter((r) => r.status === "absent").length,
      exempt: rows.filter((r) => r.status === "exempt").length,
    });
    expect(analysis.sittings.absent).toBeGreaterThan(0);
    for (const targetId of [targetA, targetB]) {
      const target = analysis.targets.find((x) => x.targetId === targetId);
      expect(target).toMatchObject(expectedTally(targetId, rows));
    }
    expect(analysis.targets.map((x) => x.code)).toEqual(["RL.4.1", "RL.4.2"]);
  });

  it("sets classes and teachers side by side", async () => {
    const analysis = await analysisAs(people.leader as TestPerson);
    expect(analysis.classes.map((c) => c.name)).toEqual(["4A", "4B", "4D"]);
    for (const group of analysis.classes) {
      const inClass = rows.filter((row) => row.classId === group.id);
      expect(group.absent).toBe(inClass.filter((row) => row.status === "absent").length);
      expect(group.targets).toEqual([expectedTally(targetA, inClass), expectedTally(targetB, inClass)]);
    }
    const loner = analysis.teachers.find((teacher) => teacher.id === people.loner?.id);
    expect(loner?.related).toEqual(["4D"]);
    expect(loner?.targets[0]).toEqual(
      expectedTally(
        targetA,
        rows.filter((row) => row.classId === classIds.d),
      ),
    );
  });

  it("analyses items: mean, percent fully correct, and the most common wrong answer", async () => {
    const analysis = await analysisAs(people.leader as TestPerson);
    const completed = rows.filter((row) => row.status === "completed");
    for (const [index, item] of assessment.items.entries()) {
      const points = completed.map((row) => row.points?.[index] ?? 0);
      const full = points.filter((p) => p === item.maxPoints).length;
      const found = analysis.items.find((x) => x.id === item.id);
      expect(found).toMatchObject({
        scored: completed.length,
        meanPoints: Math.round((100 * points.reduce((s, p) => s + p, 0)) / points.length) / 100,
        percentFullyCorrect: percentOf(full, completed.length),
      });
      const wrong = new Map<string, number>();
      for (const row of completed) {
        const response = row.responses?.[index];
        if (response && item.correctResponse && response !== item.correctResponse) {
          wrong.set(response, (wrong.get(response) ?? 0) + 1);
        }
      }
      const [top] = [...wrong.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
      expect(found?.mostCommonWrong).toEqual(top ? { response: top[0], count: top[1] } : null);
    }
    expect(analysis.items[0]?.mostCommonWrong?.response).toBe("D");
  });

  it("lists each student's levels, and who needs intervention or extension", async () => {
    const analysis = await analysisAs(people.leader as TestPerson);
    expect(analysis.students).toHaveLength(rows.length);
    const sample = rows.find((row) => row.status === "completed") as Row;
    const levelsOf = (studentId: string) => {
      const index = analysis.students.findIndex((s) => s.id === studentId);
      return analysis.targets.map((target) => target.studentLevels[index]);
    };
    expect(levelsOf(sample.studentId)).toEqual([sample.levels.get(targetA)?.level, sample.levels.get(targetB)?.level]);
    const absent = analysis.students.find((s) => s.status === "absent");
    expect(levelsOf(absent?.id as string)).toEqual([null, null]);
    expect(analysis.targets.every((target) => target.studentLevels.length === rows.length)).toBe(true);
    const target = analysis.targets[0];
    const below = rows.filter((r) => r.status === "completed" && (r.levels.get(targetA)?.level ?? 0) < 3);
    expect(new Set(target?.belowProficient)).toEqual(new Set(below.map((r) => r.studentId)));
    const top = rows.filter((r) => r.status === "completed" && r.levels.get(targetA)?.level === 4);
    expect(new Set(target?.atTopLevel)).toEqual(new Set(top.map((r) => r.studentId)));
  });

  it("suppresses subgroups under 10 students, and groups whose complement is", async () => {
    const analysis = await analysisAs(people.leader as TestPerson);
    const completed = rows.filter((row) => row.status === "completed");
    const groupOf = (key: string) => analysis.subgroups.find((g) => g.key === key);
    const count = (test: (row: Row) => boolean) => completed.filter(test).length;
    expect(count((r) => r.asian)).toBeLessThan(10);
    expect(groupOf("asian")?.targets[0]).toEqual({ targetId: targetA, suppressed: true, reason: "fewer_than_10" });
    // Fewer than 10 are not white: white is hidden too, or subtraction from the total would reveal them.
    expect(groupOf("white")?.targets[0]).toMatchObject({ suppressed: true, reason: "protects_small_group" });
    // "Other" is small; female (the smaller of the rest) is hidden too, so other cannot be worked out.
    expect(count((r) => r.sex === "other")).toBeLessThan(10);
    expect(count((r) => r.sex === "female")).toBeLessThan(count((r) => r.sex === "male"));
    expect(groupOf("other")?.targets[0]).toMatchObject({ suppressed: true, reason: "fewer_than_10" });
    expect(groupOf("female")?.targets[0]).toMatchObject({ suppressed: true, reason: "protects_small_group" });
    const male = completed.filter((r) => r.sex === "male");
    expect(groupOf("male")?.targets[0]).toEqual({ ...expectedTally(targetA, male), suppressed: false });
    const hispanic = rows.filter((_, index) => index % 3 === 0);
    expect(groupOf("hispanicOrLatino")?.targets[1]).toEqual({ ...expectedTally(targetB, hispanic), suppressed: false });
    expect(JSON.stringify(groupOf("asian"))).not.toMatch(/"assessed"/);
  });

  it("covers only the students the reader may see", async () => {
    const loner = await analysisAs(people.loner as TestPerson);
    const lonerRows = rows.filter((row) => row.classId === classIds.d);
    expect(loner.students.map((s) => s.id).sort()).toEqual(lonerRows.map((r) => r.studentId).sort());
    expect(loner.targets[0]).toMatchObject(expectedTally(targetA, lonerRows));
    const team = await analysisAs(people.teammate as TestPerson);
    const teamRows = rows.filter((row) => row.classId !== classIds.d);
    expect(team.targets[1]).toMatchObject(expectedTally(targetB, teamRows));
    expect(team.classes.map((c) => c.name)).toEqual(["4A", "4B"]);
  });

  it("is a 404 for a teacher outside its classes and team, and for another school's leader", async () => {
    for (const person of [people.outsider, people.highPrincipal] as TestPerson[]) {
      for (const suffix of ["", ".csv", ".xlsx"]) {
        const response = await app.inject({
          url: `/api/v1/assessments/${assessment.id}/analysis${suffix}`,
          headers: await as(person),
        });
        expect(response.statusCode).toBe(404);
      }
    }
  });

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

  it("gives null for a target a student has no result on", async () => {
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
  });
});
