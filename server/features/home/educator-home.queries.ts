import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";

const studentName = sql`trim(coalesce(nullif(trim(s.preferred_name), ''), s.given_name) || ' ' || s.family_name)`;

/** Students of classes the person teaches (the enrolment rows), as a condition on `students s`. */
function taughtBy(personId: string) {
  return sql`exists (select 1 from class_students cs join class_teachers ct on ct.class_id = cs.class_id
                      where cs.student_id = s.id and ct.person_id = ${personId})`;
}

export type ResultsToEnterRow = {
  assessment_id: string;
  title: string;
  given_on: string | null;
  community_id: string;
  community_name: string;
  students_missing: number;
};

/**
 * Open assessments given to classes the reader teaches, each with how many of the students of those classes
 * (not archived, readable by the reader, as on the results grid) have no sitting recorded yet. Students, not
 * results: a student in two of the reader's classes counts once.
 */
export async function listResultsToEnter(db: Db, actor: Actor): Promise<ResultsToEnterRow[]> {
  const result = await db.execute<ResultsToEnterRow>(sql`
    select a.id as assessment_id, a.title, a.given_on::text, c.id as community_id, c.name as community_name,
           count(distinct cs.student_id)::int as students_missing
      from class_teachers ct
      join assessment_classes ac on ac.class_id = ct.class_id
      join assessments a on a.id = ac.assessment_id and a.status = 'open'
      join communities c on c.id = a.community_id
      join class_students cs on cs.class_id = ac.class_id
      join students s on s.id = cs.student_id and s.archived_at is null
     where ct.person_id = ${actor.personId} and a.district_id = ${actor.districtId}
       and ${isVisibleStudent(actor, "s")}
       and not exists (select 1 from assessment_sittings st
                        where st.assessment_id = a.id and st.student_id = cs.student_id)
     group by a.id, a.title, a.given_on, c.id, c.name
     order by a.given_on nulls last, a.title, a.id`);
  return result.rows;
}

export type MyPlanRow = {
  plan_id: string;
  student_id: string;
  student_name: string;
  community_id: string;
  community_name: string;
  focus: string;
  delivered_by_me: boolean;
  start_date: string;
  baseline: string;
  goal: string;
  goal_date: string;
  rule_points: number;
  last_scored_on: string | null;
  score_dates: string[] | null;
  scores: string[] | null;
};

/**
 * Active plans the reader delivers or whose student is in their classes (readable by them), each with the
 * latest scores its decision rule looks at (newest first, only rule_points of them): one statement.
 */
export async function listMyPlans(db: Db, actor: Actor): Promise<MyPlanRow[]> {
  const result = await db.execute<MyPlanRow>(sql`
    select p.id as plan_id, s.id as student_id, ${studentName} as student_name,
           c.id as community_id, c.name as community_name, p.focus,
           p.delivered_by_id is not distinct from ${actor.personId}::uuid as delivered_by_me,
           p.start_date::text, p.baseline, p.goal, p.goal_date::text, p.rule_points,
           latest.score_dates[1] as last_scored_on, latest.score_dates, latest.scores
      from intervention_plans p
      join students s on s.id = p.student_id
      join communities c on c.id = p.community_id
      left join lateral (
        select array_agg(ps.measured_on::text) as score_dates, array_agg(ps.score::text) as scores
          from (select measured_on, score from progress_scores
                 where plan_id = p.id order by measured_on desc limit p.rule_points) ps
      ) latest on true
     where p.district_id = ${actor.districtId} and p.status = 'active' and p.closed_at is null
       and (p.delivered_by_id = ${actor.personId} or ${taughtBy(actor.personId)})
       and ${isVisibleStudent(actor, "s")}
     order by s.family_name, s.given_name, p.id`);
  return result.rows;
}

export type FamilyNoteRow = {
  id: string;
  student_id: string;
  student_name: string;
  plan_id: string | null;
  created_at: string | Date;
};

/** Family notes not yet acknowledged, about students of the reader's classes they may read; newest first. */
export async function listUnreadFamilyNotes(db: Db, actor: Actor, limit: number): Promise<FamilyNoteRow[]> {
  const result = await db.execute<FamilyNoteRow>(sql`
    select n.id, s.id as student_id, ${studentName} as student_name, n.plan_id, n.created_at
      from family_notes n
      join students s on s.id = n.student_id
     where n.district_id = ${actor.districtId} and n.acknowledged_at is null
       and ${taughtBy(actor.personId)} and ${isVisibleStudent(actor, "s")}
     order by n.created_at desc, n.id
     limit ${limit}`);
  return result.rows;
}

export type SupportedTeacherRow = {
  id: string;
  name: string;
  community_id: string;
  community_name: string;
  overdue_items: number;
  students_without_results: number;
  students_overdue_review: number;
};

/**
 * The teachers the reader supports: the other working members of the teams they facilitate, each with their
 * overdue action items in those teams, and, over the students the reader may see, how many of their classes'
 * students have no results on an open assessment and how many have a plan they deliver past its review date.
 * One statement however many teams and teachers.
 */
export async function listSupportedTeachers(db: Db, actor: Actor, today: string): Promise<SupportedTeacherRow[]> {
  const result = await db.execute<SupportedTeacherRow>(sql`
    with facilitated as (
      select c.id, c.name from community_members me
        join communities c on c.id = me.community_id and c.archived_at is null
       where me.person_id = ${actor.personId} and me.team_role = 'facilitator' and c.district_id = ${actor.districtId}
    ),
    supported as (
      select distinct on (m.person_id) m.person_id, f.id as community_id, f.name as community_name
        from community_members m join facilitated f on f.id = m.community_id
       where m.person_id <> ${actor.personId} and m.team_role <> 'guest'
       order by m.person_id, f.name, f.id
    )
    select p.id, p.display_name as name, sp.community_id, sp.community_name,
           (select count(*)::int from action_items a
             where a.owner_id = p.id and a.status = 'open' and a.due_on < ${today}::date
               and a.community_id in (select id from facilitated)) as overdue_items,
           (select count(distinct cs.student_id)::int
              from class_teachers ct
              join assessment_classes ac on ac.class_id = ct.class_id
              join assessments a on a.id = ac.assessment_id and a.status = 'open'
              join class_students cs on cs.class_id = ac.class_id
              join students s on s.id = cs.student_id and s.archived_at is null
             where ct.person_id = p.id and ${isVisibleStudent(actor, "s")}
               and not exists (select 1 from assessment_sittings st
                                where st.assessment_id = a.id and st.student_id = cs.student_id))
             as students_without_results,
           (select count(distinct pl.student_id)::int
              from intervention_plans pl join students s on s.id = pl.student_id
             where pl.delivered_by_id = p.id and pl.status = 'active' and pl.closed_at is null
               and pl.review_date < ${today}::date and ${isVisibleStudent(actor, "s")}) as students_overdue_review
      from supported sp join people p on p.id = sp.person_id and p.status = 'active'
     order by p.display_name, p.id`);
  return result.rows;
}
