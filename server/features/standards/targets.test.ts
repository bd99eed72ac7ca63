import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  communities,
  communityMembers,
  communitySchools,
  essentialStandards,
  learningTargets,
} from "../../db/schema";
import { importDemoFramework } from "../../demo/standards/demo-framework";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let people: Record<"member" | "facilitator" | "guest" | "outsider" | "schoolLeader" | "districtLeader", TestPerson>;
let communityId: string;
let otherCommunityId: string;
let standardId: string;

type Role = keyof typeof people;

async function buildCommunity(target: TestDistrict, members: [TestPerson, "facilitator" | "member" | "guest"][]) {
  const [community] = await t.db
    .insert(communities)
    .values({ districtId: target.id, name: "Grade 3 ELA team", kind: "grade_level" })
    .returning();
  const id = community?.id as string;
  await t.db
    .insert(communitySchools)
    .values({ districtId: target.id, communityId: id, schoolId: target.schools.elementary.id });
  for (const [person, teamRole] of members) {
    await t.db
      .insert(communityMembers)
      .values({ districtId: target.id, communityId: id, personId: person.id, teamRole });
  }
  return id;
}

async function send(role: Role, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) {
  const headers = await sessionHeaders(t.db, people[role]);
  return app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
}

async function createTarget(role: Role, statement: string, community = communityId) {
  return send(role, "POST", `/standards/${standardId}/targets`, { communityId: community, statement });
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  people = {
    member: await buildPerson(t.db, district, "teacher"),
    facilitator: await buildPerson(t.db, district, "coach"),
    guest: await buildPerson(t.db, district, "teacher"),
    outsider: await buildPerson(t.db, district, "teacher"),
    schoolLeader: await buildPerson(t.db, district, "school_leader"),
    districtLeader: await buildPerson(t.db, district, "district_leader"),
  };
  communityId = await buildCommunity(district, [
    [people.member, "member"],
    [people.facilitator, "facilitator"],
    [people.guest, "guest"],
  ]);
  const other = await buildDistrict(t.db, "Other District");
  otherCommunityId = await buildCommunity(other, []);
  await importDemoFramework(t.db, district.id);
  const search = await send("member", "GET", "/standards/search?q=RL.3.1");
  standardId = search.json().items[0].id;
});
afterAll(async () => t?.close());

describe("local learning targets under a standard", () => {
  it("a team member writes one; it is audit-logged and shown under the standard", async () => {
    const response = await createTarget("member", "I can ask and answer questions about a story.");
    expect(response.statusCode, response.body).toBe(201);
    const target = response.json();
    expect(target).toMatchObject({
      standardId,
      communityId,
      communityName: "Grade 3 ELA team",
      statement: "I can ask and answer questions about a story.",
      position: 0,
      createdBy: { id: people.member.id },
      can: { update: true, delete: true },
    });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, target.id));
    expect(audit).toMatchObject({ action: "learning_target.created", actorId: people.member.id });
    const second = await createTarget("facilitator", "I can point to the words in the text that show my answer.");
    expect(second.json().position).toBe(1);
    const detail = (await send("member", "GET", `/standards/${standardId}`)).json();
    expect(detail.learningTargets.map((x: { statement: string }) => x.statement)).toEqual([
      "I can ask and answer questions about a story.",
      "I can point to the words in the text that show my answer.",
    ]);
    expect(detail.targetCommunities).toEqual([{ id: communityId, name: "Grade 3 ELA team" }]);
  });

  it("the team's managers may write one; guests and others may not", async () => {
    expect((await createTarget("schoolLeader", "I can retell a fable.")).statusCode).toBe(201);
    expect((await createTarget("districtLeader", "I can retell a myth.")).statusCode).toBe(201);
    expect((await createTarget("guest", "I can guess.")).statusCode).toBe(403);
    expect((await createTarget("outsider", "I can intrude.")).statusCode).toBe(404);
    expect((await createTarget("member", "Elsewhere", otherCommunityId)).statusCode).toBe(404);
  });

  it("only those who may read the team see its targets", async () => {
    const guestView = (await send("guest", "GET", `/standards/${standardId}`)).json();
    expect(guestView.learningTargets.length).toBeGreaterThan(0);
    expect(guestView.learningTargets.every((x: { can: { update: boolean } }) => !x.can.update)).toBe(true);
    expect(guestView.targetCommunities).toEqual([]);
    const outsiderView = (await send("outsider", "GET", `/standards/${standardId}`)).json();
    expect(outsiderView.learningTargets).toEqual([]);
  });

  it("is edited and deleted by the team, and by nobody else", async () => {
    const target = (await createTarget("member", "I can find the main idea.")).json();
    const patch = { statement: "I can find the central message.", code: "RL.3.2-T1" };
    expect((await send("outsider", "PATCH", `/standards/targets/${target.id}`, patch)).statusCode).toBe(404);
    expect([403, 404]).toContain((await send("guest", "PATCH", `/standards/targets/${target.id}`, patch)).statusCode);
    const edited = await send("member", "PATCH", `/standards/targets/${target.id}`, patch);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject(patch);
    const empty = await send("member", "PATCH", `/standards/targets/${target.id}`, { statement: "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].pointer).toBe("/body/statement");
    expect((await send("outsider", "DELETE", `/standards/targets/${target.id}`)).statusCode).toBe(404);
    expect((await send("facilitator", "DELETE", `/standards/targets/${target.id}`)).statusCode).toBe(200);
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, target.id));
    expect(actions.map((a) => a.action).sort()).toEqual([
      "learning_target.created",
      "learning_target.deleted",
      "learning_target.updated",
    ]);
  });

  it("leaves the targets that unpack an essential standard to that standard", async () => {
    const [essential] = await t.db
      .insert(essentialStandards)
      .values({
        districtId: district.id,
        communityId,
        standardId,
        scaleLevels: [{ level: 1, label: "Beginning", descriptor: "" }],
      })
      .returning();
    const [unpacked] = await t.db
      .insert(learningTargets)
      .values({
        districtId: district.id,
        standardId,
        communityId,
        essentialStandardId: essential?.id,
        statement: "I can cite.",
      })
      .returning();
    const detail = (await send("member", "GET", `/standards/${standardId}`)).json();
    expect(detail.learningTargets.map((x: { id: string }) => x.id)).not.toContain(unpacked?.id);
    expect((await send("member", "DELETE", `/standards/targets/${unpacked?.id}`)).statusCode).toBe(404);
  });
});
