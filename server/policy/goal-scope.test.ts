import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { GoalLevel } from "../../contract/goals";
import type { Database } from "../db/client";
import { goals } from "../db/schema";
import { goalTarget, listGoals } from "../features/goals/goals.queries";
import type { TestPerson } from "../test/factories";
import { buildScopeReaders, expectScopeMatchesRule } from "../test/scope-readers";
import { signedInActor } from "../test/signed-in-actor";
import { createTestDatabase } from "../test/test-db";
import { can } from "./authorize";
import { isVisibleGoal } from "./goal-scope";

let database: Database;
let people: Record<string, TestPerson>;
const goalIds: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const readers = await buildScopeReaders(database);
  people = readers.people;
  const { district, person } = readers;
  async function set(name: string, level: GoalLevel, owner: TestPerson, where = {}) {
    const [row] = await database.db
      .insert(goals)
      .values({
        districtId: owner.districtId,
        level,
        ownerId: owner.id,
        title: name,
        measureKind: "checkin",
        target: 10,
        startsOn: "2030-09-01",
        dueOn: "2031-06-30",
        ...where,
      })
      .returning({ id: goals.id });
    goalIds[name] = row?.id as string;
  }
  await set("district", "district", person("leader"));
  await set("highSchool", "school", person("principal"), { schoolId: district.schools.high.id });
  await set("elementaryTeam", "team", person("facilitator"), { communityId: readers.elementaryTeam.id });
  await set("highTeam", "team", person("member"), { communityId: readers.highTeam.id });
  // A team goal owned by someone outside the team: its owner still reads it.
  await set("authorsTeamGoal", "team", person("author"), { communityId: readers.elementaryTeam.id });
  await set("authorOwn", "individual", person("author"));
  await set("teacherOwn", "individual", person("teacher"));
  await set("elsewhere", "district", person("otherTeacher"));
});
afterAll(async () => database?.close());

const everyoneOnStaff = ["district", "highSchool"];
const expected: Record<string, string[]> = {
  leader: [...everyoneOnStaff, "elementaryTeam", "highTeam", "authorsTeamGoal", "authorOwn", "teacherOwn"],
  principal: [...everyoneOnStaff, "highTeam", "authorOwn"],
  author: [...everyoneOnStaff, "authorsTeamGoal", "authorOwn"],
  teacher: [...everyoneOnStaff, "teacherOwn"],
  member: [...everyoneOnStaff, "highTeam"],
  facilitator: [...everyoneOnStaff, "elementaryTeam", "authorsTeamGoal"],
  guestParent: [],
  parent: [],
  otherTeacher: ["elsewhere"],
};

describe("the goals each person may read", () => {
  for (const [who, names] of Object.entries(expected)) {
    it(`${who}: the SQL scope and the goal.read rule agree`, async () => {
      const actor = await signedInActor(database, people[who] as TestPerson);
      const rows = await database.db.execute<{ id: string }>(
        sql`select g.id from goals g where ${isVisibleGoal(actor)}`,
      );
      const scoped = new Set(rows.rows.map((row) => row.id));
      await expectScopeMatchesRule(who, scoped, { ids: goalIds, expected: names }, async (id) => {
        const [row] = await listGoals(database.db, { id });
        if (!row) throw new Error(`no goal ${id}`);
        return can(actor, "goal.read", goalTarget(row));
      });
    });
  }
});
