import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
});
afterAll(async () => t?.close());

const as = (person: TestPerson) => sessionHeaders(t.db, person);

describe("people directory", () => {
  it("shows a roster placeholder address as no email, and offers no invitation to it", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    const imported = await buildPerson(t.db, district, "teacher", { status: "invited", name: "No Email Teacher" });
    await t.db.execute(
      sql`update people set email = ${`t-${imported.id}@${district.slug}.roster.invalid`} where id = ${imported.id}`,
    );
    const person = (await app.inject({ url: `/api/v1/people/${imported.id}`, headers: await as(leader) })).json();
    expect(person.email).toBe("");
    expect(person.can).toMatchObject({ update: true, invite: false });
    const invite = await app.inject({
      method: "POST",
      url: `/api/v1/people/${imported.id}/invite`,
      headers: await as(leader),
    });
    expect(invite.statusCode).toBe(422);
    expect(invite.json().detail).toMatch(/no email address/);
  });

  it("searches by name or email, filters by role and school, sorts and pages", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    for (let i = 0; i < 7; i++) await buildPerson(t.db, district, "coach", { name: `Zelda Coach ${i}` });
    await buildPerson(t.db, district, "coach", { name: "Zelda High", schoolId: district.schools.high.id });
    const headers = await as(leader);
    const page1 = (await app.inject({ url: "/api/v1/people?q=zelda&pageSize=5", headers })).json();
    expect(page1.total).toBe(8);
    expect(page1.items).toHaveLength(5);
    expect(page1.items.map((p: { displayName: string }) => p.displayName)).toEqual([
      "Zelda Coach 0",
      "Zelda Coach 1",
      "Zelda Coach 2",
      "Zelda Coach 3",
      "Zelda Coach 4",
    ]);
    const page2 = (await app.inject({ url: "/api/v1/people?q=zelda&pageSize=5&page=2", headers })).json();
    expect(page2.items).toHaveLength(3);
    expect(page2.total).toBe(8);
    const high = (
      await app.inject({ url: `/api/v1/people?q=zelda&schoolId=${district.schools.high.id}`, headers })
    ).json();
    expect(high.items.map((p: { displayName: string }) => p.displayName)).toEqual(["Zelda High"]);
    const none = (await app.inject({ url: "/api/v1/people?q=zelda&role=teacher", headers })).json();
    expect(none).toMatchObject({ total: 0, items: [] });
    const wildcard = (await app.inject({ url: "/api/v1/people?q=%25", headers })).json();
    expect(wildcard.total).toBe(0);
  });

  it("offers only staff when asked (who may deliver a plan), at a school or anywhere", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    const high = district.schools.high.id;
    await buildPerson(t.db, district, "teacher", { name: "Quill Teacher", schoolId: high });
    await buildPerson(t.db, district, "family_member", { name: "Quill Parent", schoolId: high });
    await buildPerson(t.db, district, "community_member", { name: "Quill Neighbour", schoolId: high });
    const headers = await as(leader);
    const names = async (url: string) =>
      (await app.inject({ url, headers })).json().items.map((p: { displayName: string }) => p.displayName);
    expect(await names("/api/v1/people?q=quill")).toEqual(["Quill Neighbour", "Quill Parent", "Quill Teacher"]);
    expect(await names("/api/v1/people?q=quill&staff=true")).toEqual(["Quill Teacher"]);
    expect(await names(`/api/v1/people?q=quill&staff=true&schoolId=${high}`)).toEqual(["Quill Teacher"]);
    expect(await names("/api/v1/people?q=quill&staff=true&role=family_member")).toEqual([]);
  });
});

describe("managing people", () => {
  it("a school leader manages their own school's staff, not another school's, and cannot grant district roles", async () => {
    const principal = await buildPerson(t.db, district, "school_leader");
    const headers = await as(principal);
    const ownTeacher = await buildPerson(t.db, district, "teacher");
    const highTeacher = await buildPerson(t.db, district, "teacher", { schoolId: district.schools.high.id });
    const rename = (id: string) =>
      app.inject({ method: "PATCH", url: `/api/v1/people/${id}`, headers, payload: { displayName: "Renamed" } });
    expect((await rename(ownTeacher.id)).statusCode).toBe(200);
    expect((await rename(highTeacher.id)).statusCode).toBe(403);
    const promote = await app.inject({
      method: "PATCH",
      url: `/api/v1/people/${ownTeacher.id}`,
      headers,
      payload: { roles: [{ role: "district_leader", schoolId: null }] },
    });
    expect(promote.statusCode).toBe(403);
    const elsewhere = await app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers,
      payload: {
        email: "x1@test.example",
        displayName: "X",
        roles: [{ role: "teacher", schoolId: district.schools.high.id }],
      },
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it("validates roles against the district's schools", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    const other = await buildDistrict(t.db, "Elsewhere");
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers: await as(leader),
      payload: {
        email: "roles@test.example",
        displayName: "Roles",
        roles: [
          { role: "teacher", schoolId: null },
          { role: "district_leader", schoolId: district.schools.high.id },
          { role: "coach", schoolId: other.schools.high.id },
        ],
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/roles/0/schoolId",
      "/body/roles/1/schoolId",
      "/body/roles/2/schoolId",
    ]);
  });

  it("refuses a taken email, whatever its case", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    const taken = await buildPerson(t.db, district, "teacher");
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/people",
      headers: await as(leader),
      payload: {
        email: taken.email.toUpperCase(),
        displayName: "Dup",
        roles: [{ role: "teacher", schoolId: district.schools.high.id }],
      },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors[0].pointer).toBe("/body/email");
  });

  it("deactivation signs the person out and blocks sign-in; reactivation restores them", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    const teacher = await buildPerson(t.db, district, "teacher");
    const teacherHeaders = await as(teacher);
    const headers = await as(leader);
    const off = await app.inject({ method: "POST", url: `/api/v1/people/${teacher.id}/deactivate`, headers });
    expect(off.json().status).toBe("deactivated");
    expect((await app.inject({ url: "/api/v1/me", headers: teacherHeaders })).statusCode).toBe(401);
    const on = await app.inject({ method: "POST", url: `/api/v1/people/${teacher.id}/reactivate`, headers });
    expect(on.json().status).toBe("active");
  });

  it("a leader cannot deactivate themselves or drop their own district role", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    const headers = await as(leader);
    expect(
      (await app.inject({ method: "POST", url: `/api/v1/people/${leader.id}/deactivate`, headers })).statusCode,
    ).toBe(403);
    const demote = await app.inject({
      method: "PATCH",
      url: `/api/v1/people/${leader.id}`,
      headers,
      payload: { roles: [{ role: "teacher", schoolId: district.schools.high.id }] },
    });
    expect(demote.statusCode).toBe(422);
  });

  it("records every change in the audit log", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    const teacher = await buildPerson(t.db, district, "teacher");
    const headers = await as(leader);
    await app.inject({
      method: "PATCH",
      url: `/api/v1/people/${teacher.id}`,
      headers,
      payload: { displayName: "Audited" },
    });
    const log = (await app.inject({ url: `/api/v1/audit?subjectId=${teacher.id}`, headers })).json();
    expect(log.items[0]).toMatchObject({
      action: "person.updated",
      actorId: leader.id,
      subjectType: "person",
      subjectId: teacher.id,
      ip: "127.0.0.1",
      details: { fields: ["displayName"] },
    });
    expect(log.items[0].requestId).toEqual(expect.any(String));
  });
});
