import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildResults,
  buildStudent,
} from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict } from "../../test/factories";
import { createTestApp } from "../../test/test-app";
import { cutScoreProblems, defaultCutScores } from "./cut-scores";
import { levelFor, recomputeTargetResults } from "./target-results";

const cuts = (...minPoints: number[]) => minPoints.map((min, index) => ({ level: index + 1, minPoints: min }));

describe("levelFor", () => {
  it("gives the highest level whose minimum the points reach", () => {
    const a = cuts(0, 2, 3, 4);
    expect([0, 1, 1.99, 2, 2.5, 3, 3.5, 4].map((p) => levelFor(p, a))).toEqual([1, 1, 1, 2, 2, 3, 3, 4]);
  });
  it("gives the lowest level when no minimum is met, and ignores floating-point noise", () => {
    expect(levelFor(0, cuts(1, 2))).toBe(1);
    expect(
      levelFor(0.1 + 0.2, [
        { level: 1, minPoints: 0 },
        { level: 2, minPoints: 0.3 },
      ]),
    ).toBe(2);
    expect(levelFor(3, [])).toBe(1);
  });
});

describe("cut scores", () => {
  it("are evenly spaced by default, the top level asking for every point", () => {
    expect(defaultCutScores(4, 4)).toEqual(cuts(0, 1.33, 2.67, 4));
    expect(defaultCutScores(5, 4)).toEqual(cuts(0, 1.67, 3.33, 5));
    expect(defaultCutScores(10, 2)).toEqual(cuts(0, 10));
  });
  it("must be one per level, start at 0, rise, and stay within the points", () => {
    expect(cutScoreProblems(cuts(0, 2, 3, 4), 4, 4)).toEqual([]);
    expect(cutScoreProblems(cuts(0, 2, 3), 4, 4).map((p) => p.path)).toEqual(["cutScores"]);
    expect(cutScoreProblems(cuts(1, 2, 2, 5), 4, 4).map((p) => p.path)).toEqual([
      "cutScores/0/minPoints",
      "cutScores/2/minPoints",
      "cutScores/3/minPoints",
    ]);
  });
});

describe("recomputeTargetResults", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let district: TestDistrict;
  beforeAll(async () => {
    t = await createTestApp();
    district = await buildDistrict(t.db);
  });
  afterAll(async () => t?.close());

  it("sums each target's aligned items, maps points to levels, and leaves out the absent, exempt and unscored", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const community = await buildCommunity(t.db, district, [{ personId: teacher.id }]);
    const essential = await buildEssentialStandard(t.db, district, {
      communityId: community.id,
      targets: ["I can find the main idea.", "I can cite evidence."],
    });
    const [targetA, targetB] = essential.targets.map((target) => target.id) as [string, string];
    const klass = await buildClass(t.db, district, { teacherIds: [teacher.id] });
    const s: string[] = [];
    for (let i = 0; i < 7; i++) s.push((await buildStudent(t.db, district, { classIds: [klass.id] })).id);
    // Q2 is aligned to both targets: A is worth 2 + 2 = 4, B is worth 2 + 3 = 5.
    const assessment = await buildAssessment(t.db, district, {
      communityId: community.id,
      classIds: [klass.id],
      items: [
        { label: "Q1", maxPoints: 2, targetIds: [targetA] },
        { label: "Q2", maxPoints: 2, targetIds: [targetA, targetB] },
        { label: "Q3", maxPoints: 3, targetIds: [targetB] },
      ],
      cutScores: { [targetA]: cuts(0, 2, 3, 4) },
    });
    const measured = await t.db.execute<{ target_id: string; max_points: number; cut_scores: unknown }>(
      sql`select target_id, max_points::float8 as max_points, cut_scores from assessment_targets
          where assessment_id = ${assessment.id} order by position`,
    );
    expect(measured.rows).toEqual([
      { target_id: targetA, max_points: 4, cut_scores: cuts(0, 2, 3, 4) },
      { target_id: targetB, max_points: 5, cut_scores: cuts(0, 1.67, 3.33, 5) },
    ]);
    await buildResults(t.db, district, assessment, [
      { studentId: s[0] as string, points: [2, 2, 3] },
      { studentId: s[1] as string, points: [1, 1, 0] },
      { studentId: s[2] as string, points: [2, null, null] },
      { studentId: s[3] as string, status: "absent" },
      { studentId: s[4] as string, status: "exempt" },
      { studentId: s[5] as string, points: [0, 0, 0] },
    ]);
    const results = async () =>
      (
        await t.db.execute<{ target_id: string; student_id: string; points: number; level: number; class_id: string }>(
          sql`select target_id, student_id, points::float8 as points, level, class_id from target_results
              where assessment_id = ${assessment.id}`,
        )
      ).rows;
    const levelsOf = async () =>
      Object.fromEntries(
        (await results()).map((r) => [
          `${s.indexOf(r.student_id)}${r.target_id === targetA ? "A" : "B"}`,
          [r.points, r.level],
        ]),
      );
    expect(await levelsOf()).toEqual({
      "0A": [4, 4],
      "0B": [5, 4],
      "1A": [2, 2],
      "1B": [1, 1],
      "2A": [2, 2],
      "5A": [0, 1],
      "5B": [0, 1],
    });
    expect((await results()).every((r) => r.class_id === klass.id)).toBe(true);

    // New cut scores for A move student 1 up a level; recomputing one student leaves the others alone.
    await t.db.execute(sql`update assessment_targets set cut_scores = ${JSON.stringify(cuts(0, 1, 2, 4))}::jsonb
      where assessment_id = ${assessment.id} and target_id = ${targetA}`);
    await recomputeTargetResults(t.db, assessment.id, [s[1] as string]);
    expect((await levelsOf())["1A"]).toEqual([2, 3]);
    expect((await levelsOf())["0A"]).toEqual([4, 4]);
    await recomputeTargetResults(t.db, assessment.id);
    expect((await levelsOf())["2A"]).toEqual([2, 3]);
    expect(Object.keys(await levelsOf())).toHaveLength(7);
  });
});
