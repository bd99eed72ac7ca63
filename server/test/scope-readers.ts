import { expect } from "vitest";
import type { Database } from "../db/client";
import { buildCommunity } from "./evidence-factories";
import { buildDistrict, buildPerson, type TestPerson } from "./factories";

/**
 * Every kind of reader the library and discussion scopes tell apart, in two districts: leaders of the district
 * and of one school, teachers with and without a team, a team's facilitator, family members with and without a
 * team (as a guest), and a teacher elsewhere. Two teams: one at each school.
 */
export async function buildScopeReaders(database: Database) {
  const db = database.db;
  const district = await buildDistrict(db, "Scope district");
  const other = await buildDistrict(db, "Elsewhere");
  const high = district.schools.high.id;
  const people: Record<string, TestPerson> = {
    leader: await buildPerson(db, district, "district_leader"),
    principal: await buildPerson(db, district, "school_leader", { schoolId: high }),
    author: await buildPerson(db, district, "teacher", { schoolId: high }),
    teacher: await buildPerson(db, district, "teacher"),
    member: await buildPerson(db, district, "teacher", { schoolId: high }),
    facilitator: await buildPerson(db, district, "coach"),
    guestParent: await buildPerson(db, district, "family_member"),
    parent: await buildPerson(db, district, "family_member"),
    otherTeacher: await buildPerson(db, other, "teacher"),
  };
  const person = (name: string) => people[name] as TestPerson;
  const elementaryTeam = await buildCommunity(db, district, [
    { personId: person("facilitator").id, teamRole: "facilitator" },
  ]);
  const highTeam = await buildCommunity(
    db,
    district,
    [{ personId: person("member").id }, { personId: person("guestParent").id, teamRole: "guest" }],
    { schoolIds: [high] },
  );
  return { district, other, people, person, elementaryTeam, highTeam };
}

/** Asserts that a scope admitted exactly the expected rows (by name), and that the rule allows exactly those. */
export async function expectScopeMatchesRule(
  who: string,
  scoped: Set<string>,
  rows: { ids: Record<string, string>; expected: string[] },
  allows: (id: string) => Promise<boolean>,
): Promise<void> {
  expect([...scoped].sort()).toEqual(rows.expected.map((name) => rows.ids[name]).sort());
  for (const [name, id] of Object.entries(rows.ids)) {
    expect(await allows(id), `${who} reads ${name}`).toBe(scoped.has(id));
  }
}
