import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCycle, chooseStrategyFor } from "../../test/cycle-work-factories";
import { buildCommunity } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let teacher: TestPerson;

const as = (person: TestPerson) => sessionHeaders(t.db, person);
const pointers = (body: { errors?: { pointer: string }[] }) => (body.errors ?? []).map((e) => e.pointer);

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
});
afterAll(async () => t?.close());

const strategy = {
  kind: "strategy",
  title: "Worked examples",
  scope: "district",
  evidenceLevel: "strong",
  evidenceSource: "IES practice guide: Organizing Instruction and Study",
};

describe("the evidence behind a strategy", () => {
  it("states an evidence level and its source on strategies only, and edits them", async () => {
    const headers = await as(teacher);
    const created = await app.inject({ method: "POST", url: "/api/v1/resources", headers, payload: strategy });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ evidenceLevel: "strong", evidenceSource: strategy.evidenceSource });

    const onLessonPlan = await app.inject({
      method: "POST",
      url: "/api/v1/resources",
      headers,
      payload: { ...strategy, kind: "lesson_plan" },
    });
    expect(onLessonPlan.statusCode).toBe(400);
    expect(pointers(onLessonPlan.json())).toEqual(["/body/evidenceLevel"]);
    const noSource = await app.inject({
      method: "POST",
      url: "/api/v1/resources",
      headers,
      payload: { ...strategy, evidenceSource: "" },
    });
    expect(pointers(noSource.json())).toEqual(["/body/evidenceSource"]);

    const id = created.json().id;
    const patched = await app.inject({
      method: "PATCH",
      url: `/api/v1/resources/${id}`,
      headers,
      payload: { evidenceLevel: "promising" },
    });
    expect(patched.json()).toMatchObject({ evidenceLevel: "promising", evidenceSource: strategy.evidenceSource });
    const unsourced = await app.inject({
      method: "PATCH",
      url: `/api/v1/resources/${id}`,
      headers,
      payload: { evidenceSource: null },
    });
    expect(unsourced.statusCode).toBe(422);
    expect(pointers(unsourced.json())).toEqual(["/body/evidenceSource"]);
  });

  it("counts the finished cycles that chose a strategy, for district staff only", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/resources",
      headers: await as(teacher),
      payload: { ...strategy, title: "Spaced practice" },
    });
    const id = created.json().id;
    const family = await buildPerson(t.db, district, "family_member");
    const team = await buildCommunity(t.db, district, [
      { personId: teacher.id },
      { personId: family.id, teamRole: "guest" },
    ]);
    const finished = await buildCycle(t.db, { districtId: district.id, communityId: team.id }, { status: "finished" });
    const active = await buildCycle(t.db, { districtId: district.id, communityId: team.id });
    await buildCycle(t.db, { districtId: district.id, communityId: team.id }, { status: "finished" });
    await chooseStrategyFor(t.db, finished, id);
    await chooseStrategyFor(t.db, active, id);

    const staff = await buildPerson(t.db, district, "support_staff");
    const asStaff = await app.inject({ url: `/api/v1/resources/${id}`, headers: await as(staff) });
    expect(asStaff.json().finishedCycleCount).toBe(1);

    // A family member on the team reads the resource once it is shared there, but not the district's cycle record.
    await app.inject({
      method: "PATCH",
      url: `/api/v1/resources/${id}`,
      headers: await as(teacher),
      payload: { scope: "community", communityId: team.id },
    });
    const asFamily = await app.inject({ url: `/api/v1/resources/${id}`, headers: await as(family) });
    expect(asFamily.statusCode, asFamily.body).toBe(200);
    expect(asFamily.json().finishedCycleCount).toBeNull();
  });
});
