import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AssessmentAnalysis, percentOf } from "../../../contract/analysis";
import type { FixtureAssessment } from "../../test/analysis-fixture";
import { buildAnalysisScenario, expectedTally, type ScenarioRow } from "../../test/analysis-scenario";
import type { TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let people: Record<string, TestPerson>;
let classIds: Record<string, string>;
let assessment: FixtureAssessment;
let targetA: string;
let targetB: string;
let rows: ScenarioRow[];

const as = (person: TestPerson) => sessionHeaders(t.db, person);

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  ({ people, classIds, assessment, targetA, targetB, rows } = await buildAnalysisScenario(t.db));
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

describe("the team analysis of an assessment", () => {
  it("counts the levels on each target, absent and exempt students apart and never as zero", async () => {
    const analysis = await analysisAs(people.leader as TestPerson);
    expect(analysis.sittings).toEqual({
      assessed: rows.filter((r) => r.status === "completed").length,
      absent: rows.filter((r) => r.status === "absent").length,
      exempt: rows.filter((r) => r.status === "exempt").length,
      notEntered: 0,
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
    const sample = rows.find((row) => row.status === "completed") as ScenarioRow;
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
    const count = (test: (row: ScenarioRow) => boolean) => completed.filter(test).length;
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
});
