import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { ResourceScope } from "../../contract/library";
import type { Database } from "../db/client";
import { resources } from "../db/schema";
import { findResource, resourceTarget } from "../features/library/library.queries";
import type { TestPerson } from "../test/factories";
import { buildScopeReaders, expectScopeMatchesRule } from "../test/scope-readers";
import { signedInActor } from "../test/signed-in-actor";
import { createTestDatabase } from "../test/test-db";
import { can } from "./authorize";
import { visibleResourcesFilter } from "./resource-scope";

let database: Database;
let people: Record<string, TestPerson>;
const resourceIds: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const readers = await buildScopeReaders(database);
  people = readers.people;
  const { district, person } = readers;
  async function share(name: string, scope: ResourceScope, by: TestPerson, where = {}) {
    const [row] = await database.db
      .insert(resources)
      .values({ districtId: by.districtId, kind: "strategy", title: name, scope, createdById: by.id, ...where })
      .returning({ id: resources.id });
    resourceIds[name] = row?.id as string;
  }
  const author = person("author");
  await share("private", "private", author);
  await share("elementaryTeam", "community", author, { communityId: readers.elementaryTeam.id });
  await share("highTeam", "community", author, { communityId: readers.highTeam.id });
  await share("elementarySchool", "school", author, { schoolId: district.schools.elementary.id });
  await share("highSchool", "school", author, { schoolId: district.schools.high.id });
  await share("district", "district", author);
  await share("facilitatorPrivate", "private", person("facilitator"));
  await share("elsewhere", "district", person("otherTeacher"));
});
afterAll(async () => database?.close());

const everyAuthorShare = ["private", "elementaryTeam", "highTeam", "elementarySchool", "highSchool", "district"];
const expected: Record<string, string[]> = {
  leader: ["elementaryTeam", "highTeam", "elementarySchool", "highSchool", "district"],
  principal: ["highTeam", "highSchool", "district"],
  author: everyAuthorShare,
  teacher: ["elementarySchool", "district"],
  member: ["highTeam", "highSchool", "district"],
  facilitator: ["facilitatorPrivate", "elementaryTeam", "elementarySchool", "district"],
  guestParent: ["highTeam"],
  parent: [],
  otherTeacher: ["elsewhere"],
};

describe("the library resources each person may read", () => {
  for (const [who, names] of Object.entries(expected)) {
    it(`${who}: the SQL scope and the resource.read rule agree`, async () => {
      const actor = await signedInActor(database, people[who] as TestPerson);
      const rows = await database.db.execute<{ id: string }>(
        sql`select r.id from resources r where ${visibleResourcesFilter(actor)}`,
      );
      const scoped = new Set(rows.rows.map((row) => row.id));
      await expectScopeMatchesRule(who, scoped, { ids: resourceIds, expected: names }, async (id) => {
        const row = await findResource(database.db, actor, id);
        if (!row) throw new Error(`no resource ${id}`);
        return can(actor, "resource.read", resourceTarget(row));
      });
    });
  }
});
