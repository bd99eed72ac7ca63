import type { RoleName } from "../../contract/people";
import { type Actor, isDistrictLeader, isStaff, leadsSchool, schoolsLed } from "./actor";

export type DistrictOwned = { districtId: string };
export type PersonTarget = DistrictOwned & { id: string; roles: { role: RoleName; schoolId: string | null }[] };

function inDistrict(actor: Actor, target: DistrictOwned): boolean {
  return actor.districtId === target.districtId;
}

/** A school leader manages people whose every role is a school role at a school they lead. */
function managesPerson(actor: Actor, person: PersonTarget): boolean {
  if (!inDistrict(actor, person)) return false;
  if (isDistrictLeader(actor)) return true;
  if (schoolsLed(actor).size === 0 || person.roles.length === 0) return false;
  return person.roles.every((r) => r.role !== "district_leader" && leadsSchool(actor, r.schoolId));
}

/**
 * Every permission in Collective. Each rule is a pure function of the actor and a small target shape;
 * the target always names its district, and a rule never grants across districts.
 */
export const rules = {
  "district.read": (a: Actor, d: DistrictOwned) => inDistrict(a, d),

  "school.list": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  "school.read": (a: Actor, s: DistrictOwned) => inDistrict(a, s) && isStaff(a),
  "school.create": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isDistrictLeader(a),
  "school.update": (a: Actor, s: DistrictOwned) => inDistrict(a, s) && isDistrictLeader(a),

  "person.list": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  "person.read": (a: Actor, p: PersonTarget) => inDistrict(a, p) && (isStaff(a) || p.id === a.personId),
  "person.create": (a: Actor, p: PersonTarget) => managesPerson(a, p),
  "person.update": (a: Actor, p: PersonTarget) => managesPerson(a, p),
  "person.deactivate": (a: Actor, p: PersonTarget) => managesPerson(a, p) && p.id !== a.personId,
  "person.invite": (a: Actor, p: PersonTarget) => managesPerson(a, p),

  "audit.read": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isDistrictLeader(a),
  "outbox.read": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isDistrictLeader(a),
} satisfies Record<string, (actor: Actor, target: never) => boolean>;

export type Action = keyof typeof rules;
export type TargetOf<A extends Action> = Parameters<(typeof rules)[A]>[1];
