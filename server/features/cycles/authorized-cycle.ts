import type { Db } from "../../db/client";
import { notFound } from "../../errors";
import type { Actor } from "../../policy/actor";
import { authorize } from "../../policy/authorize";
import { loadCycleTarget } from "./cycles.queries";

/** A cycle (what the cycle rules judge, with its title and team) once `action` is allowed on it; 404 when unknown. */
export async function authorizedCycle(
  db: Db,
  actor: Actor,
  cycleId: string,
  action: "cycle.read" | "cycle.contribute" | "cycle.manage",
) {
  const cycle = (await loadCycleTarget(db, cycleId)) ?? notFound("cycle");
  authorize(actor, action, cycle);
  return cycle;
}
