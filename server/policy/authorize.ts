import { forbidden, notFound } from "../errors";
import type { Actor } from "./actor";
import { type Action, rules, type TargetOf } from "./rules";

/** Asks one rule; true when the actor may do `action` to `target`. */
export function can<A extends Action>(actor: Actor, action: A, target: TargetOf<A>): boolean {
  const rule = rules[action] as (actor: Actor, target: TargetOf<A>) => boolean;
  return rule(actor, target);
}

/**
 * Throws unless the actor may act. 404 when the actor may not even know the target exists
 * (another district, or no read permission), 403 when they may see it but not do this.
 */
export function authorize<A extends Action>(actor: Actor, action: A, target: TargetOf<A>): void {
  if (can(actor, action, target)) return;
  if ((target as { districtId: string }).districtId !== actor.districtId) notFound();
  // District-level actions (lists, creation, the audit log) have nothing to hide: the district is known.
  if (!("id" in (target as object))) forbidden();
  const readAction = `${action.split(".")[0]}.read` as Action;
  if (readAction !== action && readAction in rules && can(actor, readAction, target as never)) forbidden();
  notFound();
}

/** The abilities the web app uses to show or hide controls; it never re-implements a rule. */
export function abilities<A extends Action>(actor: Actor, actions: readonly A[], target: TargetOf<A>) {
  const result: Record<string, boolean> = {};
  for (const action of actions) result[action.split(".")[1] as string] = can(actor, action, target);
  return result;
}
