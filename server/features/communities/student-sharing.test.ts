import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommunityHome } from "../../../contract/communities";
import { buildClass, buildStudent } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

// Issue 12: any staff member could give themselves a teacher's students by making a team and adding the teacher.
let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let support: TestPerson;
let highTeacher: TestPerson;
let grade3: TestPerson;
let grade5: TestPerson;
let principal: TestPerson;
let highPrincipal: TestPerson;
let highStudent: string;
let grade5Student: string;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  const { elementary, high } = district.schools;
  support = await buildPerson(t.db, district, "support_staff");
  highTeacher = await buildPerson(t.db, district, "teacher", { schoolId: high.id });
  grade3 = await buildPerson(t.db, district, "teacher");
  grade5 = await buildPerson(t.db, district, "teacher");
  principal = await buildPerson(t.db, district, "school_leader", { schoolId: elementary.id });
  highPrincipal = await buildPerson(t.db, district, "school_leader", { schoolId: high.id });
  const highClass = await buildClass(t.db, district, { schoolId: high.id, teacherIds: [highTeacher.id] });
  const grade5Class = await buildClass(t.db, district, { teacherIds: [grade5.id] });
  highStudent = (await buildStudent(t.db, district, { schoolId: high.id, classIds: [highClass.id], grade: "09" })).id;
  grade5Student = (await buildStudent(t.db, district, { classIds: [grade5Class.id], grade: "05" })).id;
});
afterAll(async () => t?.close());

async function call(person: TestPerson, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  const headers = await sessionHeaders(t.db, person);
  return app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
}

async function teamOf(creator: TestPerson, kind: string, schoolIds: string[], members: TestPerson[]) {
  const created = await call(creator, "POST", "/communities", { name: `Team ${kind}`, kind, schoolIds });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  for (const member of members) {
    const added = await call(creator, "POST", `/communities/${id}/members`, { personId: member.id });
    expect(added.statusCode, added.body).toBe(201);
  }
  return id;
}

async function studentCount(person: TestPerson) {
  return (await call(person, "GET", "/students")).json<{ total: number }>().total;
}

describe("team-based student access", () => {
  it("a staff member cannot widen their own access by making a team and adding a teacher", async () => {
    const { elementary, high } = district.schools;
    expect((await call(support, "GET", `/students/${highStudent}`)).statusCode).toBe(404);
    const before = await studentCount(support);
    const team = await teamOf(support, "grade_level", [elementary.id, high.id], [highTeacher]);
    expect((await call(support, "GET", `/students/${highStudent}`)).statusCode).toBe(404);
    expect(await studentCount(support)).toBe(before);
    // Even once the teacher chooses to share, their students are at a school the reader does not work at.
    const shared = await call(highTeacher, "PUT", `/communities/${team}/student-sharing`, { sharesStudents: true });
    expect(shared.statusCode, shared.body).toBe(200);
    expect((await call(support, "GET", `/students/${highStudent}`)).statusCode).toBe(404);
    expect(await studentCount(support)).toBe(before);
  });

  it("a member added by someone else shares their students only once they choose to", async () => {
    const team = await teamOf(grade3, "grade_level", [district.schools.elementary.id], [grade5]);
    expect((await call(grade3, "GET", `/students/${grade5Student}`)).statusCode).toBe(404);
    const home = (await call(grade3, "GET", `/communities/${team}`)).json<CommunityHome>();
    expect(home.studentSharing).toEqual({ byKind: true, approved: false });
    expect(home.members.find((m) => m.personId === grade5.id)?.sharesStudents).toBe(false);
    expect(home.can.shareStudents).toBe(true);
    // Nobody shares another member's students for them: the route sets only the caller's own choice.
    await call(grade3, "PUT", `/communities/${team}/student-sharing`, { sharesStudents: true });
    expect((await call(grade3, "GET", `/students/${grade5Student}`)).statusCode).toBe(404);

    await call(grade5, "PUT", `/communities/${team}/student-sharing`, { sharesStudents: true });
    expect((await call(grade3, "GET", `/students/${grade5Student}`)).statusCode).toBe(200);
    const after = (await call(grade3, "GET", `/communities/${team}`)).json<CommunityHome>();
    expect(after.members.find((m) => m.personId === grade5.id)?.sharesStudents).toBe(true);

    await call(grade5, "PUT", `/communities/${team}/student-sharing`, { sharesStudents: false });
    expect((await call(grade3, "GET", `/students/${grade5Student}`)).statusCode).toBe(404);
  });

  it("a vertical team shares students only while a leader of its schools approves", async () => {
    const team = await teamOf(grade3, "vertical", [district.schools.elementary.id], [grade5]);
    await call(grade5, "PUT", `/communities/${team}/student-sharing`, { sharesStudents: true });
    expect((await call(grade3, "GET", `/students/${grade5Student}`)).statusCode).toBe(404);

    const approve = (person: TestPerson, approved: boolean) =>
      call(person, "PUT", `/communities/${team}/student-sharing-approval`, { approved });
    expect((await approve(grade3, true)).statusCode).toBe(403);
    expect([403, 404]).toContain((await approve(highPrincipal, true)).statusCode);
    const approved = await approve(principal, true);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<CommunityHome>().studentSharing).toEqual({ byKind: false, approved: true });
    expect((await call(grade3, "GET", `/students/${grade5Student}`)).statusCode).toBe(200);

    // Moving the team to other schools asks for approval again; a leader may also withdraw it.
    const schoolIds = [district.schools.elementary.id, district.schools.high.id];
    const headers = await sessionHeaders(t.db, principal);
    const moved = await app.inject({
      method: "PATCH",
      url: `/api/v1/communities/${team}`,
      headers,
      payload: { schoolIds },
    });
    expect(moved.json<CommunityHome>().studentSharing.approved).toBe(false);
    expect((await call(grade3, "GET", `/students/${grade5Student}`)).statusCode).toBe(404);
    await app.inject({
      method: "PATCH",
      url: `/api/v1/communities/${team}`,
      headers,
      payload: { schoolIds: [district.schools.elementary.id] },
    });
    expect((await approve(principal, true)).statusCode).toBe(200);
    expect((await approve(principal, false)).statusCode).toBe(200);
    expect((await call(grade3, "GET", `/students/${grade5Student}`)).statusCode).toBe(404);
  });
});
