import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { percentOf, type TargetRollup } from "../../../contract/analysis";
import { insertAssessment, insertSitting, insertTarget } from "../../test/analysis-fixture";
import { buildClass, buildStudent } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let other: TestDistrict;
const people: Record<string, TestPerson> = {};
let targetId: string;
/** Levels reached on the target, per school, on the October assessments. */
const levels: Record<"elementary" | "high", number[]> = { elementary: [], high: [] };
/** Each student's latest level: three elementary students were assessed again in November and reached 4. */
const latest: Record<"elementary" | "high", number[]> = { elementary: [], high: [] };
const RETAKEN = 3;

const as = (person: TestPerson) => sessionHeaders(t.db, person);

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  other = await buildDistrict(t.db, "Other District");
  people.leader = await buildPerson(t.db, district, "district_leader");
  people.principal = await buildPerson(t.db, district, "school_leader");
  people.highPrincipal = await buildPerson(t.db, district, "school_leader", { schoolId: district.schools.high.id });
  people.teacher = await buildPerson(t.db, district, "teacher");
  targetId = (await insertTarget(t.db, district, null, "W.4.1")).id;
  const retakers: { studentId: string; classId: string }[] = [];
  for (const school of ["elementary", "high"] as const) {
    const schoolId = district.schools[school].id;
    const classId = (await buildClass(t.db, district, { schoolId, teacherIds: [people.teacher.id] })).id;
    const assessment = await insertAssessment(t.db, district, {
      communityId: null,
      classIds: [classId],
      targetIds: [targetId],
      items: [{ maxPoints: 4, targetIndex: 0 }],
    });
    for (let n = 0; n < (school === "elementary" ? 7 : 5); n++) {
      const student = await buildStudent(t.db, district, { schoolId, classIds: [classId] });
      const result = await insertSitting(t.db, district, assessment, {
        studentId: student.id,
        classId,
        status: "completed",
        points: [n % 5],
      });
      levels[school].push(result.get(targetId)?.level ?? 0);
      if (school === "elementary" && n < RETAKEN) retakers.push({ studentId: student.id, classId });
    }
  }
  const november = await insertAssessment(t.db, district, {
    communityId: null,
    classIds: [retakers[0]?.classId as string],
    targetIds: [targetId],
    items: [{ maxPoints: 4, targetIndex: 0 }],
    givenOn: "2025-11-15",
  });
  for (const retaker of retakers) {
    await insertSitting(t.db, district, november, { ...retaker, status: "completed", points: [4] });
  }
  latest.elementary = levels.elementary.map((level, index) => (index < RETAKEN ? 4 : level));
  latest.high = levels.high;
  // Another district's results on its own target never appear.
  const otherClass = (await buildClass(t.db, other, { schoolId: other.schools.elementary.id })).id;
  const otherTarget = (await insertTarget(t.db, other, null, "SECRET.1")).id;
  const otherAssessment = await insertAssessment(t.db, other, {
    communityId: null,
    classIds: [otherClass],
    targetIds: [otherTarget],
    items: [{ maxPoints: 4, targetIndex: 0 }],
  });
  const otherStudent = await buildStudent(t.db, other, { schoolId: other.schools.elementary.id });
  await insertSitting(t.db, other, otherAssessment, {
    studentId: otherStudent.id,
    classId: otherClass,
    status: "completed",
  });
});
afterAll(async () => t?.close());

function expectedRow(found: number[], assessments: number) {
  const proficient = found.filter((level) => level >= 3).length;
  return {
    targetId,
    code: "W.4.1",
    assessments,
    assessed: found.length,
    proficient,
    proficientPercent: percentOf(proficient, found.length),
    levels: [1, 2, 3, 4]
      .map((level) => ({ level, count: found.filter((l) => l === level).length }))
      .filter((l) => l.count > 0),
  };
}

async function rollup(person: TestPerson, query = "") {
  return app.inject({ url: `/api/v1/analysis/targets${query}`, headers: await as(person) });
}

describe("proficiency per target across assessments", () => {
  it("counts each student of the district once, at their latest result, and never another district's", async () => {
    const response = await rollup(people.leader as TestPerson);
    expect(response.statusCode, response.body).toBe(200);
    const body: TargetRollup = response.json();
    expect(body.period).toEqual({ from: null, to: null });
    expect(body.items).toEqual([expect.objectContaining(expectedRow([...latest.elementary, ...latest.high], 3))]);
    expect(body.items[0]?.assessed).toBe(12);
    expect(response.body).not.toContain("SECRET");
  });

  it("counts the results of a period: before November, the October levels", async () => {
    const october = await rollup(people.leader as TestPerson, "?from=2025-09-01&to=2025-10-31");
    expect(october.statusCode, october.body).toBe(200);
    expect(october.json().period).toEqual({ from: "2025-09-01", to: "2025-10-31" });
    expect(october.json().items).toEqual([
      expect.objectContaining(expectedRow([...levels.elementary, ...levels.high], 2)),
    ]);
    const november = await rollup(people.leader as TestPerson, "?from=2025-11-01");
    expect(november.json().items).toEqual([expect.objectContaining(expectedRow([4, 4, 4], 1))]);
  });

  it("narrows to a school: by a school filter, or to the schools a school leader leads", async () => {
    const high = district.schools.high.id;
    const filtered = await rollup(people.leader as TestPerson, `?schoolId=${high}`);
    expect(filtered.json().items).toEqual([expect.objectContaining(expectedRow(latest.high, 1))]);
    const own = await rollup(people.principal as TestPerson);
    expect(own.json().items).toEqual([expect.objectContaining(expectedRow(latest.elementary, 2))]);
  });

  it("refuses teachers, leaders of other schools, and another district's school", async () => {
    expect((await rollup(people.teacher as TestPerson)).statusCode).toBe(403);
    const elementary = district.schools.elementary.id;
    expect((await rollup(people.highPrincipal as TestPerson, `?schoolId=${elementary}`)).statusCode).toBe(403);
    expect((await rollup(people.leader as TestPerson, `?schoolId=${other.schools.high.id}`)).statusCode).toBe(404);
  });
});
