import type { InterventionKind } from "../../../../contract/interventions";

/** A group name is at most this long (contract/interventions.ts). */
const MAX_NAME = 120;

/**
 * A new group's first name: what it works on, in the target's own "I can" words, so the team reads the learning and
 * not a code ("Intervention: I can compare two fractions…"). Shortened with an ellipsis to fit.
 */
export function defaultGroupName(kind: InterventionKind, statement: string): string {
  const name = `${kind === "extension" ? "Extension" : "Intervention"}: ${statement.trim().replace(/\s+/g, " ")}`;
  return name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - 1).trimEnd()}…`;
}
