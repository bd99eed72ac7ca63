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
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders } from "../../test/test-app";

/*
 * Results of a closed assessment keep the scale and cut scores they were scored with: a change to an essential
 * standard's scale reaches the assessments still open (or drafts), never the closed ones, their counts or the
 * calls to respond.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let district: TestDistrict;
let teacher: TestPerson;
let essentialId: string;
let closedId: string;
let openId: string;

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  const community = await buildCommunity(t.db, district, [{ personId: teacher.id, teamRole: "facilitator" }]);
  const classId = (await buildClass(t.db, district, { teacherIds: [teacher.id] })).id;
  const pupils: string[] = [];
  for (let n = 0; n < 4; n++) pupils.push((await buildStudent(t.db, district, { classIds: [classId] })).id);
  const essential = await buildEssentialStandard(t.db, district, { communityId: community.id });
  essentialId = essential.id;
  const targetId = essential.targets[0]?.id as string;
  for (const status of ["closed", "open"] as const) {
    const assessment = await buildAssessment(t.db, district, {
      communityId: community.id,
      classIds: [classId],
      status,
      items: [{ label: "Q1", maxPoints: 6, targetIds: [targetId] }],
    });
    // Points 6, 4, 4, 1 on cut scores 0, 2, 4, 6: levels 4, 3, 3, 1; three proficient at level 3.
    await buildResults(
      t.db,
      district,
      assessment,
      [6, 4, 4, 1].map((points, index) => ({ studentId: pupils[index] as string, points: [points] })),
    );
    if (status === "closed") closedId = assessment.id;
    else openId = assessment.id;
  }
});
afterAll(async () => t?.close());

/** What an assessment counts now: its proficient level, cut scores, levels, proficient and below-proficient students. */
async function countsOf(assessmentId: string) {
  const target = await t.db.execute<{ proficient_level: number; cut_scores: unknown }>(
    sql`select proficient_level, cut_scores from assessment_targets where assessment_id = ${assessmentId}`,
  );
  const levels = await t.db.execute<{ level: number }>(
    sql`select level from target_results where assessment_id = ${assessmentId} order by level`,
  );
  const proficient = await t.db.execute<{ n: number }>(sql`
    select coalesce(sum(c.students) filter (where c.level >= at.proficient_level), 0)::int as n
      from target_result_counts c join assessment_targets at on at.assessment_id = c.assessment_id
       and at.target_id = c.target_id where c.assessment_id = ${assessmentId}`);
  const below = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from below_proficient_students where assessment_id = ${assessmentId}`,
  );
  return {
    proficientLevel: target.rows[0]?.proficient_level,
    cutScores: target.rows[0]?.cut_scores,
    levels: levels.rows.map((r) => r.level),
    proficient: proficient.rows[0]?.n,
    below: below.rows[0]?.n,
  };
}

describe("a closed assessment's results", () => {
  it("keep their scale when the essential standard's proficient level is raised; open ones follow", async () => {
    const closedBefore = await countsOf(closedId);
    expect(closedBefore).toMatchObject({ proficientLevel: 3, levels: [1, 3, 3, 4], proficient: 3, below: 1 });
    expect(await countsOf(openId)).toEqual(closedBefore);
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/essential-standards/${essentialId}`,
      headers: await sessionHeaders(t.db, teacher),
      payload: { proficientLevel: 4 },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await countsOf(closedId)).toEqual(closedBefore);
    expect(await countsOf(openId)).toMatchObject({ proficientLevel: 4, levels: [1, 3, 3, 4], proficient: 1, below: 3 });
    const audit = await t.db.execute<{ details: unknown }>(
      sql`select details from audit_log where action = 'essential_standard.updated' and subject_id = ${essentialId}`,
    );
    expect(audit.rows[0]?.details).toMatchObject({ assessmentsFollowing: 1, closedAssessmentsKept: 1 });
  });
});
