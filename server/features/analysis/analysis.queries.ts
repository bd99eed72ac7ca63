import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";

/*
 * The team analysis of one assessment, computed in one statement over the students the reader may see.
 * Each section comes back as JSON text built by PostgreSQL, so the route sends it without re-serializing
 * thousands of student rows; only the small subgroup counts come back as values, to be suppressed in
 * analysis-subgroups.ts. bench/ times queryAssessmentAnalysis() alone against the whole route.
 */

/** Results with no class are grouped under this id (NULL would defeat the hash joins below). */
const NO_CLASS = sql`'00000000-0000-0000-0000-000000000000'::uuid`;

function percent(part: SQL, whole: SQL): SQL {
  return sql`case when ${whole} > 0 then round(100.0 * ${part} / ${whole}, 1)::float8 end`;
}

/**
 * The rows every section reads. res: the assessment's results on its targets; stu: the visible students who sat
 * (or missed) it, in name order, with their sitting; r: their results, absent and exempt students left out
 * (they are counted, never scored zero).
 */
function baseCtes(actor: Actor, assessmentId: string): SQL {
  return sql`
  tg as materialized (
    select at.target_id as id, at.max_points::float8 as max_points, at.proficient_level,
           lt.code, lt.statement, es.scale_levels, lv.levels,
           coalesce(lv.levels[array_length(lv.levels, 1)], at.proficient_level) as top_level,
           row_number() over (order by at.position, lt.code, at.target_id)::int as ord
      from assessment_targets at
      join learning_targets lt on lt.id = at.target_id
      left join essential_standards es on es.id = lt.essential_standard_id
      cross join lateral (
        select coalesce(array_agg(distinct (c->>'level')::int order by (c->>'level')::int), '{}') as levels
          from jsonb_array_elements(at.cut_scores) c) lv
     where at.assessment_id = ${assessmentId}),
  res as materialized (
    select tr.target_id, tr.student_id, tr.class_id, tr.points::float8 as points, tr.level,
           tg.ord as tord, tg.proficient_level, tg.top_level
      from target_results tr join tg on tg.id = tr.target_id
     where tr.assessment_id = ${assessmentId}),
  stu as materialized (
    select s.id, btrim(coalesce(nullif(s.preferred_name, ''), s.given_name) || ' ' || s.family_name) as name,
           coalesce(sit.status::text, 'completed') as status, sit.class_id as sitting_class,
           row_number() over (order by s.family_name, s.given_name, s.id) as ord
      from (select res.student_id from res
            union select x.student_id from assessment_sittings x where x.assessment_id = ${assessmentId}) p
      join students s on s.id = p.student_id
      left join assessment_sittings sit on sit.assessment_id = ${assessmentId} and sit.student_id = p.student_id
     where ${isVisibleStudent(actor)}),
  r as materialized (
    select res.target_id, res.student_id, coalesce(res.class_id, stu.sitting_class, ${NO_CLASS}) as class_id,
           res.points, res.level, res.tord, res.proficient_level, res.top_level
      from res join stu on stu.id = res.student_id and stu.status = 'completed')`;
}

/** Counts per level for the whole assessment, per class and per teacher, zero-filled over every level. */
const tallyCtes = sql`
  cnt as materialized (
    select 'all' as kind, ${NO_CLASS} as group_id, r.target_id, r.level, count(*)::int as n
      from r group by r.target_id, r.level
    union all
    select 'class', r.class_id, r.target_id, r.level, count(*)::int from r group by r.class_id, r.target_id, r.level
    union all
    select 'teacher', ct.person_id, r.target_id, r.level, count(*)::int
      from r join class_teachers ct on ct.class_id = r.class_id group by ct.person_id, r.target_id, r.level),
  missed as (
    select coalesce(stu.sitting_class, ${NO_CLASS}) as class_id,
           count(*) filter (where stu.status = 'absent')::int as absent,
           count(*) filter (where stu.status = 'exempt')::int as exempt
      from stu where stu.status <> 'completed' group by 1),
  grp as (
    select 'all' as kind, ${NO_CLASS} as group_id
    union select kind, group_id from cnt
    union select 'class', class_id from missed
    union select 'teacher', ct.person_id from missed join class_teachers ct on ct.class_id = missed.class_id),
  tl as (select tg.id as target_id, unnest(tg.levels) as level from tg
         union select target_id, level from cnt where kind = 'all'),
  tally as materialized (
    select g.kind, g.group_id, tl.target_id, tg.ord,
           coalesce(sum(c.n), 0)::int as assessed,
           coalesce(sum(c.n) filter (where tl.level >= tg.proficient_level), 0)::int as proficient,
           json_agg(json_build_object('level', tl.level, 'count', coalesce(c.n, 0)) order by tl.level) as levels
      from grp g cross join tl
      join tg on tg.id = tl.target_id
      left join cnt c on c.kind = g.kind and c.group_id = g.group_id and c.target_id = tl.target_id
                     and c.level = tl.level
     group by g.kind, g.group_id, tl.target_id, tg.ord)`;

const tallyJson = sql`json_build_object('targetId', t.target_id, 'assessed', t.assessed, 'proficient', t.proficient,
  'proficientPercent', ${percent(sql`t.proficient`, sql`t.assessed`)}, 'levels', t.levels)`;

const itemCtes = (assessmentId: string) => sql`
  it as (
    select i.id, i.position, i.label, i.max_points::float8 as max_points, i.correct_response
      from assessment_items i where i.assessment_id = ${assessmentId}),
  isc as materialized (
    select sc.item_id, sc.points::float8 as points, nullif(btrim(sc.response), '') as response
      from item_scores sc join stu on stu.id = sc.student_id and stu.status = 'completed'
     where sc.assessment_id = ${assessmentId}),
  istat as (
    select isc.item_id, count(isc.points)::int as scored, avg(isc.points) as mean,
           count(*) filter (where isc.points >= it.max_points)::int as full_marks
      from isc join it on it.id = isc.item_id group by isc.item_id),
  iresp as (
    select isc.item_id, isc.response, count(*)::int as n from isc where isc.response is not null
     group by isc.item_id, isc.response)`;

const targetsJson = sql`(
  select coalesce(json_agg(json_build_object(
           'targetId', tg.id, 'code', tg.code, 'statement', tg.statement, 'maxPoints', tg.max_points,
           'proficientLevel', tg.proficient_level, 'topLevel', tg.top_level,
           'levelLabels', coalesce((
             select json_agg(json_build_object('level', (l->>'level')::int, 'label', l->>'label')
                             order by (l->>'level')::int)
               from jsonb_array_elements(tg.scale_levels) l), '[]'),
           'assessed', t.assessed, 'proficient', t.proficient,
           'proficientPercent', ${percent(sql`t.proficient`, sql`t.assessed`)}, 'levels', t.levels,
           'meanPoints', round(ls.mean::numeric, 2)::float8,
           'belowProficient', coalesce(ls.below, '[]'), 'atTopLevel', coalesce(ls.top, '[]'))
         order by tg.ord), '[]')
    from tg
    join tally t on t.kind = 'all' and t.target_id = tg.id
    left join (
      select r.target_id, avg(r.points) as mean,
             json_agg(r.student_id) filter (where r.level < r.proficient_level) as below,
             json_agg(r.student_id) filter (where r.level >= r.top_level) as top
        from r group by r.target_id) ls on ls.target_id = tg.id)`;

/** The classes in the analysis with their teachers' names, and each teacher with their classes' titles. */
const peopleCtes = sql`
  cls as (select distinct t.group_id as class_id from tally t where t.kind = 'class'),
  class_teacher as (
    select k.class_id, ct.person_id, p.display_name, c.title
      from cls k join classes c on c.id = k.class_id
      join class_teachers ct on ct.class_id = k.class_id join people p on p.id = ct.person_id)`;

const classesJson = sql`(
  select coalesce(json_agg(json_build_object(
           'id', nullif(g.group_id, ${NO_CLASS}), 'name', coalesce(c.title, 'No class'),
           'related', coalesce(n.names, '{}'), 'absent', coalesce(m.absent, 0), 'exempt', coalesce(m.exempt, 0),
           'targets', g.targets)
         order by c.title nulls last, g.group_id), '[]')
    from (select t.group_id, json_agg(${tallyJson} order by t.ord) as targets
            from tally t where t.kind = 'class' group by t.group_id) g
    left join classes c on c.id = g.group_id
    left join (select x.class_id, array_agg(x.display_name order by x.display_name) as names
                 from class_teacher x group by x.class_id) n on n.class_id = g.group_id
    left join missed m on m.class_id = g.group_id)`;

const teachersJson = sql`(
  select coalesce(json_agg(json_build_object(
           'id', g.group_id, 'name', p.display_name, 'related', coalesce(n.titles, '{}'),
           'absent', coalesce(m.absent, 0), 'exempt', coalesce(m.exempt, 0), 'targets', g.targets)
         order by p.display_name, g.group_id), '[]')
    from (select t.group_id, json_agg(${tallyJson} order by t.ord) as targets
            from tally t where t.kind = 'teacher' group by t.group_id) g
    join people p on p.id = g.group_id
    left join (select x.person_id, array_agg(x.title order by x.title) as titles
                 from class_teacher x group by x.person_id) n on n.person_id = g.group_id
    left join (select ct.person_id, sum(missed.absent)::int as absent, sum(missed.exempt)::int as exempt
                 from missed join class_teachers ct on ct.class_id = missed.class_id group by ct.person_id) m
      on m.person_id = g.group_id)`;

const itemsJson = sql`(
  select coalesce(json_agg(json_build_object(
           'id', it.id, 'position', it.position, 'label', it.label, 'maxPoints', it.max_points,
           'correctResponse', it.correct_response,
           'targetIds', coalesce((select json_agg(x.target_id order by x.target_id) from item_targets x
                                   where x.item_id = it.id), '[]'),
           'scored', coalesce(s.scored, 0),
           'meanPoints', round(s.mean::numeric, 2)::float8,
           'percentOfMax', case when it.max_points > 0 then round((100 * s.mean / it.max_points)::numeric, 1)::float8 end,
           'percentFullyCorrect', ${percent(sql`s.full_marks`, sql`s.scored`)},
           'responses', coalesce((select json_agg(json_build_object('response', x.response, 'count', x.n)
                                                   order by x.n desc, x.response)
                                    from iresp x where x.item_id = it.id), '[]'),
           'mostCommonWrong', (select json_build_object('response', x.response, 'count', x.n) from iresp x
                                where x.item_id = it.id and it.correct_response is not null
                                  and upper(x.response) <> upper(btrim(it.correct_response))
                                order by x.n desc, x.response limit 1))
         order by it.position, it.id), '[]')
    from it left join istat s on s.item_id = it.id)`;

/** Levels in target order; a student missing a result on some target gets null there (the slow path, rarely). */
const studentsJson = sql`(
  select coalesce(json_agg(json_build_object(
           'id', stu.id, 'name', stu.name, 'status', stu.status,
           'classId', coalesce(stu.sitting_class, nullif(sl.class_id, ${NO_CLASS}::text)::uuid),
           'levels', case when sl.n = nt.n then to_json(sl.levels) else (
             select coalesce(json_agg(x.level order by g.tord), '[]') from generate_series(1, nt.n) g(tord)
               left join unnest(sl.tords, sl.levels) x(tord, level) on x.tord = g.tord) end)
         order by stu.ord), '[]')
    from stu
    left join (select r.student_id, count(*)::int as n, array_agg(r.level order by r.tord) as levels,
                      array_agg(r.tord order by r.tord) as tords, min(r.class_id::text) as class_id
                 from r group by r.student_id) sl on sl.student_id = stu.id
    cross join (select count(*)::int as n from tg) nt)`;

/** Counts per subgroup, target and level; suppression happens in analysis-subgroups.ts. */
const subgroupCountsJson = sql`(
  select coalesce(json_agg(json_build_object('targetId', x.target_id, 'dimension', x.dimension, 'key', x.key,
                                             'level', x.level, 'count', x.n)), '[]')
    from (select r.target_id, g.dimension, g.key, r.level, count(*)::int as n
            from r join student_demographics d on d.student_id = r.student_id
            cross join lateral (values
              ('sex', lower(btrim(d.sex)), coalesce(btrim(d.sex), '') <> ''),
              ('race', 'americanIndianOrAlaskaNative', d.american_indian_or_alaska_native),
              ('race', 'asian', d.asian),
              ('race', 'blackOrAfricanAmerican', d.black_or_african_american),
              ('race', 'nativeHawaiianOrOtherPacificIslander', d.native_hawaiian_or_other_pacific_islander),
              ('race', 'white', d.white),
              ('race', 'twoOrMoreRaces', d.two_or_more_races),
              ('ethnicity', 'hispanicOrLatino', d.hispanic_or_latino)) g(dimension, key, present)
           where g.present
           group by r.target_id, g.dimension, g.key, r.level) x)`;

export type SubgroupCount = { targetId: string; dimension: string; key: string; level: number; count: number };
export type TargetTotal = { targetId: string; assessed: number; proficientLevel: number; levels: number[] };

export type AnalysisQueryResult = {
  /** JSON text of each section, ready to send. */
  assessment: string;
  sittings: string;
  targets: string;
  classes: string;
  teachers: string;
  items: string;
  students: string;
  studentCount: number;
  subgroupCounts: SubgroupCount[];
  targetTotals: TargetTotal[];
};

/** Runs the whole analysis of one assessment for this reader in one statement; undefined if no such assessment. */
export async function queryAssessmentAnalysis(
  db: Db,
  actor: Actor,
  assessmentId: string,
): Promise<AnalysisQueryResult | undefined> {
  // The planner's estimates for these CTEs run far too high, which would have PostgreSQL JIT-compile hundreds of
  // expressions (seconds) for a query that runs in milliseconds; so JIT is off for this one statement.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    const result = await tx.execute<AnalysisQueryResult>(analysisStatement(actor, assessmentId));
    return result.rows[0];
  });
}

function analysisStatement(actor: Actor, assessmentId: string): SQL {
  return sql`
    with ${baseCtes(actor, assessmentId)}, ${tallyCtes}, ${peopleCtes}, ${itemCtes(assessmentId)}
    select json_build_object('id', a.id, 'title', a.title, 'givenOn', a.given_on,
                             'communityId', a.community_id)::text as assessment,
           (select json_build_object('assessed', count(*) filter (where stu.status = 'completed'),
                                     'absent', count(*) filter (where stu.status = 'absent'),
                                     'exempt', count(*) filter (where stu.status = 'exempt')) from stu)::text
             as sittings,
           ${targetsJson}::text as targets,
           ${classesJson}::text as classes,
           ${teachersJson}::text as teachers,
           ${itemsJson}::text as items,
           ${studentsJson}::text as students,
           (select count(*) from stu)::int as "studentCount",
           ${subgroupCountsJson} as "subgroupCounts",
           (select coalesce(json_agg(json_build_object('targetId', t.target_id, 'assessed', t.assessed,
                                                       'proficientLevel', tg.proficient_level,
                                                       'levels', array(select tl.level from tl
                                                                       where tl.target_id = tg.id order by tl.level))
                                     order by tg.ord), '[]')
              from tg join tally t on t.kind = 'all' and t.target_id = tg.id) as "targetTotals"
      from assessments a where a.id = ${assessmentId}`;
}
