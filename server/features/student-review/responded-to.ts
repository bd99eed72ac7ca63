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

/**
 * Whether a call to respond (row `c`: its student_id, the targets it is a call on, given_on and last_day) was
 * missed: some target of it has no intervention plan responding to it in time (isResponseTo). The student's plans
 * are read by intervention_plans_student_idx.
 */
export function isMissedCall(c: string): SQL {
  const call = sql.raw(c);
  return sql`exists (select 1 from unnest(${call}.targets) t(target_id)
    where not exists (select 1 from intervention_plans p
                       where p.student_id = ${call}.student_id
                         and ${isResponseTo("p", sql`t.target_id`, sql`${call}.given_on`, sql`${call}.last_day`)}))`;
}
