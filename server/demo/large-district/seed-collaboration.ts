import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { learningCommunities } from "../../features/surveys/instruments/learning-communities";
import { generatedCalendar } from "./generated-calendar";
import { unit } from "./seed-evidence";
import { uuidFrom } from "./seed-interventions";

/*
 * A school year of collaboration for a generated district, in set-based SQL: a grade-level team in each school
 * for each grade it teaches (its teachers, one a facilitator), and for every team (these and the district-wide
 * course teams) weekly meetings from the third week of August to early June (held up to the calendar's "today",
 * scheduled after; a few cancelled; about one team in twelve stops meeting three weeks before "today"),
 * attendance, two action items a meeting (most done, some open and overdue), a finished cycle and an active one
 * (some stalled), norms with a check-in every four weeks, a self-assessment round in the fall term, and for each
 * grade-level team a meetings-held and a check-in goal. Every choice comes from hashes, so the same district
 * always gets the same year.
 */

const MARK = "Generated grade-level team";
const WEEKS = 42;
const NORMS = ["Start and end on time", "Assume good intent", "Bring student work", "Share the talking"];

export type CollaborationCounts = {
  teams: number;
  meetings: number;
  attendance: number;
  actionItems: number;
  cycles: number;
  normRatings: number;
  surveyAnswers: number;
  goals: number;
};

async function countAll(db: Db, districtId: string): Promise<CollaborationCounts> {
  const result = await db.execute<CollaborationCounts>(sql`
    select (select count(*)::int from communities where district_id = ${districtId}) as teams,
           (select count(*)::int from meetings where district_id = ${districtId}) as meetings,
           (select count(*)::int from meeting_attendance where district_id = ${districtId}) as attendance,
           (select count(*)::int from action_items where district_id = ${districtId}) as "actionItems",
           (select count(*)::int from cycles where district_id = ${districtId}) as cycles,
           (select count(*)::int from norm_ratings where district_id = ${districtId}) as "normRatings",
           (select count(*)::int from survey_answers where district_id = ${districtId}) as "surveyAnswers",
           (select count(*)::int from goals where district_id = ${districtId}) as goals`);
  const row = result.rows[0];
  if (!row) throw new Error("no counts");
  return row;
}

/**
 * Writes the year of collaboration of a generated district whose roster and evidence are there. Does nothing when
 * the district already has its grade-level teams, so it can run on a district generated before this existed.
 */
export async function seedGeneratedCollaboration(
  db: Db,
  districtId: string,
  options: { asOf?: string } = {},
): Promise<CollaborationCounts & { skipped: boolean }> {
  const calendar = generatedCalendar(options.asOf);
  const asOf = calendar.asOf;
  const firstWeek = calendar.day("2026-08-17");
  const winterBreak = [calendar.day("2026-12-21"), calendar.day("2027-01-03")] as const;
  const seeded = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from communities where district_id = ${districtId} and purpose = ${MARK}`,
  );
  if ((seeded.rows[0]?.n ?? 0) > 0) return { ...(await countAll(db, districtId)), skipped: true };
  const h = (text: SQL) => unit(text);
  const owner = await db.execute<{ id: string }>(sql`
    select p.id from people p join role_assignments r on r.person_id = p.id
     where p.district_id = ${districtId} and r.role = 'teacher' order by p.id limit 1`);
  const ownerId = owner.rows[0]?.id;
  if (!ownerId) throw new Error("the generated district has no teachers");

  await db.transaction(async (tx) => {
    // A grade-level team per school and grade, of the teachers of that grade's classes there.
    await tx.execute(sql`
      insert into communities (id, district_id, name, kind, purpose, created_at)
      select ${uuidFrom(sql`'team:' || x.school_id || ':' || x.grade`)}, ${districtId}, s.name || ' grade ' || x.grade || ' team',
             'grade_level', ${MARK}, (${firstWeek}::date - 7)::timestamptz
        from (select distinct school_id, grades[1] as grade from classes
               where district_id = ${districtId} and school_id is not null and cardinality(grades) > 0) x
        join schools s on s.id = x.school_id`);
    await tx.execute(sql`
      insert into community_schools (district_id, community_id, school_id)
      select distinct ${districtId}::uuid, ${uuidFrom(sql`'team:' || cl.school_id || ':' || cl.grades[1]`)}, cl.school_id
        from classes cl where cl.district_id = ${districtId} and cl.school_id is not null and cardinality(cl.grades) > 0`);
    await tx.execute(sql`
      insert into community_members (district_id, community_id, person_id, team_role, shares_students, joined_at)
      select ${districtId}::uuid, team_id, person_id,
             case when rank = 1 then 'facilitator' else 'member' end::team_role, true, (${firstWeek}::date - 7)::timestamptz
        from (select team_id, person_id, row_number() over (partition by team_id order by md5(person_id::text)) as rank
                from (select distinct ${uuidFrom(sql`'team:' || cl.school_id || ':' || cl.grades[1]`)} as team_id, ct.person_id
                        from classes cl join class_teachers ct on ct.class_id = cl.id
                       where cl.district_id = ${districtId} and cl.school_id is not null
                         and cardinality(cl.grades) > 0) m) ranked`);

    // Weekly meetings of every team; a team in twelve stops three weeks before "today".
    await tx.execute(sql`
      create temp table gen_meetings on commit drop as
      select ${uuidFrom(sql`'meeting:' || c.id || ':' || w`)} as id, c.id as community_id, w, day,
             case when day >= ${asOf}::date then 'scheduled'
                  when ${h(sql`'quiet:' || c.id`)} < 0.08 and day > ${asOf}::date - 21 then 'cancelled'
                  when ${h(sql`'cancel:' || c.id || w`)} < 0.04 then 'cancelled'
                  else 'completed' end::meeting_status as status
        from communities c
        cross join generate_series(0, ${WEEKS - 1}) w
        cross join lateral (select (${firstWeek}::date + w * 7 + (${h(sql`'weekday:' || c.id`)} * 4)::int) as day) d
       where c.district_id = ${districtId} and c.archived_at is null
         and day not between ${winterBreak[0]}::date and ${winterBreak[1]}::date`);
    await tx.execute(sql`
      insert into meetings (id, district_id, community_id, title, starts_at, ends_at, status, notes, agenda, created_at)
      select m.id, ${districtId}, m.community_id, 'Weekly team meeting',
             (m.day + time '21:30') at time zone 'UTC', (m.day + time '22:30') at time zone 'UTC', m.status,
             case when m.status = 'completed' then 'Looked at the latest common assessment and chose next steps.' else '' end,
             '[{"title":"Review student work","minutes":30},{"title":"Plan next steps","minutes":20}]'::jsonb,
             (m.day - 7)::timestamptz
        from gen_meetings m`);
    await tx.execute(sql`
      insert into meeting_attendance (district_id, meeting_id, person_id, status)
      select ${districtId}, m.id, cm.person_id,
             case when ${h(sql`'present:' || m.id || cm.person_id`)} < 0.88 then 'present'
                  when ${h(sql`'excused:' || m.id || cm.person_id`)} < 0.5 then 'excused' else 'absent' end::attendance_status
        from gen_meetings m join community_members cm on cm.community_id = m.community_id
       where m.status = 'completed'`);
    // Two action items a meeting held, owned by members: done within the week mostly, some left open.
    await tx.execute(sql`
      insert into action_items (district_id, community_id, meeting_id, title, owner_id, due_on, status, completed_at, created_at)
      select ${districtId}, m.community_id, m.id, (array['Bring samples of student work', 'Try the strategy in class'])[n],
             o.person_id, m.day + 7,
             case when m.day + 7 < ${asOf}::date and ${h(sql`'done:' || m.id || n`)} < 0.92 then 'done' else 'open' end::action_item_status,
             case when m.day + 7 < ${asOf}::date and ${h(sql`'done:' || m.id || n`)} < 0.92
                  then (m.day + 6)::timestamptz end,
             m.day::timestamptz
        from gen_meetings m cross join generate_series(1, 2) n
        cross join lateral (
          select cm.person_id from community_members cm where cm.community_id = m.community_id
           order by md5(cm.person_id::text || m.id::text || n) limit 1) o
       where m.status = 'completed'`);

    // A finished cycle in the fall and an active one since November; about one in ten active cycles has stalled.
    await tx.execute(sql`
      create temp table gen_cycles on commit drop as
      select ${uuidFrom(sql`'cycle:' || c.id || ':' || k`)} as id, c.id as community_id, k,
             case when k = 1 then ${firstWeek}::date + 7 else ${firstWeek}::date + 77 end as starts_on,
             case when k = 1 then 'evaluation'
                  else (array['learning_needs', 'shared_goals', 'professional_learning', 'strategies',
                              'implementation', 'monitoring'])[1 + (${h(sql`'stage:' || c.id`)} * 6)::int % 6] end::cycle_stage as stage,
             k = 2 and ${h(sql`'stall:' || c.id`)} < 0.1 as stalled
        from communities c cross join generate_series(1, 2) k
       where c.district_id = ${districtId} and c.archived_at is null`);
    await tx.execute(sql`
      insert into cycles (id, district_id, community_id, title, focus, status, current_stage, starts_on, ends_on,
                          finished_at, created_at, updated_at)
      select y.id, ${districtId}, y.community_id, case when y.k = 1 then 'Fall cycle' else 'Winter cycle' end,
             'Students explain their reasoning in writing', case when y.k = 1 then 'finished' else 'active' end::cycle_status,
             y.stage, y.starts_on, case when y.k = 1 then y.starts_on + 63 else y.starts_on + 112 end,
             case when y.k = 1 then (y.starts_on + 63)::timestamptz end, y.starts_on::timestamptz,
             case when y.stalled then (y.starts_on + 3)::timestamptz
                  when y.k = 1 then (y.starts_on + 63)::timestamptz else (${asOf}::date - 4)::timestamptz end
        from gen_cycles y`);
    await tx.execute(sql`
      insert into cycle_stages (district_id, cycle_id, stage, starts_on, due_on, completed_at)
      select ${districtId}, y.id, s.stage, y.starts_on + (s.n - 1) * 9, y.starts_on + s.n * 9 + case when y.k = 2 and not y.stalled then 21 else 0 end,
             case when s.stage < y.stage or y.k = 1 then (y.starts_on + s.n * 9)::timestamptz end
        from gen_cycles y
        cross join lateral (select u.stage, u.n::int as n
                             from unnest(enum_range(null::cycle_stage)) with ordinality u(stage, n)) s`);

    // Norms, a check-in every four weeks until "today", rated by about 70% of the members.
    await tx.execute(sql`
      insert into norm_versions (id, district_id, community_id, version, norms, created_at)
      select ${uuidFrom(sql`'norms:' || c.id`)}, ${districtId}, c.id, 1, ${JSON.stringify(NORMS)}::jsonb, ${firstWeek}::timestamptz
        from communities c where c.district_id = ${districtId} and c.archived_at is null`);
    await tx.execute(sql`
      insert into norm_checkins (id, district_id, community_id, norm_version_id, opens_on, closes_on)
      select ${uuidFrom(sql`'checkin:' || c.id || ':' || n`)}, ${districtId}, c.id, ${uuidFrom(sql`'norms:' || c.id`)},
             ${firstWeek}::date + n * 28, ${firstWeek}::date + n * 28 + 6
        from communities c cross join generate_series(1, 4) n
       where c.district_id = ${districtId} and c.archived_at is null and ${firstWeek}::date + n * 28 + 6 < ${asOf}::date`);
    await tx.execute(sql`
      insert into norm_checkin_responses (district_id, checkin_id, person_id)
      select ${districtId}, nc.id, cm.person_id
        from norm_checkins nc join community_members cm on cm.community_id = nc.community_id
       where nc.district_id = ${districtId} and ${h(sql`'rated:' || nc.id || cm.person_id`)} < 0.7`);
    await tx.execute(sql`
      insert into norm_ratings (district_id, checkin_id, norm_index, rating)
      select ${districtId}, r.checkin_id, i, 1 + least(3, (${h(sql`'rating:' || r.checkin_id || r.person_id || i`)} * 3.6)::int)
        from norm_checkin_responses r cross join generate_series(0, ${NORMS.length - 1}) i
       where r.district_id = ${districtId}`);

    // The fall self-assessment: the Learning Communities instrument, answered by about 75% of each team.
    await tx.execute(sql`
      insert into survey_rounds (id, district_id, instrument_key, title, items, community_id, term_label, opens_on, closes_on)
      select ${uuidFrom(sql`'round:' || c.id`)}, ${districtId}, ${learningCommunities.key}, ${learningCommunities.title},
             ${JSON.stringify(learningCommunities.items)}::jsonb, c.id, 'Fall', ${firstWeek}::date + 56, ${firstWeek}::date + 70
        from communities c where c.district_id = ${districtId} and c.archived_at is null`);
    await tx.execute(sql`
      insert into survey_respondents (district_id, round_id, person_id)
      select ${districtId}, r.id, cm.person_id
        from survey_rounds r join community_members cm on cm.community_id = r.community_id
       where r.district_id = ${districtId} and ${h(sql`'answered:' || r.id || cm.person_id`)} < 0.75`);
    await tx.execute(sql`
      insert into survey_answers (district_id, round_id, item_key, level)
      select ${districtId}, sr.round_id, item ->> 'key',
             1 + least(jsonb_array_length(item -> 'levels') - 1,
                       (${h(sql`'level:' || sr.round_id || sr.person_id || (item ->> 'key')`)} * jsonb_array_length(item -> 'levels'))::int)
        from survey_respondents sr join survey_rounds r on r.id = sr.round_id
        cross join jsonb_array_elements(r.items) item
       where sr.district_id = ${districtId}`);

    // Each grade-level team's goals: meetings held, and its norms check-in.
    await tx.execute(sql`
      insert into goals (district_id, level, community_id, owner_id, title, measure_kind, measure, baseline, target,
                         starts_on, due_on)
      select ${districtId}, 'team', c.id, ${ownerId}, g.title, g.kind::goal_measure_kind, '{}'::jsonb, g.baseline, g.target,
             ${firstWeek}::date, ${calendar.day("2027-06-04")}::date
        from communities c
        cross join (values ('Meet every week', 'meetings_held', 70, 95), ('Keep our norms', 'checkin', 2.5, 3.5))
                   g(title, kind, baseline, target)
       where c.district_id = ${districtId} and c.purpose = ${MARK}`);
  });
  await db.execute(sql`vacuum (analyze) communities, community_members, community_schools, meetings, meeting_attendance,
    action_items, cycles, cycle_stages, norm_checkins, norm_checkin_responses, norm_ratings, survey_rounds,
    survey_respondents, survey_answers, goals`);
  return { ...(await countAll(db, districtId)), skipped: false };
}
