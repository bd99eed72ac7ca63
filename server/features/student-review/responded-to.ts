import { type SQL, sql } from "drizzle-orm";

/**
 * Whether intervention plan `p` answers a result below proficiency on `targetId` of an assessment given on
 * `givenOn`: the plan names the target (or names none), and it was open at some time from `givenOn` to `lastDay`
 * (started by `lastDay` and not closed before `givenOn`). A plan already running when the assessment was given
 * counts: the student is being responded to, and listing them again would send the team after the wrong students.
 */
export function isResponseTo(p: string, targetId: SQL, givenOn: SQL, lastDay: SQL | null): SQL {
  const plan = sql.raw(p);
  return sql`(${plan}.kind = 'intervention'
    and (cardinality(${plan}.learning_target_ids) = 0 or ${targetId} = any(${plan}.learning_target_ids))
    and (${plan}.closed_at is null or ${plan}.closed_at::date >= ${givenOn})
    ${lastDay === null ? sql`` : sql`and ${plan}.start_date <= ${lastDay}`})`;
}
