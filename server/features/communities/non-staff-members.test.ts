import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssessment, buildClass, buildCommunity } from "../../test/evidence-factories";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

// Family and community members take part in a team as guests only, whatever team role they were given:
// norms and discussion yes, the team's work (assessments, classes, action items, the review list) no.
let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let teacher: TestPerson;
let parent: TestPerson;
let neighbour: TestPerson;
let communityId: string;
let assessmentId: string;
let classId: string;

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  parent = await buildPerson(t.db, district, "family_member");
  neighbour = await buildPerson(t.db, district, "community_member");
  const community = await buildCommunity(t.db, district, [
    { personId: teacher.id, teamRole: "facilitator" },
    { personId: parent.id, teamRole: "member" },
    { personId: neighbour.id, teamRole: "facilitator" },
  ]);
  communityId = community.id;
  classId = (await buildClass(t.db, district, { teacherIds: [teacher.id] })).id;
  assessmentId = (await buildAssessment(t.db, district, { communityId, classIds: [], items: [] })).id;
});
afterAll(async () => t?.close());

async function send(person: TestPerson, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  return app.inject({
    method,
    url,
    headers: await sessionHeaders(t.db, person),
    ...(payload ? { payload } : {}),
  });
}

describe("non-staff team members take part as guests", () => {
  for (const who of ["family member made a member", "community member made a facilitator"] as const) {
    const person = () => (who === "family member made a member" ? parent : neighbour);

    it(`${who}: still reads the community`, async () => {
      expect((await send(person(), "GET", `/api/v1/communities/${communityId}`)).statusCode).toBe(200);
    });

    it(`${who}: cannot create assessments`, async () => {
      const response = await send(person(), "POST", `/api/v1/communities/${communityId}/assessments`, {
        title: "Fractions check",
      });
      expect(response.statusCode).toBe(403);
    });

    it(`${who}: cannot attach classes to the team's assessment`, async () => {
      const response = await send(person(), "PUT", `/api/v1/assessments/${assessmentId}/classes`, {
        classIds: [classId],
      });
      expect([403, 404]).toContain(response.statusCode);
    });

    it(`${who}: cannot add action items`, async () => {
      const response = await send(person(), "POST", `/api/v1/communities/${communityId}/action-items`, {
        title: "Bring work",
      });
      expect(response.statusCode).toBe(403);
    });

    it(`${who}: cannot read the review list`, async () => {
      const response = await send(person(), "GET", `/api/v1/communities/${communityId}/review`);
      expect([403, 404]).toContain(response.statusCode);
    });

    it(`${who}: cannot manage the community`, async () => {
      const response = await app.inject({
        method: "PATCH",
        url: `/api/v1/communities/${communityId}`,
        headers: await sessionHeaders(t.db, person()),
        payload: { purpose: "Ours now" },
      });
      expect(response.statusCode).toBe(403);
    });
  }

  it("the staff facilitator still does all of it", async () => {
    expect(
      (await send(teacher, "POST", `/api/v1/communities/${communityId}/assessments`, { title: "Check" })).statusCode,
    ).toBe(201);
    expect(
      (await send(teacher, "PUT", `/api/v1/assessments/${assessmentId}/classes`, { classIds: [classId] })).statusCode,
    ).toBe(200);
    expect(
      (await send(teacher, "POST", `/api/v1/communities/${communityId}/action-items`, { title: "Bring work" }))
        .statusCode,
    ).toBe(201);
    expect((await send(teacher, "GET", `/api/v1/communities/${communityId}/review`)).statusCode).toBe(200);
  });
});
