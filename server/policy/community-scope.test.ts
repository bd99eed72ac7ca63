import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoleName } from "../../contract/people";
import type { Database } from "../db/client";
import { communities } from "../db/schema";
import { findCommunity } from "../features/communities/communities.queries";
import { buildCommunity } from "../test/evidence-factories";
import { buildDistrict, buildPerson, type TestPerson } from "../test/factories";
import { signedInActor } from "../test/signed-in-actor";
import { createTestDatabase } from "../test/test-db";
import type { Actor } from "./actor";
import { can } from "./authorize";
import { visibleCommunitiesFilter } from "./community-scope";

let database: Database;
const people: Record<string, TestPerson> = {};
const communityIds: Record<string, string> = {};

async function visibleTo(actor: Actor): Promise<Set<string>> {
  const result = await database.db.execute<{ id: string }>(
    sql`select c.id from communities c where ${visibleCommunitiesFilter(actor)}`,
  );
  return new Set(result.rows.map((row) => row.id));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const district = await buildDistrict(db);
  const other = await buildDistrict(db, "Other District");
  const { elementary, high } = district.schools;
  const person = (role: RoleName, schoolId?: string) => buildPerson(db, district, role, schoolId ? { schoolId } : {});
  people.leader = await person("district_leader");
  people.elementaryPrincipal = await person("school_leader", elementary.id);
  people.highPrincipal = await person("school_leader", high.id);
  people.teacher = await person("teacher");
  people.guest = await person("coach");
  people.familyOnTeam = await person("family_member");
  people.outsider = await person("teacher");
  people.otherLeader = await buildPerson(db, other, "district_leader");

  communityIds.elementary = (
    await buildCommunity(db, district, [
      { personId: people.teacher.id, teamRole: "facilitator" },
      { personId: people.guest.id, teamRole: "guest" },
      { personId: people.familyOnTeam.id },
    ])
  ).id;
  communityIds.high = (await buildCommunity(db, district, [], { schoolIds: [high.id] })).id;
  communityIds.vertical = (
    await buildCommunity(db, district, [], { schoolIds: [elementary.id, high.id], kind: "vertical" })
  ).id;
  // Archiving hides a community from the default list, not from those who may read it.
  const archived = await buildCommunity(db, district, [{ personId: people.teacher.id }]);
  await db.update(communities).set({ archivedAt: new Date() }).where(eq(communities.id, archived.id));
  communityIds.archived = archived.id;
  communityIds.elsewhere = (await buildCommunity(db, other, [], { schoolIds: [other.schools.elementary.id] })).id;
});
afterAll(async () => database?.close());

const expected: Record<string, string[]> = {
  leader: ["elementary", "high", "vertical", "archived"],
  elementaryPrincipal: ["elementary", "vertical", "archived"],
  highPrincipal: ["high", "vertical"],
  teacher: ["elementary", "archived"],
  guest: ["elementary"],
  familyOnTeam: ["elementary"],
  outsider: [],
  otherLeader: ["elsewhere"],
};

describe("the communities each person may read", () => {
  for (const [who, names] of Object.entries(expected)) {
    it(`${who}: the SQL scope and the community.read rule agree`, async () => {
      const actor = await signedInActor(database, people[who] as TestPerson);
      const scoped = await visibleTo(actor);
      expect([...scoped].sort()).toEqual(names.map((name) => communityIds[name]).sort());
      for (const [name, id] of Object.entries(communityIds)) {
        const community = await findCommunity(database.db, id);
        expect(community, name).toBeDefined();
        const target = community as NonNullable<typeof community>;
        expect(can(actor, "community.read", target), `${who} reads ${name}`).toBe(scoped.has(id));
      }
    });
  }
});
