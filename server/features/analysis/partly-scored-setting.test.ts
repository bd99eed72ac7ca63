import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentAnalysis } from "../../../contract/analysis";
import type { InterventionReport } from "../../../contract/intervention-reports";
import type { NotYetResponded } from "../../../contract/student-review";
import { auditLog, itemScores } from "../../db/schema";
import { type FixtureAssessment, insertAssessment, insertSitting, insertTarget } from "../../test/analysis-fixture";
import { buildClass, buildCommunity, buildStudent } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders } from "../../test/test-app";
import { recomputeTargetResults } from "../assessments/target-results";

/*
 * A team decides whether partly scored results count as "needs more time": by default they are shown apart;
 * once the team chooses so, the analysis, its exports and the "not yet responded" list count them as below.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let facilitator: TestPerson;
let member: TestPerson;
let outsider: TestPerson;
let leader: TestPerson;
let communityId: string;
let assessment: FixtureAssessment;
let halfId: string;
let lowId: string;

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.db);
  facilitator = await buildPerson(t.db, district, "teacher");
  member = await buildPerson(t.db, district, "teacher");
  outsider = await buildPerson(t.db, district, "teacher");
  leader = await buildPerson(t.db, district, "district_leader");
  communityId = (
    await buildCommunity(t.db, district, [
      { personId: facilitator.id, teamRole: "facilitator" },
      { personId: member.id, teamRole: "member" },
    ])
  ).id;
  const classId = (await buildClass(t.db, district, { teacherIds: [facilitator.id] })).id;
  const targetId = (await insertTarget(t.db, district, communityId, "PSS.1")).id;
  assessment = await insertAssessment(t.db, district, {
    communityId,
    classIds: [classId],
    targetIds: [targetId],
    items: [
      { maxPoints: 4, targetIndex: 0 },
      { maxPoints: 4, targetIndex: 0 },
    ],
    givenOn: "2026-10-01",
  });
  const [full, half, low] = await Promise.all(
    ["Full", "Half", "Low"].map((familyName) => buildStudent(t.db, district, { classIds: [classId], familyName })),
  );
  halfId = half?.id as string;
  lowId = low?.id as string;
  const points = [
    [full?.id, [4, 4]],
    [halfId, [2, 4]],
    [lowId, [1, 0]],
  ] as const;
  for (const [studentId, scores] of points) {
    await insertSitting(t.db, district, assessment, {
      studentId: studentId as string,
      classId,
      status: "completed",
      points: [...scores],
    });
  }
  // Half's second item is left blank: 2 points on half the items, which the cut scores read as below.
  await t.db
    .delete(itemScores)
    .where(and(eq(itemScores.studentId, halfId), eq(itemScores.itemId, assessment.items[1]?.id as string)));
  await t.db.transaction((tx) => recomputeTargetResults(tx, assessment.id, [halfId]));
});
afterAll(async () => t?.close());

async function get(url: string, person: TestPerson) {
  return t.app.inject({ url: `/api/v1${url}`, headers: await sessionHeaders(t.db, person) });
}

async function setChoice(person: TestPerson, countsPartlyScoredAsNeed: boolean) {
  return t.app.inject({
    method: "PATCH",
    url: `/api/v1/communities/${communityId}`,
    headers: await sessionHeaders(t.db, person),
    payload: { countsPartlyScoredAsNeed },
  });
}

/** The team's responsiveness: calls to respond (students below) and how many were answered. */
async function responsiveness() {
  const response = await get("/reports/interventions?from=2026-09-01&to=2026-10-31", leader);
  expect(response.statusCode, response.body).toBe(200);
  const team = response.json<InterventionReport>().responsiveness.byTeam.find((x) => x.communityId === communityId);
  return team?.denominator;
}

/** The names in the XLSX's "Intervention and extension" sheet, below proficient, for the one target. */
async function xlsxBelow(): Promise<string> {
  const response = await get(`/assessments/${assessment.id}/analysis.xlsx`, facilitator);
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return String(workbook.getWorksheet("Intervention and extension")?.getRow(2).getCell(2).value ?? "");
}

async function analysis(): Promise<AssessmentAnalysis> {
  const response = await get(`/assessments/${assessment.id}/analysis`, facilitator);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function notYetResponded(): Promise<string[]> {
  const response = await get(`/communities/${communityId}/not-yet-responded?asOf=2026-10-20`, facilitator);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<NotYetResponded>().items.map((item) => item.student.id);
}

describe("partly scored results as needs more time, by the team's choice", () => {
  it("keeps them apart by default", async () => {
    const community = await get(`/communities/${communityId}`, facilitator);
    expect(community.json()).toMatchObject({ countsPartlyScoredAsNeed: false });
    const result = await analysis();
    expect(result.assessment.countsPartlyScoredAsNeed).toBe(false);
    expect(result.targets[0]?.belowProficient).toEqual([lowId]);
    expect(result.targets[0]?.partlyScored).toEqual([halfId]);
    expect(await notYetResponded()).toEqual([lowId]);
    expect(await responsiveness()).toBe(1);
    expect(await xlsxBelow()).toBe("Student Low");
  });

  it("may be changed only by those who may update the community", async () => {
    expect((await setChoice(outsider, true)).statusCode).toBe(404);
    expect((await setChoice(member, true)).statusCode).toBe(403);
    expect((await analysis()).targets[0]?.belowProficient).toEqual([lowId]);
  });

  it("counts them under needs more time once the team chooses: analysis, exports, not yet responded, responsiveness", async () => {
    const response = await setChoice(facilitator, true);
    expect(response.statusCode, response.body).toBe(200);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "community.updated"), eq(auditLog.subjectId, communityId)));
    expect(entries.map((entry) => entry.details)).toEqual([
      { fields: ["countsPartlyScoredAsNeed"], countsPartlyScoredAsNeed: true },
    ]);
    const result = await analysis();
    expect(result.assessment.countsPartlyScoredAsNeed).toBe(true);
    // The test's own count: Low and Half are below the proficient level, Half on part of the items.
    expect([...(result.targets[0]?.belowProficient ?? [])].sort()).toEqual([halfId, lowId].sort());
    expect(result.targets[0]?.partlyScored).toEqual([halfId]);
    expect((await notYetResponded()).sort()).toEqual([halfId, lowId].sort());
    const csv = await get(`/assessments/${assessment.id}/analysis.csv`, facilitator);
    expect(csv.body).toContain("Partly scored (counted as below proficient, by the team's choice)");
    expect(csv.body).toContain("Student Half");
    expect(await responsiveness()).toBe(2);
    expect(await xlsxBelow()).toContain("Student Half");

    expect((await setChoice(facilitator, false)).statusCode).toBe(200);
    expect((await analysis()).targets[0]?.belowProficient).toEqual([lowId]);
  });
});
