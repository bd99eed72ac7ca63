import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildResults,
  buildStudent,
} from "../test/evidence-factories";
import { buildDistrict, buildPerson } from "../test/factories";
import { isPartlyScored } from "../test/partly-scored";
import { createTestDatabase } from "../test/test-db";
import type { Database } from "./client";

/*
 * below_proficient_students keeps, per student below on an assessment, the targets they are below on and the whole
 * ones among them (migration 0022). The rule of "partly scored" it applies when results change must agree with
 * the rule read result by result (isPartlyScored): here for every way of leaving four items blank, zero or full,
 * with one item aligned to both targets.
 */

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe("the targets below_proficient_students keeps", () => {
  it("are the targets below the cut, and the whole ones are those isPartlyScored does not flag", async () => {
    const db = database.db;
    const district = await buildDistrict(db);
    const teacher = await buildPerson(db, district, "teacher");
    const team = await buildCommunity(db, district, [{ personId: teacher.id, teamRole: "facilitator" }]);
    const [first, second] = (
      await buildEssentialStandard(db, district, {
        communityId: team.id,
        targets: ["I can compare fractions", "I can order fractions"],
      })
    ).targets;
    const t1 = first?.id as string;
    const t2 = second?.id as string;
    const room = await buildClass(db, district, { teacherIds: [teacher.id] });
    const choices = [null, 0, 2];
    const patterns = choices.flatMap((a) =>
      choices.flatMap((b) => choices.flatMap((c) => choices.map((d) => [a, b, c, d]))),
    );
    const students: string[] = [];
    for (let i = 0; i < patterns.length; i++) {
      students.push((await buildStudent(db, district, { classIds: [room.id] })).id);
    }
    const assessment = await buildAssessment(db, district, {
      communityId: team.id,
      classIds: [room.id],
      items: [
        { label: "1", maxPoints: 2, targetIds: [t1] },
        { label: "2", maxPoints: 2, targetIds: [t1] },
        { label: "3", maxPoints: 2, targetIds: [t2] },
        { label: "4", maxPoints: 2, targetIds: [t1, t2] },
      ],
      givenOn: "2030-09-10",
      cutScores: {
        [t1]: [
          { level: 1, minPoints: 0 },
          { level: 3, minPoints: 5 },
        ],
        [t2]: [
          { level: 1, minPoints: 0 },
          { level: 3, minPoints: 4 },
        ],
      },
    });
    await buildResults(
      db,
      district,
      assessment,
      students.map((studentId, i) => ({ studentId, points: patterns[i] as (number | null)[] })),
    );
    const rows = await db.execute<{ partly: boolean; listed: boolean; whole: boolean }>(sql`
      select ${isPartlyScored("tr")} as partly,
             coalesce(tr.target_id = any(bp.targets), false) as listed,
             coalesce(tr.target_id = any(bp.whole_targets), false) as whole
        from target_results tr
        join assessment_targets at on at.assessment_id = tr.assessment_id and at.target_id = tr.target_id
        left join below_proficient_students bp on bp.assessment_id = tr.assessment_id and bp.student_id = tr.student_id
       where tr.assessment_id = ${assessment.id} and tr.level < at.proficient_level`);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) expect(row).toEqual({ partly: row.partly, listed: true, whole: !row.partly });
    // Both kinds occur, so the agreement is not vacuous.
    expect(rows.rows.some((row) => row.partly)).toBe(true);
    expect(rows.rows.some((row) => !row.partly)).toBe(true);
    // Nothing else is listed: as many targets as results below the cut.
    const listed = await db.execute<{ n: number }>(sql`
      select coalesce(sum(cardinality(targets)), 0)::int as n from below_proficient_students
       where assessment_id = ${assessment.id}`);
    expect(listed.rows[0]?.n).toBe(rows.rows.length);
  });
});
