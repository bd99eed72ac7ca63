import { eq, sql } from "drizzle-orm";
import type { NotYetRespondedItem } from "../../../contract/student-review";
import type { Db } from "../../db/client";
import { communities } from "../../db/schema";
import { type Actor, isStaff } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";
import { isResponseTo } from "./responded-to";

const DAY_MS = 86_400_000;

function dayOf(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function isSchoolDay(date: Date): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** School days (Monday to Friday) after `fromIso`, up to and including `toIso`. */
export function schoolDaysBetween(fromIso: string, toIso: string): number {
  let count = 0;
  for (let t = dayOf(fromIso).getTime() + DAY_MS; t <= dayOf(toIso).getTime(); t += DAY_MS) {
    if (isSchoolDay(new Date(t))) count++;
  }
  return count;
}

/** The latest date with at least `days` school days after it, up to and including `asOfIso`. */
export function latestDateWithSchoolDaysSince(asOfIso: string, days: number): string {
  let counted = 0;
  let t = dayOf(asOfIso).getTime();
  while (counted < days) {
    if (isSchoolDay(new Date(t))) counted++;
    t -= DAY_MS;
  }
  return new Date(t).toISOString().slice(0, 10);
}

type Row = {
  community_id: string;
  student_id: string;
  student_name: string;
  assessment_id: string;
  title: string;
  given_on: string;
  targets: { id: string; statement: string }[];
};

/** A team and the last day one of its assessments may have been given on to be due for a response. */
export type ResponseDeadline = { communityId: string; givenBy: string };

/**
 * The not-yet-responded rows of several teams at once (each with its own deadline), over the students the
 * reader may see, optionally only students of classes `taughtBy` teaches: one statement however many teams.
 */
export async function queryNotYetResponded(
  db: Db,
  actor: Actor,
  deadlines: readonly ResponseDeadline[],
  options: { taughtBy?: string } = {},
): Promise<Row[]> {
  if (deadlines.length === 0) return [];
  const teams = sql.join(
    deadlines.map((d) => sql`(${d.communityId}::uuid, ${d.givenBy}::date)`),
    sql`, `,
  );
  // A teacher's own students are a few dozen: their calls are found by student (below_proficient_students'
  // student index), not by reading every call of the teams' assessments and keeping theirs.
  const taught =
    options.taughtBy === undefined
      ? sql``
      : sql`and bp.student_id = any(array(select cs.student_id from class_students cs
                                            join class_teachers ct on ct.class_id = cs.class_id
                                           where ct.person_id = ${options.taughtBy}))`;
  // A staff member always sees their own classes' students (visibleStudentIds), so those need no further check.
  const ownStudents = options.taughtBy === actor.personId && isStaff(actor);
  const result = await db.execute<Row>(sql`
    with deadline(community_id, given_by) as (values ${teams}),
    given as (
      select a.id, a.title, a.given_on, a.community_id, c.counts_partly_scored_as_need as partial_is_need
        from assessments a
        join deadline d on d.community_id = a.community_id
        join communities c on c.id = a.community_id
       where a.given_on is not null and a.given_on <= d.given_by and a.status <> 'draft'
    ),
    below as (
      select bp.student_id, bp.assessment_id,
             json_agg(json_build_object('id', lt.id, 'statement', lt.statement) order by at.position) as targets
        from given g
        join below_proficient_students bp on bp.assessment_id = g.id ${taught}
        cross join lateral unnest(case when g.partial_is_need then bp.targets else bp.whole_targets end) t(target_id)
        join assessment_targets at on at.assessment_id = bp.assessment_id and at.target_id = t.target_id
        join learning_targets lt on lt.id = t.target_id
        join students s on s.id = bp.student_id
       where s.archived_at is null and ${ownStudents ? sql`true` : isVisibleStudent(actor, "s")}
         and not exists (select 1 from intervention_plans p
                          where p.student_id = bp.student_id
                            and ${isResponseTo("p", sql`t.target_id`, sql`g.given_on`, null)})
       group by bp.student_id, bp.assessment_id
    )
    select g.community_id, b.student_id,
           trim(coalesce(nullif(trim(s.preferred_name), ''), s.given_name) || ' ' || s.family_name) as student_name,
           g.id as assessment_id, g.title, g.given_on::text, b.targets
      from below b
      join given g on g.id = b.assessment_id
      join students s on s.id = b.student_id
     order by g.given_on, g.title, student_name, b.student_id`);
  return result.rows;
}

/**
 * Students the reader may see who scored below proficiency on a target of one of the team's assessments given
 * at least `responseDays` school days before `asOf`, with the targets no intervention plan (with any team)
 * responds to: see isResponseTo. One row per student and assessment, naming only those targets. A partly
 * scored result is left out (its level is not a finding that the student is below) unless the
 * team chose to count it as a need (communities.counts_partly_scored_as_need).
 */
export async function listNotYetResponded(
  db: Db,
  actor: Actor,
  communityId: string,
  options: { asOf: string; responseDays: number },
): Promise<NotYetRespondedItem[]> {
  const givenBy = latestDateWithSchoolDaysSince(options.asOf, options.responseDays);
  const rows = await queryNotYetResponded(db, actor, [{ communityId, givenBy }]);
  return rows.map((row) => ({
    student: { id: row.student_id, name: row.student_name },
    assessment: { id: row.assessment_id, title: row.title },
    targets: row.targets,
    givenOn: row.given_on,
    schoolDaysSince: schoolDaysBetween(row.given_on, options.asOf),
  }));
}

/** How many school days the team gives itself to respond (5 unless it chose otherwise). */
export async function findResponseDays(db: Db, communityId: string): Promise<number> {
  const [settings] = await db
    .select({ responseDays: communities.responseDays })
    .from(communities)
    .where(eq(communities.id, communityId));
  return settings?.responseDays ?? 5;
}
