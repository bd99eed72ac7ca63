import { sql } from "drizzle-orm";
import { SUPPRESSION_THRESHOLD } from "../../../contract/analysis";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";
import { isResponseTo } from "../student-review/responded-to";

/** A measure's value now: a percentage over `count` students (or meetings), or nothing to show. */
export type MeasureValue = { value: number | null; count: number | null; suppressed: boolean };

const NO_VALUE: MeasureValue = { value: null, count: null, suppressed: false };

/** A share in percent over students, hidden (as the analysis hides small groups) below SUPPRESSION_THRESHOLD. */
export function studentShare(part: number, whole: number): MeasureValue {
  if (whole === 0) return { value: null, count: 0, suppressed: false };
  if (whole < SUPPRESSION_THRESHOLD) return { value: null, count: null, suppressed: true };
  return { value: (100 * part) / whole, count: whole, suppressed: false };
}

export type ProficiencyShareParams = {
  targetId: string;
  gradeLevel?: string;
  assessmentIds?: string[];
  schoolId?: string;
  communityId?: string;
};

/**
 * The share of students at or above proficient on a learning target, each student once at their latest result
 * on it up to `asOf` (the rule of the leaders' by-target rollup, queryTargetRollup: the day it was taken, else the
 * day the assessment was given, proficient by that assessment's own cut for the target), over the students the
 * reader may see; narrowed to a grade, to named assessments, to a school (the class's, else the student's) or to
 * a team's assessments.
 */
export async function measureProficiencyShare(
  db: Db,
  actor: Actor,
  params: ProficiencyShareParams,
  asOf: string,
): Promise<MeasureValue> {
  const day = sql`coalesce(tr.assessed_on, a.given_on)`;
  const filters = [
    params.gradeLevel === undefined ? sql`` : sql`and s.grade = ${params.gradeLevel}`,
    params.assessmentIds?.length ? sql`and tr.assessment_id = any(${uuidArray(params.assessmentIds)})` : sql``,
    params.schoolId === undefined ? sql`` : sql`and coalesce(c.school_id, s.school_id) = ${params.schoolId}`,
    params.communityId === undefined ? sql`` : sql`and a.community_id = ${params.communityId}`,
  ];
  const result = await db.execute<{ assessed: number; proficient: number }>(sql`
    with latest as (
      select distinct on (tr.student_id) tr.assessment_id, tr.target_id, tr.level
        from target_results tr
        join assessments a on a.id = tr.assessment_id
        join students s on s.id = tr.student_id
        left join classes c on c.id = tr.class_id
       where tr.district_id = ${actor.districtId} and tr.target_id = ${params.targetId}
         and (${day} is null or ${day} <= ${asOf}::date)
         and ${isVisibleStudent(actor, "s")} ${sql.join(filters, sql` `)}
       order by tr.student_id, ${day} desc nulls last, a.created_at desc, tr.assessment_id desc)
    select count(*)::int as assessed,
           count(*) filter (where l.level >= coalesce(at.proficient_level, 3))::int as proficient
      from latest l
      left join assessment_targets at on at.assessment_id = l.assessment_id and at.target_id = l.target_id`);
  const row = result.rows[0] ?? { assessed: 0, proficient: 0 };
  return studentShare(row.proficient, row.assessed);
}

/** The days a measure looks at, both included. */
export type MeasureWindow = { from: string; to: string };

/**
 * The share of a team's calls to respond that were answered in time: (student, assessment) pairs where a student
 * the reader may see was below proficient (below_proficient_students) on an assessment of the team given in the
 * window, whose last day to respond (`days` school days, Monday to Friday, after it) has passed by `asOf`, counted
 * answered when every target the student was below on has an intervention plan responding to it by that day
 * (isResponseTo, the rule of "not yet responded to" and of the responsiveness report). A partly scored result is
 * no call unless the team counts it as a need.
 */
export async function measureResponseWithinDays(
  db: Db,
  actor: Actor,
  params: { communityId: string; days: number },
  window: MeasureWindow,
  asOf: string,
): Promise<MeasureValue> {
  const days = sql`${params.days}::int`;
  // Set-based over the team's few assessments: results below the cut are read by key per assessment, the
  // partly scored ones told apart by item counts per (assessment, student, target) rather than probes per result
  // (the rule of isPartlyScored), and calls matched to plans by one hash anti join.
  const result = await db.execute<{ calls: number; answered: number }>(sql`
    with given as materialized (
      select a.id, a.given_on, coalesce(c.counts_partly_scored_as_need, false) as partial_is_need,
             case when ${days} = 0 then a.given_on else
               (select d::date from generate_series(a.given_on + 1, a.given_on + 7 + ${days} * 2, interval '1 day') d
                 where extract(isodow from d) < 6 order by d offset greatest(${days}, 1) - 1 limit 1) end as last_day
        from assessments a join communities c on c.id = a.community_id
       where a.community_id = ${params.communityId} and a.status <> 'draft'
         and a.given_on between ${window.from}::date and ${window.to}::date),
    due as materialized (select * from given g where g.last_day <= ${asOf}::date),
    -- Items aligned to each target of each assessment, and per student the aligned items scored: a result is
    -- partly scored when some aligned item has a score (any item) and some item of its own assessment has none.
    aligned as (
      select i.assessment_id, x.target_id, count(*) as items
        from assessment_items i join item_targets x on x.item_id = i.id
       where i.assessment_id = any(array(select id from due))
       group by i.assessment_id, x.target_id),
    scored as (
      select sc.assessment_id, sc.student_id, x.target_id, count(*) as scored,
             count(*) filter (where i.assessment_id = sc.assessment_id) as own
        from item_scores sc
        join item_targets x on x.item_id = sc.item_id
        join assessment_items i on i.id = sc.item_id
       where sc.assessment_id = any(array(select id from due)) and sc.points is not null
       group by sc.assessment_id, sc.student_id, x.target_id),
    -- Results below the target's cut (what below_proficient_students is made of), read by key per assessment.
    below_target as materialized (
      select tr.assessment_id, tr.student_id, g.given_on, g.last_day, tr.target_id
        from due g
        join assessment_targets at on at.assessment_id = g.id
        join target_results tr on tr.assessment_id = at.assessment_id and tr.target_id = at.target_id
         and tr.level < at.proficient_level
        join students s on s.id = tr.student_id
        left join aligned al on al.assessment_id = tr.assessment_id and al.target_id = tr.target_id
        left join scored sd on sd.assessment_id = tr.assessment_id and sd.student_id = tr.student_id
         and sd.target_id = tr.target_id
       where ${isVisibleStudent(actor, "s")}
         and (g.partial_is_need or not (coalesce(sd.scored, 0) > 0 and coalesce(sd.own, 0) < coalesce(al.items, 0)))),
    plans as materialized (
      select p.student_id, p.kind, p.learning_target_ids, p.closed_at, p.start_date
        from intervention_plans p
       where p.kind = 'intervention' and p.student_id in (select student_id from below_target)),
    answered as (
      select distinct bt.assessment_id, bt.student_id, bt.target_id
        from below_target bt
        join plans p on p.student_id = bt.student_id
         and ${isResponseTo("p", sql`bt.target_id`, sql`bt.given_on`, sql`bt.last_day`)}),
    per_call as (
      select bt.assessment_id, bt.student_id, bool_or(an.target_id is null) as missed
        from below_target bt
        left join answered an on an.assessment_id = bt.assessment_id and an.student_id = bt.student_id
         and an.target_id = bt.target_id
       group by bt.assessment_id, bt.student_id)
    select count(*)::int as calls, count(*) filter (where not missed)::int as answered from per_call`);
  const row = result.rows[0] ?? { calls: 0, answered: 0 };
  return studentShare(row.answered, row.calls);
}

/**
 * Meetings a team held against those it scheduled in the window, up to `asOf`: every meeting that should have
 * started by then counts as scheduled (a cancelled one too: it was not held), a completed one as held.
 */
export async function measureMeetingsHeld(
  db: Db,
  communityId: string,
  window: MeasureWindow,
  asOf: Date,
): Promise<MeasureValue> {
  const result = await db.execute<{ scheduled: number; held: number }>(sql`
    select count(*)::int as scheduled, count(*) filter (where m.status = 'completed')::int as held
      from meetings m
     where m.community_id = ${communityId} and m.starts_at <= ${asOf.toISOString()}::timestamptz
       and m.starts_at >= ${window.from}::date and m.starts_at < ${window.to}::date + 1`);
  const row = result.rows[0] ?? { scheduled: 0, held: 0 };
  if (row.scheduled === 0) return { value: null, count: 0, suppressed: false };
  return { value: (100 * row.held) / row.scheduled, count: row.scheduled, suppressed: false };
}

/** The value of a goal's latest check-in that recorded one (by day, then by when it was written). */
export async function latestCheckinValue(db: Db, goalId: string): Promise<MeasureValue> {
  const result = await db.execute<{ value: number }>(sql`
    select value from goal_checkins where goal_id = ${goalId} and value is not null
     order by checked_on desc, created_at desc limit 1`);
  const row = result.rows[0];
  return row ? { value: Number(row.value), count: null, suppressed: false } : NO_VALUE;
}

/** How many school days a team gives itself to respond (5 unless it chose otherwise), by team. */
export async function findResponseDaysByTeam(db: Db, communityIds: readonly string[]): Promise<Map<string, number>> {
  if (communityIds.length === 0) return new Map();
  const result = await db.execute<{ id: string; response_days: number }>(
    sql`select id, coalesce(response_days, 5)::int as response_days from communities where id = any(${uuidArray(communityIds)})`,
  );
  return new Map(result.rows.map((row) => [row.id, row.response_days]));
}
