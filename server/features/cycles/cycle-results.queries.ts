import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";
import type { Actor } from "../../policy/actor";
import { visibleStudentIds } from "../../policy/student-scope";

import { ensureCycleEvidence } from "./cycle-evidence";

/*
 * A cycle's evidence, read from its cache (cycle_evidence, made current first by ensureCycleEvidence): one row per
 * target and student of the pinned baseline with the student's latest later level, null when they have none yet.
 * A matched pair is a row with both. Every figure is counted in SQL over the students the reader may see.
 */

function visibleTo(actor: Actor): SQL {
  return sql`and e.student_id in (${visibleStudentIds(actor)})`;
}

/**
 * One row of a cycle's tallies. "level": students of the baseline at `level` on target `key` (proficient: at or
 * above the target's proficient level then). "target", "class", "teacher" (a class's pairs count under each of
 * its teachers) and "all": matched pairs (proficient: whose later level reaches the target's proficient level)
 * and how many moved up, stayed or moved down; "students": distinct students with a matched pair.
 */
export type CycleTallyRow = {
  kind: "level" | "target" | "class" | "teacher" | "all" | "students";
  key: string | null;
  code: string | null;
  statement: string | null;
  level: number | null;
  count: number;
  proficient: number;
  up: number;
  same: number;
  down: number;
};

/**
 * The cycle page's tallies over the students the reader may see, targets in their order: one pass over the
 * evidence for every grouping (a class's tally is summed into each of its teachers'), and distinct students from
 * the rows marked as their first matched one.
 */
export async function queryCycleTallies(db: Db, actor: Actor, cycleId: string): Promise<CycleTallyRow[]> {
  await ensureCycleEvidence(db, [cycleId]);
  const result = await db.execute<CycleTallyRow>(sql`
    with grouped as (
      select grouping(e.target_id, e.before, e.class_id) as g, e.target_id, e.before, e.class_id,
             count(*)::int as rows, count(*) filter (where e.before >= e.proficient)::int as proficient_before,
             count(e.after)::int as matched, count(*) filter (where e.after >= e.proficient)::int as proficient_after,
             count(*) filter (where e.after > e.before)::int as up, count(*) filter (where e.after = e.before)::int as same,
             count(*) filter (where e.after < e.before)::int as down,
             count(*) filter (where e.first_matched)::int as students
        from cycle_evidence e
       where e.cycle_id = ${cycleId} ${visibleTo(actor)}
       group by grouping sets ((e.target_id, e.before), (e.target_id), (e.class_id), ())),
    -- grouping(target_id, before, class_id): 1 = (target, level), 3 = (target), 6 = (class), 7 = ().
    tallies as (
      select 'level' as kind, target_id as key, before as level, rows as count, proficient_before as proficient,
             0 as up, 0 as same, 0 as down
        from grouped where g = 1
      union all
      select case g when 3 then 'target' when 6 then 'class' else 'all' end, coalesce(target_id, class_id), null,
             matched, proficient_after, up, same, down
        from grouped where g in (3, 6, 7)
      union all
      select 'teacher', ct.person_id, null, sum(x.matched)::int, sum(x.proficient_after)::int, sum(x.up)::int,
             sum(x.same)::int, sum(x.down)::int
        from grouped x join class_teachers ct on ct.class_id = x.class_id
       where x.g = 6 and x.matched > 0 group by ct.person_id
      union all
      select 'students', null, null, students, 0, 0, 0, 0 from grouped where g = 7)
    select x.kind, x.key::text as key, t.code, t.statement, x.level, x.count, x.proficient, x.up, x.same, x.down
      from tallies x left join learning_targets t on x.kind in ('level', 'target') and t.id = x.key
     where x.kind not in ('target', 'class') or x.count > 0
     order by x.kind, t.position, t.code nulls last, x.key, x.level`);
  return result.rows;
}

/** Display names of classes and people, for grouping the evaluation. */
export async function queryNames(db: Db, classIds: readonly string[], personIds: readonly string[]) {
  const names = new Map<string, string>();
  if (classIds.length) {
    const classes = await db.execute<{ id: string; title: string }>(
      sql`select id, title from classes where id in (${sql.join(
        classIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    for (const row of classes.rows) names.set(row.id, row.title);
  }
  if (personIds.length) {
    const people = await db.execute<{ id: string; display_name: string }>(
      sql`select id, display_name from people where id in (${sql.join(
        personIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    for (const row of people.rows) names.set(row.id, row.display_name);
  }
  return names;
}

export type CycleGoalRow = {
  id: string;
  title: string;
  measureKind: string;
  unit: string;
  baseline: number | null;
  target: number;
};

/** The goals set within the cycle (its "shared goals" stage), read straight from the goals table. */
export async function queryCycleGoals(db: Db, cycleId: string): Promise<CycleGoalRow[]> {
  const result = await db.execute<CycleGoalRow>(sql`
    select g.id, g.title, g.measure_kind as "measureKind", g.unit, g.baseline, g.target
    from goals g where g.cycle_id = ${cycleId} and g.archived_at is null order by g.created_at, g.id`);
  return result.rows.map((g) => ({
    ...g,
    baseline: g.baseline === null ? null : Number(g.baseline),
    target: Number(g.target),
  }));
}

export type CycleTargetGainRow = {
  cycleId: string;
  targetId: string;
  code: string | null;
  statement: string;
  matched: number;
  up: number;
  same: number;
  down: number;
};

/**
 * Gains per cycle and target, counted in SQL over every matched student (no reader scope: only the record's
 * shares leave the server). cycle-gains.test.ts checks it against tallyGains().
 */
export async function queryTargetGains(db: Db, cycleIds: readonly string[]): Promise<CycleTargetGainRow[]> {
  if (!cycleIds.length) return [];
  await ensureCycleEvidence(db, cycleIds);
  const result = await db.execute<CycleTargetGainRow>(sql`
    select e.cycle_id as "cycleId", e.target_id as "targetId", t.code, t.statement,
           count(*)::int as matched,
           count(*) filter (where e.after > e.before)::int as up,
           count(*) filter (where e.after = e.before)::int as same,
           count(*) filter (where e.after < e.before)::int as down
    from cycle_evidence e
    join learning_targets t on t.id = e.target_id
    where e.cycle_id = any(${uuidArray(cycleIds)}) and e.after is not null
    group by e.cycle_id, e.target_id, t.code, t.statement, t.position
    order by e.cycle_id, t.position, t.code nulls last, e.target_id`);
  return result.rows;
}

/**
 * Per cycle, the student-target pairs matched before and after and how many moved up, over the students the reader
 * may see (the evaluation of professional learning counts these for the cycles a period completed).
 */
export async function queryCycleGainTotals(
  db: Db,
  actor: Actor,
  cycleIds: readonly string[],
): Promise<{ cycleId: string; matched: number; up: number }[]> {
  if (!cycleIds.length) return [];
  await ensureCycleEvidence(db, cycleIds);
  const result = await db.execute<{ cycleId: string; matched: number; up: number }>(sql`
    select e.cycle_id as "cycleId", count(*)::int as matched, count(*) filter (where e.after > e.before)::int as up
      from cycle_evidence e
     where e.cycle_id = any(${uuidArray(cycleIds)}) and e.after is not null ${visibleTo(actor)}
     group by e.cycle_id`);
  return result.rows;
}
