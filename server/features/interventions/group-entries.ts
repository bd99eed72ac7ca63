import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import { forbidden } from "../../errors";
import type { Actor } from "../../policy/actor";
import { authorizeEach } from "../../policy/authorize";
import { refuseIfAny } from "./check-plan-input";
import { findPlanTargets } from "./plan-target";

/**
 * Quick entry for a group names plans: each must be an active plan of this group, named once, started by the
 * day entered, and one the actor may record progress on (else 403: they saw the group, not every plan).
 */
export async function groupEntryPlans(
  db: Db,
  actor: Actor,
  groupId: string,
  entries: readonly { planId: string }[],
  field: "scores" | "attendance",
  day: string,
): Promise<void> {
  const ids = entries.map((e) => e.planId);
  const result = await db.execute<{ id: string; start_date: string }>(sql`
    select id, start_date::text as start_date from intervention_plans
    where id = any(${uuidArray(ids)}) and group_id = ${groupId} and status = 'active'`);
  const starts = new Map(result.rows.map((row) => [row.id, row.start_date]));
  const dayPointer = field === "scores" ? "/body/measuredOn" : "/body/sessionOn";
  const problems: { pointer: string; detail: string }[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const start = starts.get(entry.planId);
    const at = `/body/${field}/${index}/planId`;
    if (start === undefined) problems.push({ pointer: at, detail: "Not an active plan of this group." });
    else if (seen.has(entry.planId)) problems.push({ pointer: at, detail: "This plan is listed twice." });
    else if (day < start && !problems.some((p) => p.pointer === dayPointer))
      problems.push({ pointer: dayPointer, detail: `The date is before a plan started (${start}).` });
    seen.add(entry.planId);
  }
  refuseIfAny(problems);
  const refusal = "You may not record progress for every student listed.";
  const found = await findPlanTargets(db, [...seen]);
  const targets = [...seen].map((id) => found.get(id) ?? forbidden(refusal));
  authorizeEach(actor, "plan.recordProgress", targets, refusal);
}
