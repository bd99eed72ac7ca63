import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Me } from "../../contract/auth";
import { ROLES, type RoleName } from "../../contract/people";
import { roleAssignments, schools } from "../db/schema";
import { can } from "../policy/authorize";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../test/factories";
import { signedInActor } from "../test/signed-in-actor";
import { createTestApp, sessionHeaders } from "../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let district: TestDistrict;
/** A school of the district where nobody holds a role: only a district-wide reader may roll it up. */
let untiedSchoolId: string;
const people = new Map<string, TestPerson>();

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db, "Me abilities");
  for (const role of ROLES) people.set(role, await buildPerson(t.db, district, role));
  // A leader of both schools still leads only those: the rollup's choices are exactly their schools.
  const principal = await buildPerson(t.db, district, "school_leader");
  await t.db.insert(roleAssignments).values({
    districtId: district.id,
    personId: principal.id,
    role: "school_leader",
    schoolId: district.schools.high.id,
  });
  people.set("leader of both schools", principal);
  const [untied] = await t.db
    .insert(schools)
    .values({ districtId: district.id, name: "West Middle", level: "middle" })
    .returning();
  untiedSchoolId = untied?.id as string;
});
afterAll(async () => t?.close());

async function meOf(person: TestPerson): Promise<Me> {
  const response = await t.app.inject({ url: "/api/v1/me", headers: await sessionHeaders(t.db, person) });
  expect(response.statusCode).toBe(200);
  return Me.parse(response.json());
}

describe("/me's abilities agree with the rules for every role", () => {
  it.each([...ROLES, "leader of both schools"])("%s", async (name) => {
    const person = people.get(name) as TestPerson;
    const actor = await signedInActor(t.database, person);
    const me = await meOf(person);
    const inDistrict = { districtId: district.id };
    const schoolIds = [district.schools.elementary.id, district.schools.high.id, untiedSchoolId];
    const rollsUp = schoolIds.filter((schoolId) => can(actor, "analysis.rollup", { ...inDistrict, schoolId }));
    const shares = schoolIds.filter((schoolId) =>
      can(actor, "resource.create", { ...inDistrict, scope: "school", schoolId, community: null }),
    );

    expect(me.can.addResource).toBe(
      can(actor, "resource.create", { ...inDistrict, scope: "private", schoolId: null, community: null }),
    );
    expect(me.can.manageApiTokens).toBe(can(actor, "apiToken.manage", inDistrict));
    expect(me.can.readInterventionReports).toBe(
      can(actor, "interventionReport.read", { ...inDistrict, schoolId: null }),
    );
    expect(me.can.readTargetRollup).toBe(can(actor, "analysis.rollup", { ...inDistrict, schoolId: null }));
    expect(me.can.rollUpDistrict).toBe(rollsUp.includes(untiedSchoolId));
    // Every school offered is one the rule allows; short of the whole district, every school allowed is offered.
    expect(me.rollupSchools.every((school) => rollsUp.includes(school.id))).toBe(true);
    if (!me.can.rollUpDistrict) expect(me.rollupSchools.map((school) => school.id).sort()).toEqual(rollsUp.sort());
    // The resource form offers the schools of the person's roles that the rule lets them share with.
    const roleSchools = actor.roles.flatMap((role) => (role.schoolId ? [role.schoolId] : []));
    expect(me.resourceSchools.map((school) => school.id)).toEqual(
      roleSchools.filter((schoolId) => shares.includes(schoolId)),
    );
  });

  it("gives the reports and the rollup to leaders only, and the whole district to its leaders", async () => {
    const leaders: RoleName[] = ["district_leader", "school_leader"];
    for (const role of ROLES) {
      const me = await meOf(people.get(role) as TestPerson);
      expect([role, me.can.readInterventionReports, me.can.readTargetRollup]).toEqual([
        role,
        leaders.includes(role),
        leaders.includes(role),
      ]);
      expect([role, me.can.rollUpDistrict]).toEqual([role, role === "district_leader"]);
    }
    const both = await meOf(people.get("leader of both schools") as TestPerson);
    expect(both.rollupSchools.map((school) => school.id).sort()).toEqual(
      [district.schools.elementary.id, district.schools.high.id].sort(),
    );
  });
});
