import type { TokenScope } from "../../contract/api-tokens";
import type { RoutePolicy } from "../types";
import type { Action } from "./rules";

/**
 * The route policies each API token scope opens. A token reaches a route only when one of its scopes lists the
 * route's policy; the rule itself is then asked as for a session, so a token never does more than its person
 * may. Nothing else is reachable with a token: no "signed-in" route (passwords, sessions, tokens), no change
 * to people, teams or plans.
 */
const SCOPE_POLICIES: Record<TokenScope, readonly Action[]> = {
  "rosters:read": [
    "school.list",
    "school.read",
    "person.list",
    "person.read",
    "community.list",
    "community.read",
    "student.list",
    "student.read",
  ],
  "results:write": ["assessment.read", "assessment.enterResults", "standard.read"],
  "analysis:read": [
    "assessment.read",
    "assessment.analyze",
    "analysis.rollup",
    "standard.read",
    "goal.list",
    "goal.read",
    "interventionReport.read",
  ],
};

/** Whether a token with these scopes may reach a route with this policy (public routes need no scope). */
export function tokenMayUse(scopes: readonly TokenScope[], policy: RoutePolicy): boolean {
  if (policy === "public") return true;
  if (policy === "signed-in") return false;
  return scopes.some((scope) => SCOPE_POLICIES[scope].includes(policy));
}
