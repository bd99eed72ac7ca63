import type { RoleName } from "../../contract/people";
import { type Actor, isDistrictLeader, isMemberOf, isStaff, leadsSchool, schoolsLed, teamRoleIn } from "./actor";

export type DistrictOwned = { districtId: string };
export type PersonTarget = DistrictOwned & { id: string; roles: { role: RoleName; schoolId: string | null }[] };
export type CommunityTarget = DistrictOwned & { id: string; schoolIds: string[] };

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

/** Facilitators run their community; leaders of its schools and of the district may too. */
function managesCommunity(actor: Actor, community: CommunityTarget): boolean {
  if (!inDistrict(actor, community)) return false;
  return (
    isDistrictLeader(actor) ||
    teamRoleIn(actor, community.id) === "facilitator" ||
    community.schoolIds.some((schoolId) => leadsSchool(actor, schoolId))
  );
}

/** Members other than guests take part in the team's work: notes, attendance, action items. */
function contributesTo(actor: Actor, community: CommunityTarget): boolean {
  const role = teamRoleIn(actor, community.id);
  return (
    inDistrict(actor, community) && ((role !== undefined && role !== "guest") || managesCommunity(actor, community))
  );
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

  // A community's work is visible to its members and to those accountable for it (leaders of the district
  // and of its schools), and to nobody else; the list query applies the same scope (visibleCommunitiesFilter).
  "community.list": (a: Actor, d: DistrictOwned) => inDistrict(a, d),
  "community.read": (a: Actor, c: CommunityTarget) => isMemberOf(a, c.id) || managesCommunity(a, c),
  "community.create": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isStaff(a),
  "community.update": (a: Actor, c: CommunityTarget) => managesCommunity(a, c),
  "community.contribute": (a: Actor, c: CommunityTarget) => contributesTo(a, c),
  "community.participate": (a: Actor, c: CommunityTarget) => inDistrict(a, c) && isMemberOf(a, c.id),

  "audit.read": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isDistrictLeader(a),
  "outbox.read": (a: Actor, d: DistrictOwned) => inDistrict(a, d) && isDistrictLeader(a),
} satisfies Record<string, (actor: Actor, target: never) => boolean>;

export type Action = keyof typeof rules;
export type TargetOf<A extends Action> = Parameters<(typeof rules)[A]>[1];
