import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResourceScope } from "../../../contract/library";
import { ROLES } from "../../../contract/people";
import { createSession, findActorBySessionToken } from "../../auth/sessions";
import { communities, communityMembers, communitySchools, resources } from "../../db/schema";
import { can } from "../../policy/authorize";
import { buildDistrict, buildPerson, type TestPerson } from "../../test/factories";
import { createTestApp } from "../../test/test-app";
import { findResource, resourceTarget } from "./library.queries";

let t: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("who sees a resource", () => {
  it("lists exactly the resources the read rule allows, for every role and team role (scope and rule agree)", async () => {
    const district = await buildDistrict(t.db, "Scope district");
    const elsewhere = await buildDistrict(t.db, "Elsewhere");
    const { elementary, high } = district.schools;
    const facilitator = await buildPerson(t.db, district, "coach");
    const author = await buildPerson(t.db, district, "teacher", { schoolId: high.id });
    const stranger = await buildPerson(t.db, elsewhere, "teacher");

    async function buildCommunity(schoolId: string) {
      const [community] = await t.db
        .insert(communities)
        .values({ districtId: district.id, name: "Team", kind: "grade_level" })
        .returning();
      const id = community?.id as string;
      await t.db.insert(communitySchools).values({ districtId: district.id, communityId: id, schoolId });
      await t.db
        .insert(communityMembers)
        .values({ districtId: district.id, communityId: id, personId: facilitator.id, teamRole: "facilitator" });
      return id;
    }
    const elementaryTeam = await buildCommunity(elementary.id);
    const highTeam = await buildCommunity(high.id);

    const ids: string[] = [];
    async function share(
      scope: ResourceScope,
      createdBy: TestPerson,
      where: { communityId?: string; schoolId?: string },
    ) {
      const [row] = await t.db
        .insert(resources)
        .values({
          districtId: createdBy.districtId,
          kind: "strategy",
          title: "R",
          scope,
          createdById: createdBy.id,
          ...where,
        })
        .returning({ id: resources.id });
      ids.push(row?.id as string);
    }
    for (const creator of [author, facilitator]) {
      await share("private", creator, {});
      await share("community", creator, { communityId: elementaryTeam });
      await share("community", creator, { communityId: highTeam });
      await share("school", creator, { schoolId: elementary.id });
      await share("school", creator, { schoolId: high.id });
      await share("district", creator, {});
    }
    await share("district", stranger, {});

    const viewers: TestPerson[] = [author, facilitator, stranger];
    let guestParent: TestPerson | undefined;
    for (const role of ROLES) {
      viewers.push(await buildPerson(t.db, district, role));
      viewers.push(await buildPerson(t.db, district, role, { schoolId: role === "district_leader" ? null : high.id }));
      for (const teamRole of ["member", "guest"] as const) {
        const member = await buildPerson(t.db, district, role);
        await t.db
          .insert(communityMembers)
          .values({ districtId: district.id, communityId: highTeam, personId: member.id, teamRole });
        viewers.push(member);
        if (role === "family_member" && teamRole === "guest") guestParent = member;
      }
    }

    const seen = new Map<string, string[]>();
    for (const viewer of viewers) {
      const { token } = await createSession(t.db, viewer, { ip: "127.0.0.1", userAgent: "test", hours: 1 });
      const actor = await findActorBySessionToken(t.db, t.database.pool, token);
      if (!actor) throw new Error("no actor");
      const listed = await t.app.inject({
        url: "/api/v1/resources?pageSize=200",
        headers: { cookie: `collective_session=${token}` },
      });
      expect(listed.statusCode).toBe(200);
      const readable: string[] = [];
      for (const id of ids) {
        const row = await findResource(t.db, actor, id);
        if (row && can(actor, "resource.read", resourceTarget(row))) readable.push(id);
      }
      const listedIds = listed.json().items.map((r: { id: string }) => r.id);
      expect(listedIds.sort(), `${viewer.role} at ${viewer.schoolId}`).toEqual(readable.sort());
      seen.set(viewer.id, listedIds);
    }
    // The same answers spelt out for a few: all their own, then others' in their communities, school and district.
    expect(seen.get(author.id)).toHaveLength(6 + 0 + 1 + 1);
    expect(seen.get(facilitator.id)).toHaveLength(6 + 2 + 1 + 1);
    expect(seen.get(stranger.id)).toHaveLength(1);
    expect(seen.get(guestParent?.id ?? "")).toHaveLength(2);
  });
});
