import type { Me } from "../../../../contract/auth";
import type { TeamRole } from "../../../../contract/communities";

/** Whether to offer "New community": the server's policy decides (and decides again when the form is sent). */
export function canStartCommunity(me: Me): boolean {
  return me.can.startCommunity;
}

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  facilitator: "Facilitator",
  recorder: "Recorder",
  member: "Member",
  guest: "Guest",
};
