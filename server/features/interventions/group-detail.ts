import type { GroupDetail, GroupListItem } from "../../../contract/interventions";
import type { Db } from "../../db/client";
import { notFound } from "../../errors";
import type { Actor } from "../../policy/actor";
import { can } from "../../policy/authorize";
import { groupTarget, presentGroupDetail, presentGroupListItem } from "./interventions.present";
import { findGroup, type GroupRow, listGroupPlans, loadScores, loadSessions } from "./interventions.queries";
import { findPlanTargets } from "./plan-target";

/** A group the actor may know of, or 404. */
export async function requireGroup(db: Db, actor: Actor, id: string): Promise<GroupRow> {
  return (await findGroup(db, actor, id)) ?? notFound("intervention group");
}

/** The groups of a list the actor may read, each with its active plans' latest scores. */
export async function loadGroupList(db: Db, actor: Actor, rows: GroupRow[]): Promise<GroupListItem[]> {
  const readable = rows.filter((row) => can(actor, "group.read", groupTarget(row)));
  const plans = await listGroupPlans(
    db,
    actor,
    readable.map((row) => row.id),
    { activeOnly: true },
  );
  const scores = await loadScores(
    db,
    plans.map((p) => p.id),
  );
  return readable.map((row) => presentGroupListItem(row, plans, scores));
}

/** A group's page, read afresh: its plans, scores and sessions, and which plans the actor may record progress on. */
export async function loadGroupDetail(db: Db, actor: Actor, id: string): Promise<GroupDetail> {
  const row = await requireGroup(db, actor, id);
  const plans = await listGroupPlans(db, actor, [row.id]);
  const ids = plans.map((p) => p.id);
  const [scores, sessions] = [await loadScores(db, ids), await loadSessions(db, ids)];
  const targets = await findPlanTargets(db, ids);
  const recordable = new Set(
    [...targets.values()].filter((target) => can(actor, "plan.recordProgress", target)).map((target) => target.id),
  );
  return presentGroupDetail(actor, row, plans, scores, sessions, recordable);
}
