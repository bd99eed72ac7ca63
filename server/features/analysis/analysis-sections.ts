import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";

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
/** Which grouping set a row of counts belongs to: grouping(class_id, level). */
const BY_CLASS = sql.raw("0");
const BY_DEMOGRAPHICS = sql.raw("2");
const BY_TARGET = sql.raw("3");

function percent(part: SQL, whole: SQL): SQL {
  return sql`case when ${whole} > 0 then round(100.0 * ${part} / ${whole}, 1)::float8 end`;
}

/** Each student's demographic signature: sex, and a bit per race and ethnicity flag (DEMOGRAPHIC_FLAGS). */
const demographicFlags = sql`
  (case when d.american_indian_or_alaska_native then 1 else 0 end)
  | (case when d.asian then 2 else 0 end)
  | (case when d.black_or_african_american then 4 else 0 end)
  | (case when d.native_hawaiian_or_other_pacific_islander then 8 else 0 end)
  | (case when d.white then 16 else 0 end)
  | (case when d.two_or_more_races then 32 else 0 end)
  | (case when d.hispanic_or_latino then 64 else 0 end)`;

/**
 * tg: the targets in order; pop: everyone with a result on them or a sitting, with their sitting, class and
 * levels (targets and levels in parallel arrays, aggregated straight from the results); stu: the visible ones,
 * in name order, with their demographic signature (null flags without a demographics row); r: their results,
 * absent and exempt students left out (they are counted apart, never scored zero). The 20,000-odd results are
 * read twice, by index, and never kept: copying them into a CTE costs more than reading them again.
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
  -- The team's choice (communities.counts_partly_scored_as_need): partly scored results under "needs more time".
  cfg as materialized (
    select coalesce((select c.counts_partly_scored_as_need from assessments a join communities c on c.id = a.community_id
                      where a.id = ${assessmentId}), false) as partial_is_need),
  -- Partly scored: a result built from some, not all, of the target's items (the rest blank). Its cut scores
  -- were meant for every item, so its level says little; it is shown apart, never as a level, and is a need
  -- only when the team chose so (cfg).
  part as materialized (
    select sc.student_id, x.target_id
      from item_scores sc
      join item_targets x on x.item_id = sc.item_id and x.target_id = any(array(select tg.id from tg))
     where sc.assessment_id = ${assessmentId} and sc.points is not null
     group by sc.student_id, x.target_id
    having count(*) < (select count(*) from item_targets y join assessment_items i on i.id = y.item_id
                        where y.target_id = x.target_id and i.assessment_id = ${assessmentId})),
  -- A sitting's class, else the (first) class of the student's results on the assessment's targets.
  entered as materialized (
    select coalesce(rs.student_id, sit.student_id) as student_id,
           coalesce(sit.class_id, rs.class_id) as class_id, coalesce(sit.status::text, 'completed') as status,
           rs.targets, rs.levels, rs.partial_targets
      from (select tr.student_id, min(tr.class_id::text)::uuid as class_id,
                   array_agg(tr.target_id) as targets, array_agg(tr.level) as levels,
                   array_remove(array_agg(pt.target_id), null) as partial_targets
              from target_results tr
              left join part pt on pt.student_id = tr.student_id and pt.target_id = tr.target_id
             where tr.assessment_id = ${assessmentId} and tr.target_id = any(array(select tg.id from tg))
             group by tr.student_id) rs
      full join (select x.student_id, x.class_id, x.status from assessment_sittings x
                  where x.assessment_id = ${assessmentId}) sit on sit.student_id = rs.student_id),
  -- Students of the assessment's classes with nothing entered (no result, no sitting) are "not entered", so a
  -- team sees who is missing instead of a smaller class; archived students are left out (stu).
  pop as materialized (
    select * from entered
    union all
    select cs.student_id, min(cs.class_id::text)::uuid, 'not_entered', null::uuid[], null::smallint[], null::uuid[]
      from assessment_classes ac join class_students cs on cs.class_id = ac.class_id
     where ac.assessment_id = ${assessmentId}
       and not exists (select 1 from entered e where e.student_id = cs.student_id)
     group by cs.student_id),
  -- Students and demographics are read by key (= any(...)): this assessment's few thousand, not the district's.
  stu as materialized (
    select s.id, btrim(coalesce(nullif(s.preferred_name, ''), s.given_name) || ' ' || s.family_name) as name,
           pop.status, pop.class_id, pop.targets, pop.levels, coalesce(pop.partial_targets, '{}') as partial_targets,
           dm.sex, dm.flags,
           row_number() over (order by s.family_name, s.given_name, s.id)::int as ord
      -- offset 0 keeps the scope a filter on these rows rather than a second index scan over the district.
      from (select * from students s where s.id = any(array(select pop.student_id from pop)) offset 0) s
      join pop on pop.student_id = s.id
      left join (select d.student_id, lower(nullif(btrim(d.sex), '')) as sex, ${demographicFlags} as flags
                   from student_demographics d
                  where d.student_id = any(array(select pop.student_id from pop))) dm on dm.student_id = s.id
     where ${isVisibleStudent(actor)} and (pop.status <> 'not_entered' or s.archived_at is null)),
  -- Read once, by counts (tallyCtes), so not kept.
  r as (
    select tr.target_id, coalesce(tr.class_id, stu.class_id, ${NO_CLASS}) as class_id, tr.points::float8 as points,
           tr.level, stu.sex, stu.flags
      from target_results tr join stu on stu.id = tr.student_id and stu.status = 'completed'
     where tr.assessment_id = ${assessmentId} and tr.target_id = any(array(select tg.id from tg))
       and not tr.target_id = any(stu.partial_targets))`;
}

/**
 * counts: one hashed pass over the results, counting them per class and level, per demographic signature and
 * level, and per target (with their points, for the mean). Then counts per level for the whole assessment, per
 * class and per teacher, zero-filled over every level: results are counted once, by class; the whole
 * assessment and each teacher (across their classes) add those up.
 */
export const tallyCtes = sql`
  counts as materialized (
    select grouping(r.class_id, r.level) as grouping_set, r.target_id, r.level, r.class_id, r.sex, r.flags,
           count(*)::int as n, sum(r.points) as points
      from r group by grouping sets ((r.target_id, r.level, r.class_id), (r.target_id, r.level, r.sex, r.flags),
                                     (r.target_id))),
  by_class as (select c.class_id, c.target_id, c.level, c.n from counts c where c.grouping_set = ${BY_CLASS}),
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
           count(*) filter (where stu.status = 'exempt')::int as exempt,
           count(*) filter (where stu.status = 'not_entered')::int as not_entered
      from stu where stu.status <> 'completed' group by 1),
  grp as (
    select ${ALL} as kind, ${NO_CLASS} as group_id
    union select kind, group_id from cnt
    union select ${CLASS}, class_id from missed
    union select ${TEACHER}, ct.person_id from missed join class_teachers ct on ct.class_id = missed.class_id),
  tl as (
    select tg.id as target_id, tg.ord, tg.proficient_level, lv.levels
      from tg join (
        select x.target_id, array_agg(distinct x.level order by x.level) as levels
          from (select tg.id as target_id, unnest(tg.levels) as level from tg
                union all select b.target_id, b.level from by_class b) x
         group by x.target_id) lv on lv.target_id = tg.id),
  -- Zero-filled over the target's levels; each group's rows reach json_agg in level order, as sorted below.
  tally as materialized (
    select x.kind, x.group_id, x.target_id, x.ord, sum(x.n)::int as assessed,
           coalesce(sum(x.n) filter (where x.level >= x.proficient_level), 0)::int as proficient,
           json_agg(json_build_object('level', x.level, 'count', x.n)) as levels
      from (select g.kind, g.group_id, tl.target_id, tl.ord, tl.proficient_level, l.level, coalesce(c.n, 0) as n
              from grp g
              cross join tl
              cross join lateral unnest(tl.levels) l(level)
              left join cnt c on c.kind = g.kind and c.group_id = g.group_id and c.target_id = tl.target_id
                             and c.level = l.level
             order by g.kind, g.group_id, tl.ord, tl.target_id, l.level) x
     group by x.kind, x.group_id, x.ord, x.target_id)`;

const tallyJson = sql`json_build_object('targetId', t.target_id, 'assessed', t.assessed, 'proficient', t.proficient,
  'proficientPercent', ${percent(sql`t.proficient`, sql`t.assessed`)}, 'levels', t.levels)`;

/**
 * Per target: every student's level in name order (null where there is none, and for absent and exempt
 * students), looked up in each student's own arrays; who is below proficient, who is at the top; the mean.
 * Each target's aggregates read stu alone, which its window wrote in name order and a CTE scan returns in
 * the order written; an ORDER BY here would copy and sort 3,000 and more rows per target for nothing.
 */
export const perTargetCte = sql`
  per_target as materialized (
    select tg.id as target_id, x.student_levels, x.below, x.top, x.not_entered, x.partial,
           (select c.points / c.n from counts c where c.grouping_set = ${BY_TARGET} and c.target_id = tg.id) as mean
      from tg cross join cfg cross join lateral (
        select json_agg(l.level) as student_levels,
               ('["' || string_agg(stu.id::text, '","') filter (where l.level < tg.proficient_level
                                                                    and (not l.partial or cfg.partial_is_need))
                 || '"]')::json as below,
               -- Extension needs a level above proficient: where proficient is the top, it would list everyone
               -- proficient, which says nothing about who is ready for more.
               ('["' || string_agg(stu.id::text, '","') filter (where l.level >= tg.top_level and not l.partial
                                                                  and tg.top_level > tg.proficient_level)
                 || '"]')::json as top,
               ('["' || string_agg(stu.id::text, '","') filter (where l.level is not null and l.partial)
                 || '"]')::json as partial,
               count(*) filter (where l.level is null and stu.status in ('completed', 'not_entered'))::int
                 as not_entered
          from stu cross join lateral (
            select case when stu.status = 'completed' then stu.levels[array_position(stu.targets, tg.id)] end
                   as level, tg.id = any(stu.partial_targets) as partial) l) x)`;

/**
 * Item scores of completed sittings, counted in one hashed pass by item, response and points; the item
 * figures (scored, mean, full marks) and the response counts are sums over those few rows. The scores are read
 * by the assessment's prefix of their key and hash-joined to the students, not probed student by student.
 */
export const itemCtes = (assessmentId: string) => sql`
  it as materialized (
    select i.id, i.position, i.label, i.max_points::float8 as max_points, i.correct_response
      from assessment_items i where i.assessment_id = ${assessmentId}),
  iscore as materialized (
    select sc.item_id, nullif(btrim(sc.response), '') as response, sc.points::float8 as points, count(*)::int as n
      from item_scores sc join stu on stu.id = sc.student_id and stu.status = 'completed'
     where sc.assessment_id = ${assessmentId}
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
           'meanPoints', round(pt.mean::numeric, 2)::float8,
           'belowProficient', coalesce(pt.below, '[]'), 'atTopLevel', coalesce(pt.top, '[]'),
           'partlyScored', coalesce(pt.partial, '[]'),
           'studentLevels', coalesce(pt.student_levels, '[]'), 'notEntered', coalesce(pt.not_entered, 0))
         order by tg.ord), '[]')
    from tg
    join tally t on t.kind = ${ALL} and t.target_id = tg.id
    left join per_target pt on pt.target_id = tg.id)`;

/** The classes in the analysis with their teachers' names, and each teacher with their classes' titles. */
export const peopleCtes = sql`
  cls as (select distinct t.group_id as class_id from tally t where t.kind = ${CLASS}),
  class_teacher as (
    select k.class_id, ct.person_id, p.display_name, c.title
      from cls k join classes c on c.id = k.class_id
      join class_teachers ct on ct.class_id = k.class_id
      join people p on p.id = ct.person_id
     where p.id = any(array(select x.person_id from class_teachers x
                             where x.class_id = any(array(select cls.class_id from cls)))))`;

export const classesJson = sql`(
  select coalesce(json_agg(json_build_object(
           'id', nullif(g.group_id, ${NO_CLASS}), 'name', coalesce(c.title, 'No class'),
           'related', coalesce(n.names, '{}'), 'absent', coalesce(m.absent, 0), 'exempt', coalesce(m.exempt, 0),
           'notEntered', coalesce(m.not_entered, 0), 'targets', g.targets)
         order by c.title nulls last, g.group_id), '[]')
    from (select t.group_id, json_agg(${tallyJson}) as targets
            from (select * from tally t where t.kind = ${CLASS} order by t.group_id, t.ord) t group by t.group_id) g
    left join classes c on c.id = g.group_id
    left join (select x.class_id, array_agg(x.display_name order by x.display_name) as names
                 from class_teacher x group by x.class_id) n on n.class_id = g.group_id
    left join missed m on m.class_id = g.group_id)`;

export const teachersJson = sql`(
  select coalesce(json_agg(json_build_object(
           'id', g.group_id, 'name', p.display_name, 'related', coalesce(n.titles, '{}'),
           'absent', coalesce(m.absent, 0), 'exempt', coalesce(m.exempt, 0),
           'notEntered', coalesce(m.not_entered, 0), 'targets', g.targets)
         order by p.display_name, g.group_id), '[]')
    from (select t.group_id, json_agg(${tallyJson}) as targets
            from (select * from tally t where t.kind = ${TEACHER} order by t.group_id, t.ord) t group by t.group_id) g
    join people p on p.id = g.group_id
    left join (select x.person_id, array_agg(x.title order by x.title) as titles
                 from class_teacher x group by x.person_id) n on n.person_id = g.group_id
    left join (select ct.person_id, sum(missed.absent)::int as absent, sum(missed.exempt)::int as exempt,
                      sum(missed.not_entered)::int as not_entered
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

/**
 * The students in name order (stu's, as its window wrote it); their levels are in each target's studentLevels,
 * in the same order. Written as text: ids and statuses need no escaping, names go through to_json.
 */
export const studentsJson = sql`(
  select '[' || coalesce(string_agg('{"id":"' || stu.id || '","name":' || to_json(stu.name) || ',"status":"'
                                    || stu.status || '","classId":' || coalesce('"' || stu.class_id || '"', 'null')
                                    || '}', ','), '') || ']'
    from stu)`;

/**
 * Counts per target, level and demographic signature (sex, and a bit per race and ethnicity flag in the order
 * of DEMOGRAPHIC_FLAGS): a few hundred rows at most, which analysis-subgroups.ts spreads into groups and
 * suppresses. Students without a demographics row are left out.
 */
export const demographicCountsJson = sql`(
  select coalesce(json_agg(json_build_object('targetId', x.target_id, 'level', x.level, 'count', x.n,
                                             'sex', x.sex, 'flags', x.flags)), '[]')
    from counts x where x.grouping_set = ${BY_DEMOGRAPHICS} and x.flags is not null)`;

export const targetTotalsJson = sql`(
  select coalesce(json_agg(json_build_object('targetId', t.target_id, 'assessed', t.assessed,
                                             'proficientLevel', tg.proficient_level,
                                             'levels', tl.levels, 'levelCounts', t.levels)
                           order by tg.ord), '[]')
    from tg join tally t on t.kind = ${ALL} and t.target_id = tg.id join tl on tl.target_id = tg.id)`;
