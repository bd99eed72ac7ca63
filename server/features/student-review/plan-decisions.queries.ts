import { sql } from "drizzle-orm";
import type { PlanDecision } from "../../../contract/student-review";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";

type DecisionRow = {
  id: string;
  plan_id: string;
  decision: PlanDecision["decision"];
  reason: string;
  tier_before: number | null;
  tier_after: number;
  flag: string | null;
  meeting_id: string | null;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_on: string;
};

/** The decisions on these plans, oldest first: each plan's tier history. */
export async function listPlanDecisions(db: Db, planIds: readonly string[]): Promise<PlanDecision[]> {
  if (planIds.length === 0) return [];
  const result = await db.execute<DecisionRow>(sql`
    select d.id, d.plan_id, d.decision, d.reason, d.tier_before, d.tier_after, d.flag, d.meeting_id,
           d.decided_by_id, p.display_name as decided_by_name, d.decided_on::text
      from plan_decisions d
      left join people p on p.id = d.decided_by_id
     where d.plan_id = any(${uuidArray(planIds)})
     order by d.plan_id, d.decided_on, d.created_at`);
  return result.rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    decision: row.decision,
    reason: row.reason,
    tierBefore: row.tier_before,
    tierAfter: row.tier_after,
    flag: row.flag,
    meetingId: row.meeting_id,
    decidedBy: row.decided_by_id ? { id: row.decided_by_id, name: row.decided_by_name ?? "" } : null,
    decidedOn: row.decided_on,
  }));
}
