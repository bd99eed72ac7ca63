import type { TokenScope } from "../../contract/api-tokens";
import type { TeamRole } from "../../contract/communities";
import type { RoleName } from "../../contract/people";

/** The signed-in person, loaded once per request with everything the rules need. */
export type Actor = {
  personId: string;
  districtId: string;
  sessionId: string;
  districtName: string;
  districtSlug: string;
  /** The district's IANA time zone: its days decide what is due, overdue and upcoming. */
  timeZone: string;
  email: string;
  displayName: string;
  preferredLanguage: string;
  roles: { role: RoleName; schoolId: string | null; schoolName?: string | null }[];
  /** The communities the person belongs to, with their team role in each. */
  memberships: Record<string, TeamRole>;
  /** Set when the request came with an API token: it acts as its person, within its scopes only. */
  apiToken?: { id: string; scopes: readonly TokenScope[] };
};

export const STAFF_ROLES: readonly RoleName[] = [
  "district_leader",
  "school_leader",
  "coach",
  "teacher",
  "support_staff",
];

export function hasRole(actor: Actor, role: RoleName): boolean {
  return actor.roles.some((r) => r.role === role);
}

export function isDistrictLeader(actor: Actor): boolean {
  return hasRole(actor, "district_leader");
}

/** Educators and staff: everyone but family and community members. */
export function isStaff(actor: Actor): boolean {
  return actor.roles.some((r) => STAFF_ROLES.includes(r.role));
}

export function schoolsLed(actor: Actor): Set<string> {
  return new Set(actor.roles.filter((r) => r.role === "school_leader" && r.schoolId).map((r) => r.schoolId as string));
}

export function leadsSchool(actor: Actor, schoolId: string | null): boolean {
  return schoolId !== null && schoolsLed(actor).has(schoolId);
}

export function isMemberOf(actor: Actor, communityId: string): boolean {
  return communityId in actor.memberships;
}

export function teamRoleIn(actor: Actor, communityId: string): TeamRole | undefined {
  return actor.memberships[communityId];
}
