import { forbidden, notFound } from "../errors";
import type { Actor } from "./actor";
import { noteCheck } from "./checked-actions";
import { type Action, refusalRevealedBy, rules, type TargetOf } from "./rules";

/** Asks one rule; true when the actor may do `action` to `target`. */
export function can<A extends Action>(actor: Actor, action: A, target: TargetOf<A>): boolean {
  const rule = rules[action] as (actor: Actor, target: TargetOf<A>) => boolean;
  return rule(actor, target);
}

/**
 * Throws unless the actor may act. 404 when the actor may not even know the target exists (another district,
 * or no right to what refusalRevealedBy names for this action), 403 when they may see it but not do this.
 */
export function authorize<A extends Action>(actor: Actor, action: A, target: TargetOf<A>): void {
  noteCheck(action);
  if (can(actor, action, target)) return;
  if ((target as { districtId: string }).districtId !== actor.districtId) notFound();
  // District-level actions (lists, creation, the audit log) have nothing to hide: the district is known.
  if (!("id" in (target as object))) forbidden();
  const revealer = refusalRevealedBy[action] as Action | undefined;
  if (revealer && can(actor, revealer, target as never)) forbidden();
  notFound();
}

/**
 * Throws 403 with `refusal` unless the actor may do `action` to every target: for work on several things inside
 * one the actor already sees (a group's plans), where saying which one is refused would tell nothing new.
 */
export function authorizeEach<A extends Action>(
  actor: Actor,
  action: A,
  targets: readonly TargetOf<A>[],
  refusal: string,
): void {
  noteCheck(action);
  if (!targets.every((target) => can(actor, action, target))) forbidden(refusal);
}

/** The name an ability takes in a response: the action's part after the dot ("assessment.update" -> "update"). */
export type AbilityName<A extends Action> = A extends `${string}.${infer Name}` ? Name : never;

/** One boolean per action asked, keyed by its ability name, so the compiler checks it against the contract. */
export type Abilities<A extends Action> = { [K in A as AbilityName<K>]: boolean };

/** The abilities the web app uses to show or hide controls; it never re-implements a rule. */
export function abilities<A extends Action>(actor: Actor, actions: readonly A[], target: TargetOf<A>): Abilities<A> {
  const result: Record<string, boolean> = {};
  for (const action of actions) result[action.split(".")[1] as string] = can(actor, action, target);
  return result as Abilities<A>;
}
