import { sql } from "drizzle-orm";
import { SUPPRESSION_THRESHOLD } from "../../../contract/analysis";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";
import { isMissedCall } from "../student-review/responded-to";

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
  // Set-based over the team's few assessments: each call (with its targets, whole or all) is read from
  // below_proficient_students by assessment, and its student's plans by index.
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
    -- Each call with the targets it is a call on (below_proficient_students keeps the targets below the cut and,
    -- of those, the whole ones), over the students the reader may see.
    calls as materialized (
      select b.assessment_id, b.student_id, g.given_on, g.last_day,
             case when g.partial_is_need then b.targets else b.whole_targets end as targets
        from due g
        join below_proficient_students b on b.assessment_id = g.id
        join students s on s.id = b.student_id
       where ${isVisibleStudent(actor, "s")}),
    per_call as (
      select c.assessment_id, c.student_id, ${isMissedCall("c")} as missed
        from calls c
       where cardinality(c.targets) > 0)
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
