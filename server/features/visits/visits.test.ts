import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communityMembers } from "../../db/schema";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;

const as = (person: TestPerson) => sessionHeaders(t.db, person);

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
});
afterAll(async () => t?.close());

describe("classroom visits", () => {
  it("keeps feedback between host and visitor, shows leaders only counts, and shares with the team's staff on request", async () => {
    const host = await buildPerson(t.db, district, "teacher");
    const visitor = await buildPerson(t.db, district, "teacher");
    const teammate = await buildPerson(t.db, district, "teacher");
    const principal = await buildPerson(t.db, district, "school_leader");
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/communities",
      headers: await as(host),
      payload: { name: "Grade 2", kind: "grade_level", schoolIds: [district.schools.elementary.id] },
    });
    const communityId = created.json().id;
    await t.db.insert(communityMembers).values({ districtId: district.id, communityId, personId: teammate.id });

    const invited = await app.inject({
      method: "POST",
      url: "/api/v1/visits",
      headers: await as(host),
      payload: {
        focus: "Are all students talking during partner reading?",
        visitorIds: [visitor.id],
        communityId,
        startsAt: "2030-03-03T14:00:00Z",
      },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const visitId = invited.json().id;
    expect(invited.json()).toMatchObject({ status: "scheduled", school: { id: district.schools.elementary.id } });
    expect((await app.inject({ url: "/api/v1/me/notifications", headers: await as(visitor) })).json().unread).toBe(1);

    const feedback = await app.inject({
      method: "POST",
      url: `/api/v1/visits/${visitId}/feedback`,
      headers: await as(visitor),
      payload: {
        observations: "Twelve of fourteen pairs took turns.",
        whatWorked: "The timer",
        whatToTry: "Sentence stems",
        question: "How do you pair?",
      },
    });
    expect(feedback.statusCode, feedback.body).toBe(201);
    const feedbackId = feedback.json().feedback[0].id;
    const secret = "Twelve of fourteen pairs";

    const leaderView = await app.inject({ url: `/api/v1/visits/${visitId}`, headers: await as(principal) });
    expect(leaderView.statusCode).toBe(404);
    const leaderList = await app.inject({ url: "/api/v1/visits", headers: await as(principal) });
    expect(leaderList.body).not.toContain(secret);
    const counts = (await app.inject({ url: "/api/v1/visits/counts", headers: await as(principal) })).json();
    expect(counts.schools).toEqual([
      expect.objectContaining({ schoolId: district.schools.elementary.id, completed: 1, feedbackGiven: 1 }),
    ]);
    expect(JSON.stringify(counts)).not.toContain(secret);
    expect((await app.inject({ url: `/api/v1/visits/${visitId}`, headers: await as(teammate) })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/visits/${visitId}`, headers: await as(host) })).body).toContain(secret);

    const shared = await app.inject({
      method: "PUT",
      url: `/api/v1/visits/${visitId}/feedback/${feedbackId}/sharing`,
      headers: await as(host),
      payload: { isSharedWithTeam: true },
    });
    expect(shared.statusCode).toBe(200);
    expect((await app.inject({ url: `/api/v1/visits/${visitId}`, headers: await as(teammate) })).body).toContain(
      secret,
    );
    // Leaders see counts only, even of shared feedback: it is the team's, not an evaluation.
    expect((await app.inject({ url: `/api/v1/visits/${visitId}`, headers: await as(principal) })).statusCode).toBe(404);
    expect((await app.inject({ url: "/api/v1/visits", headers: await as(principal) })).body).not.toContain(secret);
    const districtLeader = await buildPerson(t.db, district, "district_leader");
    expect((await app.inject({ url: `/api/v1/visits/${visitId}`, headers: await as(districtLeader) })).statusCode).toBe(
      404,
    );
    // A leader who is on the team reads it as a member; a family member on the team does not (a guest only).
    const memberPrincipal = await buildPerson(t.db, district, "school_leader");
    const parent = await buildPerson(t.db, district, "family_member");
    for (const person of [memberPrincipal, parent]) {
      await t.db.insert(communityMembers).values({ districtId: district.id, communityId, personId: person.id });
    }
    expect((await app.inject({ url: `/api/v1/visits/${visitId}`, headers: await as(memberPrincipal) })).body).toContain(
      secret,
    );
    expect((await app.inject({ url: `/api/v1/visits/${visitId}`, headers: await as(parent) })).statusCode).toBe(404);
    expect((await app.inject({ url: "/api/v1/visits", headers: await as(parent) })).body).not.toContain(secret);

    await app.inject({
      method: "PUT",
      url: `/api/v1/visits/${visitId}/feedback/${feedbackId}/sharing`,
      headers: await as(host),
      payload: { isSharedWithTeam: false },
    });
    expect(
      (await app.inject({ url: `/api/v1/visits/${visitId}`, headers: await as(memberPrincipal) })).statusCode,
    ).toBe(404);
  });

  it("refuses visitors from another district and oneself", async () => {
    const host = await buildPerson(t.db, district, "teacher");
    const other = await buildDistrict(t.db, "Other");
    const stranger = await buildPerson(t.db, other, "teacher");
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/visits",
      headers: await as(host),
      payload: { focus: "x", visitorIds: [stranger.id, host.id] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/visitorIds/0",
      "/body/visitorIds/1",
    ]);
  });
});
