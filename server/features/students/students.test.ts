import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FamilyChildren, StudentPage, StudentProfile } from "../../../contract/students";
import { auditLog } from "../../db/schema";
import { insertAssessment, insertDemographics, insertSitting, insertTarget } from "../../test/analysis-fixture";
import { buildClass, buildCommunity, buildStudent, linkFamily } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
const people: Record<string, TestPerson> = {};
const ids: Record<string, string> = {};
let targetId: string;

const as = (person: TestPerson | undefined) => sessionHeaders(t.db, person as TestPerson);

async function auditCount(person: TestPerson | undefined, action: string): Promise<number> {
  const entries = await t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, (person as TestPerson).id), eq(auditLog.action, action)));
  return entries.length;
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  people.teacher = await buildPerson(t.db, district, "teacher", { name: "Ada Teacher" });
  people.teammate = await buildPerson(t.db, district, "teacher");
  people.outsider = await buildPerson(t.db, district, "teacher");
  people.parent = await buildPerson(t.db, district, "family_member");
  await buildCommunity(t.db, district, [{ personId: people.teacher.id }, { personId: people.teammate.id }]);
  const own = (await buildClass(t.db, district, { title: "Room 4", teacherIds: [people.teacher.id] })).id;
  const team = (await buildClass(t.db, district, { title: "Room 5", teacherIds: [people.teammate.id] })).id;
  const far = (await buildClass(t.db, district, { title: "Room 9", teacherIds: [people.outsider.id] })).id;
  ids.ownClass = own;
  const student = (name: string, classId: string, grade = "04") =>
    buildStudent(t.db, district, { classIds: [classId], givenName: name, familyName: "Rivera", grade });
  ids.emma = (await student("Emma", own)).id;
  ids.liam = (await student("Liam", own, "05")).id;
  ids.zed = (await student("Zed", own)).id;
  ids.sibling = (await student("Noah", team)).id;
  ids.siblingsClassmate = (await student("Olivia", team)).id;
  ids.far = (await student("Farah", far)).id;
  await linkFamily(t.db, district, people.parent.id, ids.emma);
  await linkFamily(t.db, district, people.parent.id, ids.sibling);
  await insertDemographics(t.db, district, ids.emma, { sex: "female", hispanicOrLatino: true });

  targetId = (await insertTarget(t.db, district, null, "RF.4.3")).id;
  const items = [{ maxPoints: 4, targetIndex: 0 }];
  for (const [givenOn, points] of [
    ["2025-09-15", 1],
    ["2025-10-20", 4],
  ] as const) {
    const assessment = await insertAssessment(t.db, district, {
      communityId: null,
      classIds: [own],
      targetIds: [targetId],
      items,
      title: `Phonics ${givenOn}`,
      givenOn,
    });
    await insertSitting(t.db, district, assessment, {
      studentId: ids.emma,
      classId: own,
      status: "completed",
      points: [points],
    });
    await insertSitting(t.db, district, assessment, {
      studentId: ids.sibling,
      classId: team,
      status: "completed",
      points: [2],
    });
  }
});
afterAll(async () => t?.close());

describe("the students list", () => {
  it("lists only the students the reader may see, and audits the read", async () => {
    const response = await app.inject({ url: "/api/v1/students?pageSize=50", headers: await as(people.teacher) });
    expect(response.statusCode, response.body).toBe(200);
    const page: StudentPage = response.json();
    expect(page.items.map((s) => s.id).sort()).toEqual(
      [ids.emma, ids.liam, ids.zed, ids.sibling, ids.siblingsClassmate].sort(),
    );
    expect(page.items.find((s) => s.id === ids.emma)?.classes).toEqual([{ id: ids.ownClass, title: "Room 4" }]);
    expect(await auditCount(people.teacher, "student.list_read")).toBe(1);
  });

  it("searches by name, filters by class and grade, sorts and pages", async () => {
    const get = async (query: string) =>
      (await app.inject({ url: `/api/v1/students?${query}`, headers: await as(people.teacher) })).json();
    expect((await get("q=zed")).items.map((s: { name: string }) => s.name)).toEqual(["Zed Rivera"]);
    expect((await get(`classId=${ids.ownClass}`)).total).toBe(3);
    expect((await get("grade=05")).items.map((s: { id: string }) => s.id)).toEqual([ids.liam]);
    const paged = await get("pageSize=2&page=2&sort=name");
    expect(paged).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(2);
    expect((await get("q=Farah")).total).toBe(0);
  });

  it("shows a family member only their own children", async () => {
    const page: StudentPage = (await app.inject({ url: "/api/v1/students", headers: await as(people.parent) })).json();
    expect(page.items.map((s) => s.id).sort()).toEqual([ids.emma, ids.sibling].sort());
  });

  it("offers the classes and grades of visible students as filters", async () => {
    const response = await app.inject({ url: "/api/v1/students/filters", headers: await as(people.teacher) });
    expect(response.json()).toMatchObject({ grades: expect.arrayContaining(["04", "05"]), hasMoreClasses: false });
    expect(response.json().classes.map((c: { title: string }) => c.title)).toEqual(["Room 4", "Room 5"]);
  });
});

describe("a student's page", () => {
  it("shows the profile and every target over time, without demographics, and audits the read", async () => {
    const response = await app.inject({ url: `/api/v1/students/${ids.emma}`, headers: await as(people.teacher) });
    expect(response.statusCode, response.body).toBe(200);
    const profile: StudentProfile = response.json();
    expect(profile).toMatchObject({ name: "Emma Rivera", grade: "04", school: { id: district.schools.elementary.id } });
    expect(profile.classes).toEqual([
      { id: ids.ownClass, title: "Room 4", teachers: [{ id: people.teacher?.id, name: "Ada Teacher" }] },
    ]);
    expect(profile.targets).toHaveLength(1);
    expect(profile.targets[0]?.results.map((r) => [r.date, r.points, r.maxPoints, r.level, r.isProficient])).toEqual([
      ["2025-09-15", 1, 4, 1, false],
      ["2025-10-20", 4, 4, 4, true],
    ]);
    expect(response.body).not.toMatch(/female|hispanic/i);
    expect(await auditCount(people.teacher, "student.read")).toBe(1);
  });

  it("is a 404 for a teacher guessing the id of a student outside their classes and teams", async () => {
    const guessed = await app.inject({ url: `/api/v1/students/${ids.far}`, headers: await as(people.teacher) });
    expect(guessed.statusCode).toBe(404);
    const unknown = await app.inject({
      url: "/api/v1/students/00000000-0000-4000-8000-000000000000",
      headers: await as(people.teacher),
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await app.inject({ url: `/api/v1/students/${ids.far}`, headers: await as(people.outsider) })).statusCode,
    ).toBe(200);
  });
});

describe("the family view", () => {
  it("shows a family member their own children and where each is on each target, in plain words", async () => {
    const response = await app.inject({ url: "/api/v1/family/children", headers: await as(people.parent) });
    expect(response.statusCode, response.body).toBe(200);
    const { items }: FamilyChildren = response.json();
    expect(items.map((child) => child.firstName)).toEqual(["Emma", "Noah"]);
    expect(items[0]?.targets).toEqual([
      {
        targetId,
        statement: "I can rf.4.3",
        status: "beyond",
        sentence: "Emma has shown they can do this, and more.",
        lastAssessedOn: "2025-10-20",
      },
    ]);
    expect(items[1]?.targets[0]?.sentence).toBe("Noah is working toward this goal.");
    expect(response.body).not.toMatch(/Olivia|Room|Ada Teacher|Phonics/);
    expect(await auditCount(people.parent, "family.children_read")).toBe(1);
  });

  it("never lets a family member read a sibling's classmate, and is not for staff", async () => {
    const classmate = await app.inject({
      url: `/api/v1/students/${ids.siblingsClassmate}`,
      headers: await as(people.parent),
    });
    expect(classmate.statusCode).toBe(404);
    expect((await app.inject({ url: "/api/v1/family/children", headers: await as(people.teacher) })).statusCode).toBe(
      403,
    );
  });
});
