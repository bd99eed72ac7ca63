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

describe("schools", () => {
  it("creates, renames, counts staff, archives and restores a school", async () => {
    const leader = await buildPerson(t.db, district, "district_leader");
    const headers = await as(leader);
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/schools",
      headers,
      payload: { name: "Cedar Middle", level: "middle" },
    });
    expect(created.statusCode).toBe(201);
    const school = created.json();
    expect(school).toMatchObject({ name: "Cedar Middle", level: "middle", archived: false, staffCount: 0 });
    await buildPerson(t.db, district, "teacher", { schoolId: school.id });
    await buildPerson(t.db, district, "family_member", { schoolId: school.id });
    expect((await app.inject({ url: `/api/v1/schools/${school.id}`, headers })).json().staffCount).toBe(1);
    const duplicate = await app.inject({
      method: "POST",
      url: "/api/v1/schools",
      headers,
      payload: { name: "cedar middle", level: "middle" },
    });
    expect(duplicate.statusCode).toBe(409);
    const archived = await app.inject({
      method: "PATCH",
      url: `/api/v1/schools/${school.id}`,
      headers,
      payload: { archived: true },
    });
    expect(archived.json().archived).toBe(true);
    const active = (await app.inject({ url: "/api/v1/schools?q=cedar", headers })).json();
    expect(active.total).toBe(0);
    const all = (await app.inject({ url: "/api/v1/schools?q=cedar&includeArchived=true", headers })).json();
    expect(all.total).toBe(1);
  });

  it("teachers see schools but cannot change them", async () => {
    const teacher = await buildPerson(t.db, district, "teacher");
    const headers = await as(teacher);
    const list = (await app.inject({ url: "/api/v1/schools", headers })).json();
    expect(list.items.every((s: { can: { update: boolean } }) => s.can.update === false)).toBe(true);
    const rename = await app.inject({
      method: "PATCH",
      url: `/api/v1/schools/${district.schools.high.id}`,
      headers,
      payload: { name: "Mine" },
    });
    expect(rename.statusCode).toBe(403);
  });
});
