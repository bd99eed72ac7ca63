import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/*
 * The learning evidence of a generated district, written with set-based SQL so ten million rows take
 * minutes, not hours: a standards framework, one district-wide team per grade and subject (the teachers
 * of those classes), its essential standards unpacked into targets, common assessments given to all the
 * team's classes, sittings (some absent or exempt) and target-level results. Scores come from hashes of
 * sourcedIds and codes, so the same roster always gets the same results.
 */

const STANDARDS_PER_COURSE = 20;
const ESSENTIALS_PER_TEAM = 12;
const TARGETS_PER_ESSENTIAL = 2;

/** A number in [0, 1) from any text, the same on PostgreSQL 15 and PGlite. */
export const unit = (text: ReturnType<typeof sql>) =>
  sql`((abs(('x' || substr(md5(${text}), 1, 8))::bit(32)::int) % 1000) / 1000.0)`;

export type EvidenceCounts = {
  standards: number;
  teams: number;
  targets: number;
  assessments: number;
  sittings: number;
  targetResults: number;
  itemScores: number;
};

async function count(db: Db, table: string, districtId: string): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where district_id = ${districtId}`,
  );
  return result.rows[0]?.n ?? 0;
}

/** Writes the evidence for a district whose roster is already imported; reports progress per assessment. */
export async function seedGeneratedEvidence(
  db: Db,
  districtId: string,
  options: {
    assessments: number;
    /** The first round of common assessments (then one every two weeks). */
    firstAssessmentOn?: string;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<EvidenceCounts> {
  await db.execute(sql`
    insert into standard_frameworks (district_id, case_identifier, title, creator, subjects)
    values (${districtId}, 'generated-framework', 'Generated Standards', 'Collective generator', array['ELA', 'Mathematics'])`);
  await db.execute(sql`
    insert into standards (district_id, framework_id, case_identifier, human_coding_scheme, full_statement, item_type,
                           education_levels, position, depth, search)
    select ${districtId}, f.id, 'gen-' || c.grade || '-' || c.subject || '-' || n,
           upper(c.subject) || '.' || c.grade || '.' || n,
           'Students can ' || (array['explain', 'compare', 'analyze', 'model', 'solve', 'describe'])[1 + n % 6] ||
             ' ' || c.subject || ' idea ' || n || ' for grade ' || c.grade || '.',
           'Standard', array[c.grade], n, 0,
           to_tsvector('english', upper(c.subject) || '.' || c.grade || '.' || n)
    from standard_frameworks f
    cross join (select distinct grades[1] as grade, case when title like 'ELA%' then 'ela' else 'math' end as subject
                from courses where district_id = ${districtId}) c
    cross join generate_series(1, ${STANDARDS_PER_COURSE}) n
    where f.district_id = ${districtId} and f.case_identifier = 'generated-framework'`);

  // One district-wide team per course (grade × subject): the teachers of its classes, across schools. A leader
  // approved sharing students in it, and its teachers chose to share theirs (as each would from the team page).
  await db.execute(sql`
    insert into communities (district_id, name, kind, purpose, student_sharing_approved_at)
    select ${districtId}, 'District ' || co.title || ' team', 'cross_school',
           'Common assessments and shared responses for ' || co.title || ' across the district.', now()
    from courses co where co.district_id = ${districtId}`);
  await db.execute(sql`
    insert into community_members (district_id, community_id, person_id, team_role, shares_students)
    select distinct on (cm.id, ct.person_id) ${districtId}::uuid, cm.id, ct.person_id, 'member'::team_role, true
    from communities cm
    join courses co on cm.name = 'District ' || co.title || ' team' and co.district_id = cm.district_id
    join classes cl on cl.district_id = co.district_id and co.grades[1] = any(cl.grades) and co.subjects[1] = any(cl.subjects)
    join class_teachers ct on ct.class_id = cl.id
    where cm.district_id = ${districtId}`);
  await db.execute(sql`
    insert into community_schools (district_id, community_id, school_id)
    select distinct ${districtId}::uuid, cm.id, cl.school_id
    from communities cm
    join courses co on cm.name = 'District ' || co.title || ' team' and co.district_id = cm.district_id
    join classes cl on cl.district_id = co.district_id and co.grades[1] = any(cl.grades) and co.subjects[1] = any(cl.subjects)
    where cm.district_id = ${districtId}`);
  await db.execute(sql`
    insert into essential_standards (district_id, community_id, standard_id, course_id, grade, unit_title, scale_levels,
                                     proficient_level, position)
    select ${districtId}, cm.id, st.id, co.id, co.grades[1], 'Year-long essentials',
           '[{"level":1,"label":"Beginning","descriptor":"Needs support with the basics."},
             {"level":2,"label":"Approaching","descriptor":"Does the simpler parts alone."},
             {"level":3,"label":"Proficient","descriptor":"Meets the standard."},
             {"level":4,"label":"Advanced","descriptor":"Goes beyond the standard."}]'::jsonb,
           3, st.position
    from communities cm
    join courses co on cm.name = 'District ' || co.title || ' team' and co.district_id = cm.district_id
    join standards st on st.district_id = cm.district_id
      and st.case_identifier like 'gen-' || co.grades[1] || '-' || case when co.title like 'ELA%' then 'ela' else 'math' end || '-%'
      and st.position <= ${ESSENTIALS_PER_TEAM}
    where cm.district_id = ${districtId}`);
  await db.execute(sql`
    insert into learning_targets (district_id, standard_id, community_id, essential_standard_id, code, statement, position)
    select ${districtId}, es.standard_id, es.community_id, es.id, st.human_coding_scheme || '.' || t,
           'I can ' || (array['show', 'explain'])[t] || ' ' || lower(st.full_statement), t
    from essential_standards es join standards st on st.id = es.standard_id
    cross join generate_series(1, ${TARGETS_PER_ESSENTIAL}) t
    where es.district_id = ${districtId}`);

  // Assessment i belongs to team i mod teams and measures 4 to 22 of its targets (13 on average).
  await db.execute(sql`
    with teams as (
      select cm.id, row_number() over (order by cm.name) - 1 as k, count(*) over () as n
      from communities cm where cm.district_id = ${districtId} and cm.name like 'District % team')
    insert into assessments (district_id, community_id, title, given_on, status, sourced_id)
    select ${districtId}, teams.id, 'Common assessment ' || (i / teams.n + 1) || ' (' || i || ')',
           ${options.firstAssessmentOn ?? "2026-09-14"}::date + ((i / teams.n) * 14)::int, 'closed', 'gen-assessment-' || i
    from generate_series(0, ${options.assessments - 1}) i join teams on teams.k = i % teams.n`);
  await db.execute(sql`
    insert into assessment_classes (district_id, assessment_id, class_id)
    select ${districtId}, a.id, cl.id
    from assessments a
    join communities cm on cm.id = a.community_id
    join courses co on cm.name = 'District ' || co.title || ' team' and co.district_id = cm.district_id
    join classes cl on cl.district_id = co.district_id and co.grades[1] = any(cl.grades) and co.subjects[1] = any(cl.subjects)
    where a.district_id = ${districtId}`);
  await db.execute(sql`
    insert into assessment_targets (district_id, assessment_id, target_id, position, max_points, cut_scores, proficient_level)
    select ${districtId}, a.id, lt.id, lt.rank, 4,
           '[{"level":1,"minPoints":0},{"level":2,"minPoints":1.5},{"level":3,"minPoints":2.5},{"level":4,"minPoints":3.5}]'::jsonb, 3
    from assessments a
    join (select lt.*, row_number() over (partition by lt.community_id order by lt.code) as rank
          from learning_targets lt where lt.district_id = ${districtId}) lt on lt.community_id = a.community_id
    where a.district_id = ${districtId}
      and lt.rank <= 4 + (substr(a.sourced_id, 16)::int * 7) % 19`);
  await db.execute(sql`
    insert into assessment_items (district_id, assessment_id, position, label, max_points, correct_response)
    select ${districtId}, at.assessment_id, at.position * 2 + k, 'Q' || (at.position * 2 + k - 1), 2, case when k = 0 then 'B' end
    from assessment_targets at cross join generate_series(0, 1) k
    where at.district_id = ${districtId}
      and (select count(*) from assessment_targets o where o.assessment_id = at.assessment_id) <= 6`);
  await db.execute(sql`
    insert into item_targets (district_id, item_id, target_id)
    select ${districtId}, i.id, at.target_id
    from assessment_items i join assessment_targets at on at.assessment_id = i.assessment_id and i.position in (at.position * 2, at.position * 2 + 1)
    where i.district_id = ${districtId}`);

  const ids = await db.execute<{ id: string }>(
    sql`select id from assessments where district_id = ${districtId} and sourced_id like 'gen-assessment-%' order by given_on, id`,
  );
  for (const [index, { id }] of ids.rows.entries()) {
    await seedAssessmentResults(db, districtId, id, index);
    options.onProgress?.(index + 1, ids.rows.length);
  }
  return {
    standards: await count(db, "standards", districtId),
    teams: await count(db, "communities", districtId),
    targets: await count(db, "learning_targets", districtId),
    assessments: ids.rows.length,
    sittings: await count(db, "assessment_sittings", districtId),
    targetResults: await count(db, "target_results", districtId),
    itemScores: await count(db, "item_scores", districtId),
  };
}

async function seedAssessmentResults(db: Db, districtId: string, assessmentId: string, order: number): Promise<void> {
  const seat = unit(sql`s.sourced_id || a.sourced_id`);
  await db.execute(sql`
    insert into assessment_sittings (district_id, assessment_id, student_id, class_id, status)
    select distinct on (cs.student_id) ${districtId}::uuid, a.id, cs.student_id, cs.class_id,
           (case when ${seat} < 0.03 then 'absent' when ${seat} > 0.99 then 'exempt' else 'completed' end)::sitting_status
    from assessments a
    join assessment_classes ac on ac.assessment_id = a.id
    join class_students cs on cs.class_id = ac.class_id
    join students s on s.id = cs.student_id
    where a.id = ${assessmentId}
    order by cs.student_id, cs.class_id`);
  // Fraction of the target's points: the student's ability, the target's difficulty, some noise, and growth
  // over the year; rounded to half points.
  const fraction = sql`greatest(0, least(1,
    0.2 + 0.75 * ${unit(sql`s.sourced_id`)} - 0.4 * ${unit(sql`lt.code`)} + 0.2
    + 0.5 * (${unit(sql`s.sourced_id || lt.code || ${String(order)}`)} - 0.5) + ${order * 0.002}))`;
  await db.execute(sql`
    insert into target_results (district_id, assessment_id, target_id, student_id, class_id, points, level, assessed_on)
    select ${districtId}, x.assessment_id, x.target_id, x.student_id, x.class_id, x.points,
           case when x.points >= 3.5 then 4 when x.points >= 2.5 then 3 when x.points >= 1.5 then 2 else 1 end, x.given_on
    from (
      select a.id as assessment_id, at.target_id, si.student_id, si.class_id, a.given_on,
             round(${fraction} * 8) / 2 as points
      from assessments a
      join assessment_targets at on at.assessment_id = a.id
      join learning_targets lt on lt.id = at.target_id
      join assessment_sittings si on si.assessment_id = a.id and si.status = 'completed'
      join students s on s.id = si.student_id
      where a.id = ${assessmentId}) x
    order by x.target_id, x.student_id`);
  // Item scores (two items per target) for the short assessments: the first item is selected-response.
  await db.execute(sql`
    insert into item_scores (district_id, assessment_id, item_id, student_id, points, response)
    select ${districtId}, tr.assessment_id, i.id, tr.student_id,
           case when i.position = at.position * 2 then least(2, tr.points) else tr.points - least(2, tr.points) end,
           case when i.correct_response is null then null
                when least(2, tr.points) = 2 then 'B'
                else (array['A', 'C', 'D', 'C'])[1 + (abs(('x' || substr(md5(i.id::text || tr.student_id::text), 1, 8))::bit(32)::int) % 4)] end
    from target_results tr
    join assessment_targets at on at.assessment_id = tr.assessment_id and at.target_id = tr.target_id
    join assessment_items i on i.assessment_id = tr.assessment_id and i.position in (at.position * 2, at.position * 2 + 1)
    where tr.assessment_id = ${assessmentId}`);
}
