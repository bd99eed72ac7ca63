import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentDetail } from "../../../contract/assessments";
import type { ScaleReapplication } from "../../../contract/scale-reapplication";
import {
  buildAssessment,
  buildClass,
  buildCommunity,
  buildEssentialStandard,
  buildResults,
  buildStudent,
} from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders } from "../../test/test-app";

/*
 * A closed assessment keeps the scale it was scored with until a person who may update it chooses to re-apply
 * the current one: a preview shows the figures before and after and changes nothing; the confirmation re-levels
 * exactly as shown, audit-logged.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let facilitator: TestPerson;
let guest: TestPerson;
let outsider: TestPerson;
let closedId: string;
let openId: string;
let pupils: string[];

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.db);
  facilitator = await buildPerson(t.db, district, "teacher");
  guest = await buildPerson(t.db, district, "teacher");
  outsider = await buildPerson(t.db, district, "teacher");
  const community = await buildCommunity(t.db, district, [
    { personId: facilitator.id, teamRole: "facilitator" },
    { personId: guest.id, teamRole: "guest" },
  ]);
  const classId = (await buildClass(t.db, district, { teacherIds: [facilitator.id] })).id;
  pupils = [];
  for (let n = 0; n < 4; n++) pupils.push((await buildStudent(t.db, district, { classIds: [classId] })).id);
  const essential = await buildEssentialStandard(t.db, district, { communityId: community.id });
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
  // The essential standard now has five levels and asks for level 4: the closed assessment keeps its four levels
  // and level 3 until someone chooses.
  const response = await t.app.inject({
    method: "PATCH",
    url: `/api/v1/essential-standards/${essential.id}`,
    headers: await sessionHeaders(t.db, facilitator),
    payload: { proficientLevel: 4, scaleLevels: ["1", "2", "3", "4", "5"].map((label) => ({ label })) },
  });
  expect(response.statusCode, response.body).toBe(200);
});
afterAll(async () => t?.close());

async function send(method: "GET" | "POST", url: string, person: TestPerson) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: await sessionHeaders(t.db, person) });
}

/** The closed assessment's proficient level and each student's level, as stored. */
async function stored() {
  const target = await t.db.execute<{ proficient_level: number }>(
    sql`select proficient_level from assessment_targets where assessment_id = ${closedId}`,
  );
  const levels = await t.db.execute<{ student_id: string; level: number }>(
    sql`select student_id, level from target_results where assessment_id = ${closedId}`,
  );
  const below = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from below_proficient_students where assessment_id = ${closedId}`,
  );
  return {
    proficientLevel: target.rows[0]?.proficient_level,
    levels: Object.fromEntries(levels.rows.map((r) => [r.student_id, r.level])),
    below: below.rows[0]?.n,
  };
}

describe("re-applying the current scale to a closed assessment", () => {
  it("is offered on the closed assessment only", async () => {
    const closed = (await send("GET", `/assessments/${closedId}`, facilitator)).json<AssessmentDetail>();
    expect(closed.hasNewerScale).toBe(true);
    const open = (await send("GET", `/assessments/${openId}`, facilitator)).json<AssessmentDetail>();
    expect(open.hasNewerScale).toBe(false);
    expect((await send("GET", `/assessments/${openId}/scale-reapplication`, facilitator)).statusCode).toBe(409);
  });

  it("is refused to a non-member (404) and to a member who may not update the assessment (403)", async () => {
    for (const method of ["GET", "POST"] as const) {
      expect((await send(method, `/assessments/${closedId}/scale-reapplication`, outsider)).statusCode).toBe(404);
      expect((await send(method, `/assessments/${closedId}/scale-reapplication`, guest)).statusCode).toBe(403);
    }
  });

  it("previews the figures before and after without changing anything, then applies exactly them", async () => {
    const before = await stored();
    expect(before).toMatchObject({ proficientLevel: 3, below: 1 });
    const previewResponse = await send("GET", `/assessments/${closedId}/scale-reapplication`, facilitator);
    expect(previewResponse.statusCode, previewResponse.body).toBe(200);
    const preview = previewResponse.json<ScaleReapplication>();
    expect(await stored()).toEqual(before);
    expect(preview.applied).toBe(false);
    expect(preview.targets).toHaveLength(1);
    // The test's own count: five levels on 6 points start at 0, 1.5, 3, 4.5 and 6, so points 6, 4, 4, 1 reach
    // 5, 3, 3, 1 where they reached 4, 3, 3, 1; proficient at 3 was three, at 4 is one.
    expect(preview.targets[0]).toMatchObject({
      before: { proficientLevel: 3, levelCount: 4, assessed: 4, proficient: 3, proficientPercent: 75 },
      after: { proficientLevel: 4, levelCount: 5, assessed: 4, proficient: 1, proficientPercent: 25 },
      changes: [{ studentId: pupils[0], before: 4, after: 5 }],
      otherChanges: 0,
    });

    const confirmed = await send("POST", `/assessments/${closedId}/scale-reapplication`, facilitator);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const applied = confirmed.json<ScaleReapplication>();
    expect(applied).toEqual({ ...preview, applied: true });
    const after = await stored();
    expect(after).toEqual({
      proficientLevel: 4,
      levels: { ...before.levels, [pupils[0] as string]: 5 },
      below: 3,
    });
    const detail = (await send("GET", `/assessments/${closedId}`, facilitator)).json<AssessmentDetail>();
    expect(detail.hasNewerScale).toBe(false);

    const audit = await t.db.execute<{ details: unknown }>(
      sql`select details from audit_log where action = 'assessment.scale_reapplied' and subject_id = ${closedId}`,
    );
    expect(audit.rows.map((row) => row.details)).toEqual([
      {
        targets: [
          {
            targetId: preview.targets[0]?.targetId,
            before: { proficientLevel: 3, assessed: 4, proficient: 3 },
            after: { proficientLevel: 4, assessed: 4, proficient: 1 },
            levelsChanged: 1,
          },
        ],
      },
    ]);
  });
});
