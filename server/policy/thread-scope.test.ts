import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Database } from "../db/client";
import { discussionThreads } from "../db/schema";
import { findThreadWithTarget } from "../features/discussions/thread-target";
import type { TestPerson } from "../test/factories";
import { buildScopeReaders, expectScopeMatchesRule } from "../test/scope-readers";
import { signedInActor } from "../test/signed-in-actor";
import { createTestDatabase } from "../test/test-db";
import { can } from "./authorize";
import { visibleThreadsFilter } from "./thread-scope";

let database: Database;
let people: Record<string, TestPerson>;
const threadIds: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const readers = await buildScopeReaders(database);
  people = readers.people;
  const { person } = readers;
  async function start(name: string, by: TestPerson, communityId: string | null) {
    const [row] = await database.db
      .insert(discussionThreads)
      .values({ districtId: by.districtId, communityId, title: name, body: name, bodyHtml: name, authorId: by.id })
      .returning({ id: discussionThreads.id });
    threadIds[name] = row?.id as string;
  }
  await start("forum", person("author"), null);
  await start("elementaryTeam", person("facilitator"), readers.elementaryTeam.id);
  await start("highTeam", person("member"), readers.highTeam.id);
  // Authorship does not open a thread to its author once they no longer read where it is.
  await start("authorsElementaryTeam", person("author"), readers.elementaryTeam.id);
  await start("elsewhere", person("otherTeacher"), null);
});
afterAll(async () => database?.close());

const expected: Record<string, string[]> = {
  leader: ["forum", "elementaryTeam", "highTeam", "authorsElementaryTeam"],
  principal: ["forum", "highTeam"],
  author: ["forum"],
  teacher: ["forum"],
  member: ["forum", "highTeam"],
  facilitator: ["forum", "elementaryTeam", "authorsElementaryTeam"],
  guestParent: ["highTeam"],
  parent: [],
  otherTeacher: ["elsewhere"],
};

describe("the discussion threads each person may read", () => {
  for (const [who, names] of Object.entries(expected)) {
    it(`${who}: the SQL scope and the thread.read rule agree`, async () => {
      const actor = await signedInActor(database, people[who] as TestPerson);
      const rows = await database.db.execute<{ id: string }>(
        sql`select t.id from discussion_threads t where ${visibleThreadsFilter(actor)}`,
      );
      const scoped = new Set(rows.rows.map((row) => row.id));
      await expectScopeMatchesRule(who, scoped, { ids: threadIds, expected: names }, async (id) => {
        const loaded = await findThreadWithTarget(database.db, id);
        if (!loaded) throw new Error(`no thread ${id}`);
        return can(actor, "thread.read", loaded.target);
      });
    });
  }
});
