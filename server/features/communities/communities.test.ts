import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../../contract/people";
import { actionItems, communityMembers, discussionThreads, meetings, resources } from "../../db/schema";
import { can } from "../../policy/authorize";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";
import { findCommunity } from "./communities.queries";

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

async function createCommunity(
  facilitator: TestPerson,
  schoolIds = [district.schools.elementary.id, district.schools.high.id],
) {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/communities",
    headers: await as(facilitator),
    payload: { name: "K-12 literacy network", kind: "cross_school", purpose: "Better readers", schoolIds },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe("communities", () => {
  it("a teacher starts a cross-school community, facilitates it, and adds members from two schools", async () => {
    const facilitator = await buildPerson(t.db, district, "teacher");
    const elementaryTeacher = await buildPerson(t.db, district, "teacher");
    const highTeacher = await buildPerson(t.db, district, "teacher", { schoolId: district.schools.high.id });
    const parent = await buildPerson(t.db, district, "family_member");
    const community = await createCommunity(facilitator);
    expect(community).toMatchObject({ isMember: true, memberCount: 1, can: { update: true } });
    expect(community.schools).toHaveLength(2);
    const headers = await as(facilitator);
    for (const [person, teamRole] of [
      [elementaryTeacher, "recorder"],
      [highTeacher, "member"],
      [parent, "guest"],
    ] as const) {
      const added = await app.inject({
        method: "POST",
        url: `/api/v1/communities/${community.id}/members`,
        headers,
        payload: { personId: person.id, teamRole },
      });
      expect(added.statusCode, added.body).toBe(201);
    }
    const again = await app.inject({
      method: "POST",
      url: `/api/v1/communities/${community.id}/members`,
      headers,
      payload: { personId: parent.id },
    });
    expect(again.statusCode).toBe(409);
    const home = (await app.inject({ url: `/api/v1/communities/${community.id}`, headers })).json();
    expect(home.members.map((m: { teamRole: string }) => m.teamRole)).toEqual([
      "facilitator",
      "recorder",
      "member",
      "guest",
    ]);
    const parentView = (
      await app.inject({ url: `/api/v1/communities/${community.id}`, headers: await as(parent) })
    ).json();
    expect(parentView.can).toEqual({
      approveStudentSharing: false,
      shareStudents: false,
      update: false,
      contribute: false,
      participate: true,
    });
  });

  it("is invisible to staff who are not members and do not lead its schools", async () => {
    const facilitator = await buildPerson(t.db, district, "teacher");
    const outsider = await buildPerson(t.db, district, "teacher");
    const principal = await buildPerson(t.db, district, "school_leader");
    const community = await createCommunity(facilitator, [district.schools.elementary.id]);
    expect(
      (await app.inject({ url: `/api/v1/communities/${community.id}`, headers: await as(outsider) })).statusCode,
    ).toBe(404);
    const list = (await app.inject({ url: "/api/v1/communities?pageSize=200", headers: await as(outsider) })).json();
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(community.id);
    expect(
      (await app.inject({ url: `/api/v1/communities/${community.id}`, headers: await as(principal) })).statusCode,
    ).toBe(200);
  });

  it("keeps at least one facilitator", async () => {
    const facilitator = await buildPerson(t.db, district, "teacher");
    const community = await createCommunity(facilitator);
    const demoted = await app.inject({
      method: "PATCH",
      url: `/api/v1/communities/${community.id}/members/${facilitator.id}`,
      headers: await as(facilitator),
      payload: { teamRole: "member" },
    });
    expect(demoted.statusCode).toBe(422);
    const leaving = await app.inject({
      method: "DELETE",
      url: `/api/v1/communities/${community.id}/members/${facilitator.id}`,
      headers: await as(facilitator),
    });
    expect(leaving.statusCode).toBe(422);
  });

  it("lists exactly the communities the read rule allows, for every role (scope and rule agree)", async () => {
    const other = await buildDistrict(t.db, "Scope district");
    const facilitator = await buildPerson(t.db, other, "coach");
    const elementary = await createCommunityIn(facilitator, [other.schools.elementary.id]);
    const high = await createCommunityIn(facilitator, [other.schools.high.id]);
    const member = await buildPerson(t.db, other, "teacher");
    await t.db.insert(communityMembers).values({ districtId: other.id, communityId: high, personId: member.id });
    for (const role of ROLES) {
      const person = await buildPerson(t.db, other, role);
      for (const viewer of [person, member, facilitator]) {
        const session = await as(viewer);
        const listed = (
          await app.inject({ url: "/api/v1/communities?pageSize=200&includeArchived=true", headers: session })
        ).json();
        const me = (await app.inject({ url: "/api/v1/me", headers: session })).json();
        const { findActorBySessionToken } = await import("../../auth/sessions");
        const actor = await findActorBySessionToken(t.db, t.database.pool, session.cookie.split("=")[1] as string);
        expect(me.id).toBe(viewer.id);
        const readable = [];
        for (const id of [elementary, high]) {
          const community = await findCommunity(t.db, id);
          if (actor && community && can(actor, "community.read", community)) readable.push(id);
        }
        expect(listed.items.map((c: { id: string }) => c.id).sort()).toEqual(readable.sort());
      }
    }
  });

  async function createCommunityIn(facilitator: TestPerson, schoolIds: string[]) {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/communities",
      headers: await as(facilitator),
      payload: { name: `Team ${Math.random()}`, kind: "grade_level", schoolIds },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  }
});

describe("norms", () => {
  it("versions norms, records agreement by every member, and averages anonymous check-in ratings", async () => {
    const facilitator = await buildPerson(t.db, district, "teacher");
    const member = await buildPerson(t.db, district, "teacher");
    const community = await createCommunity(facilitator);
    const headers = await as(facilitator);
    await app.inject({
      method: "POST",
      url: `/api/v1/communities/${community.id}/members`,
      headers,
      payload: { personId: member.id },
    });
    const v1 = await app.inject({
      method: "PUT",
      url: `/api/v1/communities/${community.id}/norms`,
      headers,
      payload: { norms: ["Start and end on time", "Student data stays in the room"] },
    });
    expect(v1.json().current).toMatchObject({ version: 1, allAgreed: false });
    const v2 = await app.inject({
      method: "PUT",
      url: `/api/v1/communities/${community.id}/norms`,
      headers,
      payload: {
        norms: ["Start and end on time", "Student data stays in the room", "Everyone speaks"],
        changeNote: "Added a norm",
      },
    });
    expect(v2.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    await app.inject({ method: "POST", url: `/api/v1/communities/${community.id}/norms/agree`, headers });
    const agreed = await app.inject({
      method: "POST",
      url: `/api/v1/communities/${community.id}/norms/agree`,
      headers: await as(member),
    });
    expect(agreed.json().current).toMatchObject({ version: 2, allAgreed: true });
    expect(agreed.json().current.agreedBy).toHaveLength(2);

    const today = new Date().toISOString().slice(0, 10);
    const scheduled = await app.inject({
      method: "POST",
      url: `/api/v1/communities/${community.id}/checkins`,
      headers,
      payload: { opensOn: today, closesOn: "2099-01-01" },
    });
    const checkinId = scheduled.json().items[0].id;
    const respond = async (person: TestPerson, ratings: number[]) =>
      app.inject({
        method: "POST",
        url: `/api/v1/communities/${community.id}/checkins/${checkinId}/responses`,
        headers: await as(person),
        payload: { ratings },
      });
    expect((await respond(facilitator, [4, 3, 2])).statusCode).toBe(201);
    expect((await respond(member, [3, 3])).statusCode).toBe(422);
    const second = await respond(member, [3, 2, 1]);
    // While open, and with so few responses, averages would give people away.
    expect(second.json().items[0]).toMatchObject({ responses: 2, averages: [null, null, null], hasResponded: true });
    expect((await respond(member, [1, 1, 1])).statusCode).toBe(409);
    const third = await buildPerson(t.db, district, "teacher");
    await t.db
      .insert(communityMembers)
      .values({ districtId: district.id, communityId: community.id, personId: third.id });
    expect((await respond(third, [2, 3, 3])).statusCode).toBe(201);
    await t.db.execute(
      sql`update norm_checkins set opens_on = current_date - 7, closes_on = current_date - 1 where id = ${checkinId}`,
    );
    const closed = (await app.inject({ url: `/api/v1/communities/${community.id}/checkins`, headers })).json();
    expect(closed.items[0]).toMatchObject({ responses: 3, averages: [3, 2.67, 2], isOpen: false });
    const ratings = await t.db.execute(sql`select * from norm_ratings where checkin_id = ${checkinId}`);
    expect(Object.keys(ratings.rows[0] ?? {})).not.toContain("person_id");
  });
});

describe("community home page", () => {
  it("costs the same number of queries with 5 or 100 members, meetings, action items, threads and resources", async () => {
    async function homeQueryCount(size: number) {
      const facilitator = await buildPerson(t.db, district, "teacher");
      const community = await createCommunity(facilitator);
      for (let i = 0; i < size - 1; i++) {
        const person = await buildPerson(t.db, district, "teacher");
        await t.db
          .insert(communityMembers)
          .values({ districtId: district.id, communityId: community.id, personId: person.id });
      }
      const now = Date.now();
      await t.db.insert(meetings).values(
        Array.from({ length: size }, (_, i) => ({
          districtId: district.id,
          communityId: community.id,
          title: `Meeting ${i}`,
          startsAt: new Date(now + (i - size / 2) * 86_400_000),
          endsAt: new Date(now + (i - size / 2) * 86_400_000 + 3_600_000),
        })),
      );
      await t.db.insert(actionItems).values(
        Array.from({ length: size }, (_, i) => ({
          districtId: district.id,
          communityId: community.id,
          title: `Item ${i}`,
        })),
      );
      await t.db.insert(resources).values(
        Array.from({ length: size }, (_, i) => ({
          districtId: district.id,
          kind: "strategy" as const,
          title: `Strategy ${i}`,
          scope: "community" as const,
          communityId: community.id,
          createdById: facilitator.id,
        })),
      );
      await t.db.insert(discussionThreads).values(
        Array.from({ length: size }, (_, i) => ({
          districtId: district.id,
          communityId: community.id,
          title: `Thread ${i}`,
          body: "Body",
          bodyHtml: "<p>Body</p>",
          authorId: facilitator.id,
        })),
      );
      const headers = await as(facilitator);
      // Everything the community home page asks for: the home itself, its recent threads and its resources.
      const homePage = [
        `/api/v1/communities/${community.id}`,
        `/api/v1/communities/${community.id}/threads?pageSize=3`,
        `/api/v1/resources?communityId=${community.id}&pageSize=5`,
      ];
      for (const url of homePage) await app.inject({ url, headers });
      const pool = t.database.pool;
      const original = pool.query.bind(pool);
      let count = 0;
      pool.query = ((...args: Parameters<typeof original>) => {
        count++;
        return original(...args);
      }) as typeof pool.query;
      const responses = [];
      for (const url of homePage) responses.push(await app.inject({ url, headers }));
      pool.query = original;
      expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect(responses[0]?.json().members).toHaveLength(size);
      expect(responses[1]?.json().total).toBe(size);
      expect(responses[2]?.json().total).toBe(size);
      return count;
    }
    const small = await homeQueryCount(5);
    const large = await homeQueryCount(100);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});
