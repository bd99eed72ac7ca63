import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";

/** The period in the district's own days: from the first day's midnight to the last day's end, in its time zone. */
export type EvaluationPeriod = { from: string; to: string; timeZone: string };

export type TeamFiguresRow = {
  id: string;
  name: string;
  educators: number;
  meetings_scheduled: number;
  meetings_held: number;
  attendance_present: number;
  attendance_marked: number;
  collaborative_minutes: number;
  learning_entries: number;
  learning_minutes: number;
  learners: number;
  coaching_entries: number;
  visits_completed: number;
  implementations: number;
  implementations_went_well: number;
  strategies_applied: number;
  cycles_completed: number;
  /** The cycles the period completed. */
  completed_cycle_ids: string[];
};

/**
 * Every active team of the district (or of the given schools) with what its members did in the period: meetings
 * scheduled and held with their attendance and minutes, learning logged in its cycles, classroom visits it held,
 * strategies applied, and cycles finished. No student is named or counted here. One statement however many teams;
 * each part is read by its team's indexes.
 */
export async function listTeamFigures(
  db: Db,
  districtId: string,
  schoolIds: readonly string[] | null,
  period: EvaluationPeriod,
): Promise<TeamFiguresRow[]> {
  const starts = sql`(${period.from}::date)::timestamp at time zone ${period.timeZone}`;
  const ends = sql`((${period.to}::date + 1))::timestamp at time zone ${period.timeZone}`;
  const inSchools =
    schoolIds === null
      ? sql`true`
      : sql`exists (select 1 from community_schools cs
                     where cs.community_id = c.id and cs.school_id = any(${uuidArray(schoolIds)}))`;
  const result = await db.execute<TeamFiguresRow>(sql`
    with teams as (
      select c.id, c.name from communities c
       where c.district_id = ${districtId} and c.archived_at is null and ${inSchools}
    ),
    meeting_figures as (
      select m.community_id,
             count(*) filter (where m.status <> 'cancelled')::int as scheduled,
             count(*) filter (where m.status = 'completed')::int as held,
             coalesce(sum(a.present) filter (where m.status = 'completed'), 0)::int as present,
             coalesce(sum(a.marked) filter (where m.status = 'completed'), 0)::int as marked,
             coalesce(round(sum(a.present * extract(epoch from (m.ends_at - m.starts_at)) / 60)
                            filter (where m.status = 'completed')), 0)::int as minutes
        from meetings m
        cross join lateral (
          select count(*) filter (where ma.status = 'present') as present, count(*) as marked
            from meeting_attendance ma where ma.meeting_id = m.id
        ) a
       where m.community_id in (select id from teams) and m.starts_at >= ${starts} and m.starts_at < ${ends}
       group by m.community_id
    ),
    learning as (
      select cy.community_id, count(*)::int as entries, coalesce(sum(l.minutes), 0)::int as minutes,
             count(distinct l.person_id)::int as learners,
             count(*) filter (where l.kind = 'coaching')::int as coaching
        from cycle_learning_log l join cycles cy on cy.id = l.cycle_id
       where cy.community_id in (select id from teams) and l.learned_on between ${period.from} and ${period.to}
       group by cy.community_id
    ),
    visits as (
      select v.community_id, count(*)::int as completed
        from classroom_visits v
       where v.community_id in (select id from teams) and v.status = 'completed'
         and v.starts_at >= ${starts} and v.starts_at < ${ends}
       group by v.community_id
    ),
    applied as (
      select cy.community_id, count(*)::int as implementations,
             count(*) filter (where i.outcome = 'went_well')::int as went_well,
             count(distinct i.resource_id)::int as strategies
        from cycle_implementations i join cycles cy on cy.id = i.cycle_id
       where cy.community_id in (select id from teams) and i.applied_on between ${period.from} and ${period.to}
       group by cy.community_id
    ),
    finished as (
      select cy.community_id, count(*)::int as cycles, array_agg(cy.id::text order by cy.id) as cycle_ids
        from cycles cy
       where cy.community_id in (select id from teams) and cy.status = 'finished'
         and cy.finished_at >= ${starts} and cy.finished_at < ${ends}
       group by cy.community_id
    )
    select t.id, t.name,
           (select count(*)::int from community_members cm
             where cm.community_id = t.id
               and exists (select 1 from role_assignments ra
                            where ra.person_id = cm.person_id
                              and ra.role not in ('family_member', 'community_member'))) as educators,
           coalesce(mf.scheduled, 0) as meetings_scheduled, coalesce(mf.held, 0) as meetings_held,
           coalesce(mf.present, 0) as attendance_present, coalesce(mf.marked, 0) as attendance_marked,
           coalesce(mf.minutes, 0) as collaborative_minutes,
           coalesce(l.entries, 0) as learning_entries, coalesce(l.minutes, 0) as learning_minutes,
           coalesce(l.learners, 0) as learners, coalesce(l.coaching, 0) as coaching_entries,
           coalesce(v.completed, 0) as visits_completed,
           coalesce(ap.implementations, 0) as implementations, coalesce(ap.went_well, 0) as implementations_went_well,
           coalesce(ap.strategies, 0) as strategies_applied,
           coalesce(f.cycles, 0) as cycles_completed, coalesce(f.cycle_ids, '{}') as completed_cycle_ids
      from teams t
      left join meeting_figures mf on mf.community_id = t.id
      left join learning l on l.community_id = t.id
      left join visits v on v.community_id = t.id
      left join applied ap on ap.community_id = t.id
      left join finished f on f.community_id = t.id
     order by t.name, t.id
  `);
  return result.rows;
}

/** Distinct staff members and distinct learners across the teams: a person in two teams counts once. */
export async function countDistinctPeople(
  db: Db,
  teamIds: readonly string[],
  period: EvaluationPeriod,
): Promise<{ educators: number; learners: number }> {
  const result = await db.execute<{ educators: number; learners: number }>(sql`
    select (select count(distinct cm.person_id)::int from community_members cm
             where cm.community_id = any(${uuidArray(teamIds)})
               and exists (select 1 from role_assignments ra
                            where ra.person_id = cm.person_id
                              and ra.role not in ('family_member', 'community_member'))) as educators,
           (select count(distinct l.person_id)::int
              from cycle_learning_log l join cycles cy on cy.id = l.cycle_id
             where cy.community_id = any(${uuidArray(teamIds)})
               and l.learned_on between ${period.from} and ${period.to}) as learners
  `);
  return result.rows[0] ?? { educators: 0, learners: 0 };
}

export type FeedbackRow = { item_key: string; level: number; answers: number };
export type FeedbackRounds = { community_id: string; rounds: number; respondents: number };

/**
 * Reactions (level 1): the feedback rounds on the teams' meetings held in the period, by team with how many answered,
 * and the answers by item and level over all of them. Counts only; a person's answers cannot be told apart.
 */
export async function queryMeetingFeedback(
  db: Db,
  districtId: string,
  teamIds: readonly string[],
  period: EvaluationPeriod,
): Promise<{ rounds: FeedbackRounds[]; answers: FeedbackRow[] }> {
  if (teamIds.length === 0) return { rounds: [], answers: [] };
  const starts = sql`(${period.from}::date)::timestamp at time zone ${period.timeZone}`;
  const ends = sql`((${period.to}::date + 1))::timestamp at time zone ${period.timeZone}`;
  const feedback = sql`
    select r.id, r.community_id from survey_rounds r join meetings m on m.id = r.meeting_id
     where r.district_id = ${districtId} and r.community_id = any(${uuidArray(teamIds)})
       and m.starts_at >= ${starts} and m.starts_at < ${ends}`;
  const [rounds, answers] = await Promise.all([
    db.execute<FeedbackRounds>(sql`
      select f.community_id, count(*)::int as rounds,
             coalesce(sum((select count(*) from survey_respondents sr where sr.round_id = f.id)), 0)::int as respondents
        from (${feedback}) f group by f.community_id`),
    db.execute<FeedbackRow>(sql`
      select a.item_key, a.level, count(*)::int as answers
        from (${feedback}) f join survey_answers a on a.round_id = f.id
       group by a.item_key, a.level`),
  ]);
  return { rounds: rounds.rows, answers: answers.rows };
}
