import { type SQL, sql } from "drizzle-orm";
import type { CycleStage } from "../../../contract/cycles";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import { sqlNow } from "../../db/sql-time";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";

/** Which teams a home looks at: some by id (the reader's own), a few schools' or the whole district's. */
export type TeamScope = { communityIds: readonly string[] } | { schoolIds: readonly string[] } | { district: true };

export type ActiveCycleRow = {
  id: string;
  title: string;
  stage: CycleStage;
  stageDueOn: string | null;
  activityOn: string;
};

export type TeamSignalRow = {
  id: string;
  name: string;
  created_on: string;
  response_days: number;
  school_ids: string[];
  members: number;
  last_meeting_id: string | null;
  last_meeting_at: string | Date | null;
  last_meeting_present: number;
  /** The team's active cycles, the most recently started first. */
  cycles: ActiveCycleRow[] | null;
  norm_trend: number[] | null;
  overdue_students: number;
};

function inScope(scope: TeamScope): SQL {
  if ("communityIds" in scope) return sql`c.id = any(${uuidArray(scope.communityIds)})`;
  if ("schoolIds" in scope) {
    return sql`exists (select 1 from community_schools cs
                        where cs.community_id = c.id and cs.school_id = any(${uuidArray(scope.schoolIds)}))`;
  }
  return sql`true`;
}

/**
 * Every team of the scope with its last meeting held and who attended, its active cycles (stage, the stage's due
 * date, the day of the latest work recorded on it), the average rating of its last two closed norm check-ins, and how
 * many students the reader may see have an active plan of the team past its review date. One statement however
 * many teams: each team's parts are read by their team indexes.
 */
export async function listTeamSignals(db: Db, actor: Actor, scope: TeamScope, today: string): Promise<TeamSignalRow[]> {
  const result = await db.execute<TeamSignalRow>(sql`
    with teams as (
      select c.id, c.name, c.created_at::date::text as created_on, c.response_days,
             array(select cs.school_id from community_schools cs where cs.community_id = c.id) as school_ids
        from communities c
       where c.district_id = ${actor.districtId} and c.archived_at is null and ${inScope(scope)}
    ),
    overdue as (
      select p.community_id, count(distinct p.student_id)::int as students
        from intervention_plans p
        join students s on s.id = p.student_id
       where p.community_id in (select id from teams) and p.status = 'active' and p.closed_at is null
         and p.review_date < ${today}::date and ${isVisibleStudent(actor, "s")}
       group by p.community_id
    )
    select t.id, t.name, t.created_on, t.response_days, t.school_ids,
           (select count(*)::int from community_members cm
             where cm.community_id = t.id and cm.team_role <> 'guest') as members,
           lm.id as last_meeting_id, lm.starts_at as last_meeting_at,
           coalesce((select count(*)::int from meeting_attendance ma
                      where ma.meeting_id = lm.id and ma.status = 'present'), 0) as last_meeting_present,
           cy.cycles,
           (select array_agg(avg_rating order by closes_on desc) from (
              select nc.closes_on, round(avg(nr.rating)::numeric, 2)::float8 as avg_rating
                from norm_checkins nc join norm_ratings nr on nr.checkin_id = nc.id
               where nc.community_id = t.id and nc.closes_on < ${today}::date
               group by nc.id, nc.closes_on order by nc.closes_on desc limit 2) trend) as norm_trend,
           coalesce(o.students, 0) as overdue_students
      from teams t
      left join overdue o on o.community_id = t.id
      left join lateral (
        select m.id, m.starts_at from meetings m
         where m.community_id = t.id and m.starts_at <= ${sqlNow()} and m.status in ('completed', 'in_progress')
         order by m.starts_at desc limit 1
      ) lm on true
      left join lateral (
        select json_agg(json_build_object(
                 'id', c.id, 'title', c.title, 'stage', c.current_stage, 'stageDueOn', st.due_on,
                 'activityOn', greatest(
                   c.updated_at::date, c.starts_on,
                   (select max(s2.completed_at)::date from cycle_stages s2 where s2.cycle_id = c.id),
                   (select max(l.created_at)::date from cycle_learning_log l where l.cycle_id = c.id),
                   (select max(i.created_at)::date from cycle_implementations i where i.cycle_id = c.id),
                   (select max(cs.chosen_at)::date from cycle_strategies cs where cs.cycle_id = c.id)))
               order by c.starts_on desc, c.id) as cycles
          from cycles c
          left join cycle_stages st on st.cycle_id = c.id and st.stage = c.current_stage
         where c.community_id = t.id and c.status = 'active'
      ) cy on true
     order by t.name, t.id`);
  return result.rows;
}
