import { AsyncLocalStorage } from "node:async_hooks";
import type { Action } from "./rules";

/*
 * The actions authorize() checked while one request was handled. Only the test app records them (the policy
 * matrix asserts that each route checks the action it declares); in production nothing is stored.
 */
const checked = new AsyncLocalStorage<Action[]>();

/** Runs `handle` recording into `into` every action authorize() checks meanwhile. */
export function recordingChecks<T>(into: Action[], handle: () => T): T {
  return checked.run(into, handle);
}

/** Notes that `action` was checked, when a recording is under way. */
export function noteCheck(action: Action): void {
  checked.getStore()?.push(action);
}
