import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";

/*
 * The intervention report's four sections, one statement each, all set-based. A plan, a result and a student
 * belong to a school by the student's school (students.school_id, students_school_idx), so every statement
 * starts from the few hundred students of the school and reaches plans, decisions and results by their
 * student and plan indexes; only the district-wide report reads the district's rows.
 */

/** Whose students the report covers: the district's, or those of some of its schools. */
export type ReportScope = { districtId: string; schoolIds: readonly string[] | null };
export type Period = { from: string; to: string; today: string };

/**
 * Runs one report statement with JIT compilation off: the planner cannot size the per-day and per-result
 * steps well, and compiling a query that runs in milliseconds costs a hundred more.
 */
export function withoutJit<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true)`);
    return run(tx);
  });
}

/** A condition on `students s`: the student is in the scope. */
function inScope(scope: ReportScope): SQL {
  return scope.schoolIds === null
    ? sql`s.district_id = ${scope.districtId}`
    : sql`s.district_id = ${scope.districtId} and s.school_id = any(${uuidArray(scope.schoolIds)})`;
}

/**
 * A condition on `intervention_plans p`: the plan's student is in the scope. For a school it is an array of the
 * school's students, so plans are reached by intervention_plans_student_idx (a join lets the planner scan every
 * plan of the district when most of them match the other conditions).
 */
function planInScope(scope: ReportScope): SQL {
  return scope.schoolIds === null
    ? sql`p.district_id = ${scope.districtId}`
    : sql`p.student_id = any(array(select s.id from students s where ${inScope(scope)}))`;
}

export type TierRow = { month: string; as_of: string; community_id: string | null; tier: number; students: number };

/**
 * Students by tier at the end of each month of the period (the period's end, or today, for its last month):
 * distinct students with an active intervention plan, each at the highest tier of their plans that day (per
 * team, and across teams where community_id is null). A plan's tier on a day is the tier_after of its latest
 * decision on or before that day; the "start" decision makes that the plan's starting tier.
 */
export async function queryTiersByMonth(
  db: Db,
  scope: ReportScope,
  period: Period,
  months: number,
): Promise<TierRow[]> {
  // The limit tells the planner how many days there are (it guesses 1,000 rows for generate_series).
  const result = await db.execute<TierRow>(sql`
    with days as materialized (
      select to_char(m, 'YYYY-MM') as month,
             least((m + interval '1 month' - interval '1 day')::date, ${period.to}::date, ${period.today}::date) as d
        from generate_series(date_trunc('month', ${period.from}::date), ${period.to}::date, interval '1 month') m
       limit ${months}),
    plans as (
      select p.id, p.student_id, p.community_id, p.tier, p.start_date, p.closed_at::date as closed_on
        from intervention_plans p
       where ${planInScope(scope)} and p.kind = 'intervention'
         and p.start_date <= ${period.to}::date and (p.closed_at is null or p.closed_at::date > ${period.from}::date)),
    -- Each decision's tier holds from its day until the plan's next decision (of two on one day, the later).
    tier_spans as (
      select pd.plan_id, pd.tier_after as tier, pd.decided_on as from_day,
             lead(pd.decided_on) over (partition by pd.plan_id order by pd.decided_on, pd.created_at) as to_day
        from plan_decisions pd where pd.plan_id in (select id from plans)),
    active as (
      select days.month, days.d, pl.student_id, pl.community_id, coalesce(ts.tier, pl.tier) as tier
        from days join plans pl on pl.start_date <= days.d and (pl.closed_on is null or pl.closed_on > days.d)
        left join tier_spans ts on ts.plan_id = pl.id and ts.from_day <= days.d
                               and (ts.to_day is null or ts.to_day > days.d)),
    per_team as (
      select month, community_id, student_id, max(tier) as tier from active group by month, community_id, student_id),
    per_student as (select month, student_id, max(tier) as tier from active group by month, student_id)
    select days.month, days.d::text as as_of, x.community_id, x.tier, x.students
      from days
      join (select month, community_id, tier, count(*)::int as students from per_team group by month, community_id, tier
            union all
            select month, null, tier, count(*)::int from per_student group by month, tier) x on x.month = days.month
     order by days.month`);
  return result.rows;
}

export type OverdueRow = {
  plan_id: string;
  student_id: string;
  student_name: string;
  community_id: string;
  community_name: string;
  kind: "intervention" | "extension";
  tier: number;
  review_date: string;
  days_overdue: number;
};

/** Active plans (either kind) whose review date has passed, of the students this reader may see. */
export async function queryOverduePlans(db: Db, actor: Actor, scope: ReportScope, today: string) {
  const result = await db.execute<OverdueRow>(sql`
    select p.id as plan_id, s.id as student_id,
           btrim(coalesce(nullif(s.preferred_name, ''), s.given_name) || ' ' || s.family_name) as student_name,
           c.id as community_id, c.name as community_name, p.kind, p.tier, p.review_date::text as review_date,
           (${today}::date - p.review_date)::int as days_overdue
      from students s
      join intervention_plans p on p.student_id = s.id
      join communities c on c.id = p.community_id
     where ${planInScope(scope)} and p.status = 'active' and p.closed_at is null and p.review_date < ${today}::date
       and ${isVisibleStudent(actor)}
     order by p.review_date, s.family_name, s.given_name, p.id`);
  return result.rows;
}

export type ResponsivenessRow = {
  community_id: string | null;
  response_days: number;
  below: number;
  responded: number;
};

/**
 * Per assessment team: (student, assessment) pairs where the student scored below the proficient level of
 * any target of an assessment given in the period, and how many of them got an intervention plan (any team)
 * starting on the day of the assessment or within the team's response_days school days (Monday to Friday)
 * after it. A student below on several assessments counts once per assessment: each is a call to respond.
 * "Below proficient" comes from below_proficient_students, which the database keeps from target_results.
 */
export async function queryResponsiveness(db: Db, scope: ReportScope, period: Period): Promise<ResponsivenessRow[]> {
  // A school's students are found by students_school_idx, their calls to respond by below_proficient_students'
  // student index; the district's by its id. Either way the result rows themselves are never read.
  const students =
    scope.schoolIds === null
      ? sql`b.district_id = ${scope.districtId}`
      : sql`b.student_id = any(array(select s.id from students s where ${inScope(scope)}))`;
  const result = await db.execute<ResponsivenessRow>(sql`
    with deadline as materialized (
      select a.id, a.community_id, a.given_on, coalesce(c.response_days, 5)::int as response_days,
             (select d::date from generate_series(a.given_on + 1, a.given_on + 7 + coalesce(c.response_days, 5) * 2,
                                                  interval '1 day') d
               where extract(isodow from d) < 6 order by d offset greatest(coalesce(c.response_days, 5), 1) - 1 limit 1)
               as last_day
        from assessments a left join communities c on c.id = a.community_id
       where a.district_id = ${scope.districtId} and a.given_on between ${period.from}::date and ${period.to}::date),
    below as (
      select b.assessment_id, b.student_id from below_proficient_students b
       where ${students} and b.assessment_id in (select id from deadline))
    select dl.community_id, dl.response_days, count(*)::int as below,
           count(*) filter (where exists (
             select 1 from intervention_plans p
              where p.student_id = b.student_id and p.kind = 'intervention'
                and p.start_date between dl.given_on and (case when dl.response_days = 0 then dl.given_on else dl.last_day end)))::int
             as responded
      from below b join deadline dl on dl.id = b.assessment_id
     group by dl.community_id, dl.response_days`);
  return result.rows;
}

export type OutcomeRow = {
  community_id: string;
  kind: "intervention" | "extension";
  closed: number;
  met: number;
};

/** Plans closed in the period, and how many met their goal, per team and kind. */
export async function queryOutcomes(db: Db, scope: ReportScope, period: Period): Promise<OutcomeRow[]> {
  const result = await db.execute<OutcomeRow>(sql`
    select p.community_id, p.kind, count(*)::int as closed, count(*) filter (where p.outcome = 'met')::int as met
      from intervention_plans p
     where ${planInScope(scope)} and p.closed_at is not null
       and p.closed_at::date between ${period.from}::date and ${period.to}::date
     group by p.community_id, p.kind`);
  return result.rows;
}

/** Names of the teams and schools the report names, in one query. */
export async function queryNames(
  db: Db,
  districtId: string,
  communityIds: readonly string[],
  schoolIds: readonly string[] | null,
) {
  const result = await db.execute<{ kind: "team" | "school"; id: string; name: string }>(sql`
    select 'team' as kind, c.id, c.name from communities c
     where c.district_id = ${districtId} and c.id = any(${uuidArray(communityIds)})
    union all
    select 'school', sc.id, sc.name from schools sc
     where sc.district_id = ${districtId} ${schoolIds === null ? sql`` : sql`and sc.id = any(${uuidArray(schoolIds)})`}
    order by 1, 3, 2`);
  return result.rows;
}
