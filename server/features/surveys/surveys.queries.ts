import { sql } from "drizzle-orm";
import type { SurveyItem } from "../../../contract/surveys";
import type { Db } from "../../db/client";
import { sqlNow } from "../../db/sql-time";
import type { RoundTarget } from "../../policy/rules";

/** A round as routes load it: its rule target, its snapshot of items, its audience's name and its counts. */
export type RoundRow = RoundTarget & {
  instrumentRef: string;
  title: string;
  items: SurveyItem[];
  termLabel: string;
  opensOn: string;
  closesOn: string;
  /** The meeting a feedback round asks about, with its title and start. */
  meeting: { id: string; title: string; startsAt: string } | null;
  audienceName: string;
  audienceSchoolNames: string[];
  answered: number;
  expected: number;
};

type RawRound = {
  id: string;
  district_id: string;
  instrument_ref: string;
  title: string;
  items: SurveyItem[];
  community_id: string | null;
  school_id: string | null;
  for_families: boolean;
  meeting_id: string | null;
  meeting_title: string | null;
  meeting_starts_at: string | Date | null;
  community_school_ids: string[] | null;
  audience_name: string;
  audience_school_names: string[] | null;
  term_label: string;
  opens_on: string;
  closes_on: string;
  answered: number;
  expected: number;
};

// Who may answer: a team's working staff members (not guests); of a meeting's feedback, those marked present (all
// of them while attendance is not taken); a school's active staff; a family survey, the families of the school's
// students. The count is of people, never of who among them answered.
const STAFF_MEMBERS = sql`
  select cm.person_id from community_members cm join people p on p.id = cm.person_id
   where cm.community_id = r.community_id and cm.team_role <> 'guest' and p.status = 'active'
     and exists (select 1 from role_assignments ra where ra.person_id = p.id
                  and ra.role in ('district_leader', 'school_leader', 'coach', 'teacher', 'support_staff'))`;
const SELECT_ROUNDS = sql`
  select r.id, r.district_id, coalesce(r.instrument_key, r.instrument_id::text) as instrument_ref, r.title, r.items,
         r.community_id, r.school_id, r.for_families, r.term_label, r.opens_on::text, r.closes_on::text,
         r.meeting_id, m.title as meeting_title, m.starts_at as meeting_starts_at,
         array(select cs.school_id from community_schools cs where cs.community_id = r.community_id)::text[]
           as community_school_ids,
         coalesce(c.name, s.name) as audience_name,
         case when r.community_id is null then array[s.name]
              else array(select sc.name from community_schools cs join schools sc on sc.id = cs.school_id
                          where cs.community_id = r.community_id order by sc.name) end as audience_school_names,
         (select count(*) from survey_respondents sr where sr.round_id = r.id)::int as answered,
         (case when r.meeting_id is not null and exists (select 1 from meeting_attendance ma where ma.meeting_id = r.meeting_id) then
            (select count(*) from meeting_attendance ma
              where ma.meeting_id = r.meeting_id and ma.status = 'present' and ma.person_id in (${STAFF_MEMBERS}))
          when r.community_id is not null then (select count(*) from (${STAFF_MEMBERS}) members)
          when r.for_families then
            (select count(distinct fl.person_id) from family_links fl
               join students st on st.id = fl.student_id join people p on p.id = fl.person_id
              where st.school_id = r.school_id and st.archived_at is null and p.status = 'active')
          else
            (select count(distinct ra.person_id) from role_assignments ra join people p on p.id = ra.person_id
              where ra.school_id = r.school_id and p.status = 'active'
                and ra.role in ('school_leader', 'coach', 'teacher', 'support_staff'))
          end)::int as expected
    from survey_rounds r
    left join communities c on c.id = r.community_id
    left join schools s on s.id = r.school_id
    left join meetings m on m.id = r.meeting_id`;

function toRound(raw: RawRound): RoundRow {
  return {
    id: raw.id,
    districtId: raw.district_id,
    community: raw.community_id
      ? { id: raw.community_id, districtId: raw.district_id, schoolIds: raw.community_school_ids ?? [] }
      : null,
    schoolId: raw.school_id,
    forFamilies: raw.for_families,
    meeting:
      raw.meeting_id && raw.meeting_starts_at
        ? {
            id: raw.meeting_id,
            title: raw.meeting_title ?? "",
            startsAt: new Date(raw.meeting_starts_at).toISOString(),
          }
        : null,
    instrumentRef: raw.instrument_ref,
    title: raw.title,
    items: raw.items,
    termLabel: raw.term_label,
    opensOn: raw.opens_on,
    closesOn: raw.closes_on,
    audienceName: raw.audience_name,
    audienceSchoolNames: raw.audience_school_names ?? [],
    answered: raw.answered,
    expected: raw.expected,
  };
}

/** One round, or undefined. */
export async function findRound(db: Db, id: string): Promise<RoundRow | undefined> {
  const result = await db.execute<RawRound>(sql`${SELECT_ROUNDS} where r.id = ${id}`);
  const raw = result.rows[0];
  return raw ? toRound(raw) : undefined;
}

/**
 * The district's rounds, newest first; with `sameAs`, only those of the same instrument and audience (a trend).
 * Callers keep those the reader may read with the rule itself.
 */
export async function listRounds(db: Db, districtId: string, sameAs?: RoundRow): Promise<RoundRow[]> {
  const same = sameAs
    ? sql`and coalesce(r.instrument_key, r.instrument_id::text) = ${sameAs.instrumentRef}
          and r.community_id is not distinct from ${sameAs.community?.id ?? null}::uuid
          and r.school_id is not distinct from ${sameAs.schoolId}::uuid and r.for_families = ${sameAs.forFamilies}
          and (r.meeting_id is null) = ${sameAs.meeting === null}`
    : sql``;
  const result = await db.execute<RawRound>(sql`${SELECT_ROUNDS}
     where r.district_id = ${districtId} ${same}
     order by r.opens_on desc, r.term_label desc
     limit 500`);
  return result.rows.map(toRound);
}

/** The rounds among `roundIds` the person has answered. */
export async function roundsAnsweredBy(db: Db, personId: string, roundIds: string[]): Promise<Set<string>> {
  if (!roundIds.length) return new Set();
  const result = await db.execute<{ round_id: string }>(sql`
    select round_id from survey_respondents
     where person_id = ${personId} and round_id in (${sql.join(
       roundIds.map((id) => sql`${id}`),
       sql`, `,
     )})`);
  return new Set(result.rows.map((r) => r.round_id));
}

/** How many answers each level of each item got in each round: counts only, there is nothing else to read. */
export async function countAnswers(db: Db, roundIds: string[]): Promise<Map<string, Map<string, Map<number, number>>>> {
  const counts = new Map<string, Map<string, Map<number, number>>>();
  if (!roundIds.length) return counts;
  const result = await db.execute<{ round_id: string; item_key: string; level: number; count: number }>(sql`
    select round_id, item_key, level, count(*)::int as count from survey_answers
     where round_id in (${sql.join(
       roundIds.map((id) => sql`${id}`),
       sql`, `,
     )})
     group by round_id, item_key, level`);
  for (const row of result.rows) {
    const byItem = counts.get(row.round_id) ?? new Map<string, Map<number, number>>();
    const byLevel = byItem.get(row.item_key) ?? new Map<number, number>();
    byLevel.set(row.level, row.count);
    byItem.set(row.item_key, byLevel);
    counts.set(row.round_id, byItem);
  }
  return counts;
}

/** The team's next scheduled meeting from now, or undefined. */
export async function findNextMeeting(db: Db, communityId: string) {
  const result = await db.execute<{ id: string; title: string; starts_at: string | Date; agenda_length: number }>(sql`
    select id, title, starts_at, jsonb_array_length(agenda)::int as agenda_length from meetings
     where community_id = ${communityId} and status = 'scheduled' and starts_at > ${sqlNow()}
     order by starts_at limit 1`);
  const row = result.rows[0];
  return row
    ? { id: row.id, title: row.title, startsAt: new Date(row.starts_at).toISOString(), agendaLength: row.agenda_length }
    : undefined;
}

/** The schools and teams where the actor may open a round, by name. */
export async function listOpenPlaces(db: Db, districtId: string) {
  const schools = await db.execute<{ id: string; name: string }>(sql`
    select id, name from schools where district_id = ${districtId} and archived_at is null order by name`);
  const teams = await db.execute<{ id: string; name: string; school_ids: string[] | null }>(sql`
    select c.id, c.name,
           array(select cs.school_id from community_schools cs where cs.community_id = c.id)::text[] as school_ids
      from communities c where c.district_id = ${districtId} and c.archived_at is null order by c.name`);
  return {
    schools: schools.rows,
    communities: teams.rows.map((t) => ({ id: t.id, name: t.name, schoolIds: t.school_ids ?? [] })),
  };
}

/** The district a school belongs to, or undefined when there is no such school. */
export async function findSchoolDistrict(db: Db, schoolId: string): Promise<{ districtId: string } | undefined> {
  const result = await db.execute<{ district_id: string }>(sql`select district_id from schools where id = ${schoolId}`);
  const row = result.rows[0];
  return row ? { districtId: row.district_id } : undefined;
}

/** The feedback round of a meeting, or undefined. */
export async function findMeetingRound(db: Db, meetingId: string): Promise<RoundRow | undefined> {
  const result = await db.execute<RawRound>(sql`${SELECT_ROUNDS} where r.meeting_id = ${meetingId}`);
  const raw = result.rows[0];
  return raw ? toRound(raw) : undefined;
}

/** The family surveys of some schools open on a day, the soonest closing first. */
export async function listOpenFamilyRounds(db: Db, schoolIds: readonly string[], today: string): Promise<RoundRow[]> {
  if (!schoolIds.length) return [];
  const result = await db.execute<RawRound>(sql`${SELECT_ROUNDS}
     where r.for_families and r.school_id in (${sql.join(
       schoolIds.map((id) => sql`${id}`),
       sql`, `,
     )}) and r.opens_on <= ${today}::date and r.closes_on >= ${today}::date
     order by r.closes_on, r.id`);
  return result.rows.map(toRound);
}

/** The schools of a family member's own children (family_links), for the family surveys they may answer. */
export async function ownChildrenSchoolIds(db: Db, actor: { personId: string; districtId: string }): Promise<string[]> {
  const result = await db.execute<{ school_id: string }>(sql`
    select distinct s.school_id from family_links f join students s on s.id = f.student_id
     where f.person_id = ${actor.personId} and f.district_id = ${actor.districtId}
       and s.archived_at is null and s.school_id is not null`);
  return result.rows.map((row) => row.school_id);
}
