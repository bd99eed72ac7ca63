import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../server/policy/actor";
import { isVisibleStudent } from "../../server/policy/student-scope";

/*
 * The pieces of the analysis statement (analysis.queries.ts): the rows every section reads, then one JSON
 * section each. Every section is set-based over at most a few tens of thousands of rows; none loops per student.
 */

/** Results with no class are grouped under this id (NULL would defeat the hash joins below). */
const NO_CLASS = sql`'00000000-0000-0000-0000-000000000000'::uuid`;
/** Tallies are kept for the whole assessment, per class and per teacher. */
const ALL = sql.raw("0");
const CLASS = sql.raw("1");
const TEACHER = sql.raw("2");

function percent(part: SQL, whole: SQL): SQL {
  return sql`case when ${whole} > 0 then round(100.0 * ${part} / ${whole}, 1)::float8 end`;
}

/**
 * tg: the targets in order; res: the assessment's results on them; stu: the visible students who sat (or
 * missed) it, in name order, with their sitting and class; r: their results, absent and exempt students left
 * out (they are counted apart, never scored zero).
 */
export function baseCtes(actor: Actor, assessmentId: string): SQL {
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
           tg.proficient_level, tg.top_level
      from target_results tr join tg on tg.id = tr.target_id
     where tr.assessment_id = ${assessmentId}),
  pop as materialized (
    select p.student_id, min(p.class_id::text)::uuid as class_id
      from (select res.student_id, res.class_id from res
            union all select x.student_id, x.class_id from assessment_sittings x
                       where x.assessment_id = ${assessmentId}) p
     group by p.student_id),
  -- Students are read by key (s.id = any(...)): this assessment's few thousand, not the district's every one.
  stu as materialized (
    select s.id, btrim(coalesce(nullif(s.preferred_name, ''), s.given_name) || ' ' || s.family_name) as name,
           coalesce(sit.status::text, 'completed') as status, coalesce(sit.class_id, pop.class_id) as class_id,
           row_number() over (order by s.family_name, s.given_name, s.id)::int as ord
      from students s
      join pop on pop.student_id = s.id
      left join assessment_sittings sit on sit.assessment_id = ${assessmentId} and sit.student_id = s.id
     where s.id = any(array(select pop.student_id from pop)) and ${isVisibleStudent(actor)}),
  r as materialized (
    select res.target_id, res.student_id, coalesce(res.class_id, stu.class_id, ${NO_CLASS}) as class_id,
           res.points, res.level, res.proficient_level, res.top_level, stu.ord
      from res join stu on stu.id = res.student_id and stu.status = 'completed')`;
}

/**
 * Counts per level for the whole assessment, per class and per teacher, zero-filled over every level. Results
 * are counted once, by class; the whole assessment and each teacher (across their classes) add those up. The
 * zero-filling reads each group's counts from one jsonb map, so no join here depends on the planner guessing
 * the sizes of these CTEs right.
 */
export const tallyCtes = sql`
  by_class as materialized (
    select r.class_id, r.target_id, r.level, count(*)::int as n from r group by r.class_id, r.target_id, r.level),
  cnt as materialized (
    select ${CLASS} as kind, b.class_id as group_id, b.target_id, b.level, b.n from by_class b
    union all
    select ${ALL}, ${NO_CLASS}, b.target_id, b.level, sum(b.n)::int from by_class b group by b.target_id, b.level
    union all
    select ${TEACHER}, ct.person_id, b.target_id, b.level, sum(b.n)::int
      from by_class b join class_teachers ct on ct.class_id = b.class_id group by ct.person_id, b.target_id, b.level),
  missed as (
    select coalesce(stu.class_id, ${NO_CLASS}) as class_id,
           count(*) filter (where stu.status = 'absent')::int as absent,
           count(*) filter (where stu.status = 'exempt')::int as exempt
      from stu where stu.status <> 'completed' group by 1),
  grp as (
    select ${ALL} as kind, ${NO_CLASS} as group_id
    union select kind, group_id from cnt
    union select ${CLASS}, class_id from missed
    union select ${TEACHER}, ct.person_id from missed join class_teachers ct on ct.class_id = missed.class_id),
  tl as (
    select tg.id as target_id, tg.ord, tg.proficient_level,
           array(select distinct x.level from (
                   select unnest(tg.levels) as level
                   union all select c.level from cnt c where c.kind = ${ALL} and c.target_id = tg.id) x
                 order by x.level) as levels
      from tg),
  gsum as (
    select c.kind, c.group_id, jsonb_object_agg(c.target_id::text || ':' || c.level, c.n) as counts
      from cnt c group by c.kind, c.group_id),
  tally as materialized (
    select g.kind, g.group_id, tl.target_id, tl.ord, x.assessed, x.proficient, x.levels
      from grp g
      left join gsum s on s.kind = g.kind and s.group_id = g.group_id
      cross join tl
      cross join lateral (
        select coalesce(sum(v.n), 0)::int as assessed,
               coalesce(sum(v.n) filter (where v.level >= tl.proficient_level), 0)::int as proficient,
               json_agg(json_build_object('level', v.level, 'count', v.n) order by v.level) as levels
          from (select l.level, coalesce((s.counts ->> (tl.target_id::text || ':' || l.level))::int, 0) as n
                  from unnest(tl.levels) l(level)) v) x)`;

const tallyJson = sql`json_build_object('targetId', t.target_id, 'assessed', t.assessed, 'proficient', t.proficient,
  'proficientPercent', ${percent(sql`t.proficient`, sql`t.assessed`)}, 'levels', t.levels)`;

/**
 * Per target: every student's level in name order (null where there is none), who is below proficient, who is
 * at the top. The nulls come from gaps: the targets a student has no result on, found from each student's list
 * of targets rather than by pairing every student with every target.
 */
export const perTargetCte = sql`
  rstu as (select r.student_id, array_agg(r.target_id) as targets from r group by r.student_id),
  gaps as (
    select tg.id as target_id, stu.ord
      from stu left join rstu on rstu.student_id = stu.id
      cross join tg
     where coalesce(cardinality(rstu.targets), 0) < (select count(*) from tg)
       and not (tg.id = any(coalesce(rstu.targets, '{}')))),
  per_target as materialized (
    select x.target_id, json_agg(x.level order by x.ord) as student_levels
      from (select r.target_id, r.ord, r.level from r
            union all select gaps.target_id, gaps.ord, null::smallint from gaps) x
     group by x.target_id),
  lists as materialized (
    select r.target_id, avg(r.points) as mean,
           coalesce(json_agg(r.student_id) filter (where r.level < r.proficient_level), '[]') as below,
           coalesce(json_agg(r.student_id) filter (where r.level >= r.top_level), '[]') as top
      from r group by r.target_id)`;

/**
 * Item scores of completed sittings, counted in one hashed pass by item, response and points; the item
 * figures (scored, mean, full marks) and the response counts are sums over those few rows.
 */
export const itemCtes = (assessmentId: string) => sql`
  it as materialized (
    select i.id, i.position, i.label, i.max_points::float8 as max_points, i.correct_response
      from assessment_items i where i.assessment_id = ${assessmentId}),
  iscore as materialized (
    select sc.item_id, nullif(btrim(sc.response), '') as response, sc.points::float8 as points, count(*)::int as n
      from item_scores sc
     where sc.assessment_id = ${assessmentId}
       and sc.student_id = any(array(select stu.id from stu where stu.status = 'completed'))
     group by sc.item_id, nullif(btrim(sc.response), ''), sc.points),
  iresp as (
    select x.item_id, x.response, sum(x.n)::int as n from iscore x where x.response is not null
     group by x.item_id, x.response),
  istat as (
    select x.item_id, coalesce(sum(x.n) filter (where x.points is not null), 0)::int as scored,
           sum(x.points * x.n) / nullif(sum(x.n) filter (where x.points is not null), 0) as mean,
           coalesce(sum(x.n) filter (where x.points >= it.max_points), 0)::int as full_marks
      from iscore x join it on it.id = x.item_id group by x.item_id)`;

export const targetsJson = sql`(
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
           'belowProficient', coalesce(ls.below, '[]'), 'atTopLevel', coalesce(ls.top, '[]'),
           'studentLevels', coalesce(pt.student_levels, '[]'))
         order by tg.ord), '[]')
    from tg
    join tally t on t.kind = ${ALL} and t.target_id = tg.id
    left join per_target pt on pt.target_id = tg.id
    left join lists ls on ls.target_id = tg.id)`;

/** The classes in the analysis with their teachers' names, and each teacher with their classes' titles. */
export const peopleCtes = sql`
  cls as (select distinct t.group_id as class_id from tally t where t.kind = ${CLASS}),
  class_teacher as (
    select k.class_id, ct.person_id, p.display_name, c.title
      from cls k join classes c on c.id = k.class_id
      join class_teachers ct on ct.class_id = k.class_id join people p on p.id = ct.person_id)`;

export const classesJson = sql`(
  select coalesce(json_agg(json_build_object(
           'id', nullif(g.group_id, ${NO_CLASS}), 'name', coalesce(c.title, 'No class'),
           'related', coalesce(n.names, '{}'), 'absent', coalesce(m.absent, 0), 'exempt', coalesce(m.exempt, 0),
           'targets', g.targets)
         order by c.title nulls last, g.group_id), '[]')
    from (select t.group_id, json_agg(${tallyJson} order by t.ord) as targets
            from tally t where t.kind = ${CLASS} group by t.group_id) g
    left join classes c on c.id = g.group_id
    left join (select x.class_id, array_agg(x.display_name order by x.display_name) as names
                 from class_teacher x group by x.class_id) n on n.class_id = g.group_id
    left join missed m on m.class_id = g.group_id)`;

export const teachersJson = sql`(
  select coalesce(json_agg(json_build_object(
           'id', g.group_id, 'name', p.display_name, 'related', coalesce(n.titles, '{}'),
           'absent', coalesce(m.absent, 0), 'exempt', coalesce(m.exempt, 0), 'targets', g.targets)
         order by p.display_name, g.group_id), '[]')
    from (select t.group_id, json_agg(${tallyJson} order by t.ord) as targets
            from tally t where t.kind = ${TEACHER} group by t.group_id) g
    join people p on p.id = g.group_id
    left join (select x.person_id, array_agg(x.title order by x.title) as titles
                 from class_teacher x group by x.person_id) n on n.person_id = g.group_id
    left join (select ct.person_id, sum(missed.absent)::int as absent, sum(missed.exempt)::int as exempt
                 from missed join class_teachers ct on ct.class_id = missed.class_id group by ct.person_id) m
      on m.person_id = g.group_id)`;

export const itemsJson = sql`(
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
                                    from iresp x where x.item_id = it.id),
                                 '[]'),
           'mostCommonWrong', (select json_build_object('response', x.response, 'count', x.n) from iresp x
                                where x.item_id = it.id and it.correct_response is not null
                                  and upper(x.response) <> upper(btrim(it.correct_response))
                                order by x.n desc, x.response limit 1))
         order by it.position, it.id), '[]')
    from it left join istat s on s.item_id = it.id)`;

/** The students in name order; their levels are in each target's studentLevels, in the same order. */
export const studentsJson = sql`(
  select coalesce(json_agg(json_build_object('id', stu.id, 'name', stu.name, 'status', stu.status,
                                             'classId', stu.class_id) order by stu.ord), '[]')
    from stu)`;

/**
 * Counts per target, level and demographic signature (sex, and a bit per race and ethnicity flag in the order
 * of DEMOGRAPHIC_FLAGS): a few hundred rows at most, which analysis-subgroups.ts spreads into groups and
 * suppresses. Only the demographics of the students counted are read, by key.
 */
export const demographicCountsJson = sql`(
  select coalesce(json_agg(json_build_object('targetId', x.target_id, 'level', x.level, 'count', x.n,
                                             'sex', x.sex, 'flags', x.flags)), '[]')
    from (select r.target_id, r.level, d.sex, d.flags, count(*)::int as n
            from r join (
              select student_id, lower(nullif(btrim(sex), '')) as sex,
                     (case when american_indian_or_alaska_native then 1 else 0 end)
                     | (case when asian then 2 else 0 end)
                     | (case when black_or_african_american then 4 else 0 end)
                     | (case when native_hawaiian_or_other_pacific_islander then 8 else 0 end)
                     | (case when white then 16 else 0 end)
                     | (case when two_or_more_races then 32 else 0 end)
                     | (case when hispanic_or_latino then 64 else 0 end) as flags
                from student_demographics
               where student_id = any(array(select stu.id from stu where stu.status = 'completed'))) d
              on d.student_id = r.student_id
           group by r.target_id, r.level, d.sex, d.flags) x)`;

export const targetTotalsJson = sql`(
  select coalesce(json_agg(json_build_object('targetId', t.target_id, 'assessed', t.assessed,
                                             'proficientLevel', tg.proficient_level,
                                             'levels', tl.levels)
                           order by tg.ord), '[]')
    from tg join tally t on t.kind = ${ALL} and t.target_id = tg.id join tl on tl.target_id = tg.id)`;
