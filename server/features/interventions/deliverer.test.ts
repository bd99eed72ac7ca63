import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GroupDetail } from "../../../contract/interventions";
import { buildPerson, type TestPerson } from "../../test/factories";
import { buildGroup, buildPlan } from "../../test/intervention-factories";
import { buildInterventionScenario, type InterventionScenario } from "../../test/intervention-scenario";
import { createTestApp } from "../../test/test-app";

// Whoever delivers a plan reads the student and records their data, so it must be active staff of the
// student's school (or district-wide staff): never a family member, a stranger to the school, or a leaver.
let t: Awaited<ReturnType<typeof createTestApp>>;
let s: InterventionScenario;
let planId: string;
let groupId: string;
const refused: Record<string, TestPerson> = {};
let highSchoolCoach: TestPerson;
let districtCoach: TestPerson;

beforeAll(async () => {
  t = await createTestApp();
  s = await buildInterventionScenario(t);
  groupId = (await buildGroup(t.db, s.district, { communityId: s.ids.team })).id;
  planId = (await buildPlan(t.db, s.district, { studentId: s.ids.emma, communityId: s.ids.team, groupId })).id;
  refused.family = s.people.parent;
  refused.communityMember = await buildPerson(t.db, s.district, "community_member");
  refused.otherSchool = await buildPerson(t.db, s.district, "coach", { schoolId: s.district.schools.high.id });
  refused.invited = await buildPerson(t.db, s.district, "teacher", { status: "invited" });
  refused.deactivated = await buildPerson(t.db, s.district, "teacher", { status: "deactivated" });
  highSchoolCoach = refused.otherSchool;
  districtCoach = await buildPerson(t.db, s.district, "coach", { schoolId: null });
});
afterAll(async () => t?.close());

function pointers(body: string): string[] {
  return (JSON.parse(body) as { errors?: { pointer: string }[] }).errors?.map((e) => e.pointer) ?? [];
}

describe("who may deliver a plan", () => {
  for (const who of ["family", "communityMember", "otherSchool", "invited", "deactivated"]) {
    it(`refuses a plan delivered by ${who}, naming /body/deliveredById`, async () => {
      const person = refused[who] as TestPerson;
      const patch = await s.send(s.people.teacher, "PATCH", `/api/v1/plans/${planId}`, { deliveredById: person.id });
      expect(patch.statusCode, patch.body).toBe(422);
      expect(pointers(patch.body)).toEqual(["/body/deliveredById"]);

      const group = await s.send(s.people.teacher, "PATCH", `/api/v1/intervention-groups/${groupId}`, {
        deliveredById: person.id,
      });
      expect(group.statusCode, group.body).toBe(422);
      expect(pointers(group.body)).toEqual(["/body/deliveredById"]);

      const created = await s.send(
        s.people.teacher,
        "POST",
        `/api/v1/communities/${s.ids.team}/intervention-groups`,
        s.groupBody([s.ids.liam], { deliveredById: person.id }),
      );
      expect(created.statusCode, created.body).toBe(422);
      expect(pointers(created.body)).toEqual(["/body/deliveredById"]);

      const decided = await s.send(s.people.teacher, "POST", `/api/v1/plans/${planId}/decisions`, {
        decision: "adjust",
        reason: "Another adult takes over",
        changes: { deliveredById: person.id },
      });
      expect(decided.statusCode, decided.body).toBe(422);
      expect(pointers(decided.body)).toEqual(["/body/changes/deliveredById"]);
    });
  }

  it("accepts staff of the student's school and district-wide staff", async () => {
    for (const person of [s.people.teammate, districtCoach, s.people.leader]) {
      const patch = await s.send(s.people.teacher, "PATCH", `/api/v1/plans/${planId}`, { deliveredById: person.id });
      expect(patch.statusCode, patch.body).toBe(200);
    }
    const group = await s.send(s.people.teacher, "PATCH", `/api/v1/intervention-groups/${groupId}`, {
      deliveredById: s.people.teammate.id,
    });
    expect(group.statusCode, group.body).toBe(200);
    expect(group.json<GroupDetail>().deliveredBy?.id).toBe(s.people.teammate.id);
    expect(highSchoolCoach.schoolId).toBe(s.district.schools.high.id);
  });
});
