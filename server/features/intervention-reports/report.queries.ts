import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";
import { isMissedCall } from "../student-review/responded-to";
import type { PeriodPlan } from "./period-counts";

/*
 * The intervention report's four sections, one statement each, all set-based. A plan, a result and a student
 * belong to a school by the student's school (students.school_id, students_school_idx), so every statement
 * starts from the few hundred students of the school and reaches plans, decisions and results by their
 * student and plan indexes; only the district-wide report reads the district's rows.
 */

/** Whose students the report covers: the district's, or those of some of its schools. */
export type ReportScope = { districtId: string; schoolIds: readonly string[] | null };
export type Period = { from: string; to: string; today: string };

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

/**
 * The plans of the scope that the tier count and the outcomes need: those active at some time in the period
 * (intervention plans, each with its decisions in order, read through plan_decisions_plan_idx alone) and those
 * closed in it (either kind). A plan's tier on a day comes from its own history, never from its tier now. One read of the scope's plans; tiersByMonth and outcomesOf do the counting.
 */
export async function queryPeriodPlans(db: Db, scope: ReportScope, period: Period): Promise<PeriodPlan[]> {
  // One row per decision (or one for a plan without any), in order: a join, not a subquery per plan.
  const result = await db.execute<{
    id: string;
    student_id: string;
    community_id: string;
    kind: "intervention" | "extension";
    tier: number;
    start_date: string;
    closed_on: string | null;
    outcome: "met" | "not_met" | null;
    decided_on: string | null;
    tier_before: number | null;
    tier_after: number | null;
  }>(sql`
    select p.id, p.student_id, p.community_id, p.kind, p.tier, p.start_date::text as start_date,
           (p.closed_at::date)::text as closed_on, p.outcome, pd.decided_on::text as decided_on, pd.tier_before,
           pd.tier_after
      from intervention_plans p
      left join plan_decisions pd on pd.plan_id = p.id and p.kind = 'intervention'
     where ${planInScope(scope)}
       and p.start_date <= ${period.to}::date and (p.closed_at is null or p.closed_at::date >= ${period.from}::date)
     order by p.id, pd.decided_on, pd.created_at`);
  const plans = new Map<string, PeriodPlan>();
  for (const row of result.rows) {
    let plan = plans.get(row.id);
    if (!plan) {
      plan = {
        studentId: row.student_id,
        communityId: row.community_id,
        kind: row.kind,
        tier: Number(row.tier),
        startDate: row.start_date,
        closedOn: row.closed_on,
        outcome: row.outcome,
        decisions: [],
      };
      plans.set(row.id, plan);
    }
    if (row.decided_on === null) continue;
    // p.tier is the tier now. Before its first decision (a start date moved earlier) a plan was at the tier
    // that decision started from: a "start" decision starts it at its tier_after, any other leaves tier_before.
    if (plan.decisions.length === 0) plan.tier = Number(row.tier_before ?? row.tier_after);
    plan.decisions.push([row.decided_on, Number(row.tier_after)]);
  }
  return [...plans.values()];
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
  /** The distinct students of those calls, and those of them responded to on every call. */
  students_below: number;
  students_responded: number;
};

/** Grouped by school instead of team: `community_id` then holds the student's school (response_days is 0). */
export type ResponsivenessGrouping = "team" | "school";

/**
 * Per assessment team: (student, assessment) pairs where the student scored below the proficient level of
 * any target of an assessment given in the period, and how many of them were responded to on every such target
 * by the last of the team's response_days school days (Monday to Friday) after it: an intervention plan (any
 * team) on the target, active on the day of the assessment or started by that day (isResponseTo).
 * A student below on several assessments counts once per assessment: each is a call to respond. A partly scored
 * result is no call unless the team chose to count it as a need (counts_partly_scored_as_need). Who is below, on
 * which targets, and which of those results are whole come from below_proficient_students, which the database
 * keeps from target_results (migration 0022).
 */
export async function queryResponsiveness(
  db: Db,
  scope: ReportScope,
  period: Period,
  grouping: ResponsivenessGrouping = "team",
): Promise<ResponsivenessRow[]> {
  // A school's students are found by students_school_idx, their calls to respond (with their targets) by
  // below_proficient_students' student index, and each student's plans by intervention_plans_student_idx; the
  // district's calls by its id.
  const scopeStudents =
    scope.schoolIds === null ? null : sql`array(select s.id from students s where ${inScope(scope)})`;
  const groupKey =
    grouping === "school" ? sql`s.school_id as community_id, 0 as response_days` : sql`b.community_id, b.response_days`;
  const result = await db.execute<ResponsivenessRow>(sql`
    with deadline as materialized (
      select a.id, a.community_id, a.given_on, coalesce(c.response_days, 5)::int as response_days,
             coalesce(c.counts_partly_scored_as_need, false) as partial_is_need,
             (select d::date from generate_series(a.given_on + 1, a.given_on + 7 + coalesce(c.response_days, 5) * 2,
                                                  interval '1 day') d
               where extract(isodow from d) < 6 order by d offset greatest(coalesce(c.response_days, 5), 1) - 1 limit 1)
               as last_day
        from assessments a left join communities c on c.id = a.community_id
       where a.district_id = ${scope.districtId} and a.given_on between ${period.from}::date and ${period.to}::date),
    -- Each call with the targets it is a call on: all those below the cut where the team counts partly scored
    -- results as a need, else only the whole ones (below_proficient_students keeps both).
    below as materialized (
      select b.assessment_id, b.student_id, dl.community_id, dl.response_days, dl.given_on,
             case when dl.response_days = 0 then dl.given_on else dl.last_day end as last_day,
             case when dl.partial_is_need then b.targets else b.whole_targets end as targets
        from below_proficient_students b join deadline dl on dl.id = b.assessment_id
       where ${scopeStudents === null ? sql`b.district_id = ${scope.districtId}` : sql`b.student_id = any(${scopeStudents})`}),
    per_call as (
      select b.assessment_id, b.student_id, b.community_id, b.response_days, ${isMissedCall("b")} as missed
        from below b
       where cardinality(b.targets) > 0)
    select ${groupKey}, count(*)::int as below,
           count(*) filter (where not b.missed)::int as responded,
           count(distinct b.student_id)::int as students_below,
           (count(distinct b.student_id) - count(distinct b.student_id) filter (where b.missed))::int
             as students_responded
      from per_call b
      ${grouping === "school" ? sql`join students s on s.id = b.student_id` : sql``}
     group by 1, 2`);
  return result.rows;
}

export type OutcomeRow = {
  community_id: string;
  kind: "intervention" | "extension";
  closed: number;
  met: number;
};

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
