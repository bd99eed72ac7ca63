import type { Me } from "../../../../contract/auth";
import type { TeamRole } from "../../../../contract/communities";

const NON_STAFF_ROLES = new Set(["family_member", "community_member"]);

/** Staff may start communities; the server decides again when the form is sent. */
export function canStartCommunity(me: Me): boolean {
  return me.navigation.includes("communities") && me.roles.some((role) => !NON_STAFF_ROLES.has(role.role));
}

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  facilitator: "Facilitator",
  recorder: "Recorder",
  member: "Member",
  guest: "Guest",
};
