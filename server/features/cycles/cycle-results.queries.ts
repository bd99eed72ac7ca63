import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { visibleStudentIds } from "../../policy/student-scope";
import type { GainPair } from "./cycle-gains";

/*
 * A cycle's evidence. The baseline is the pinned snapshot (cycle_snapshot_results), never target_results, so
 * later edits to the baseline assessment leave it as it was. The later level of a student on a target is their
 * latest result on it from the cycle's follow-up assessments or from any team assessment given since the cycle
 * started (baselines aside); once the cycle is finished, team assessments given after that no longer count
 * unless the team added them as follow-ups.
 */

/**
 * Baseline rows, one per cycle, target and student (from the latest baseline assessment when several measured
 * the same target), with the target's proficient level on that assessment.
 */
function snapshotSql(cycleFilter: SQL, studentFilter: SQL): SQL {
  return sql`select distinct on (s.cycle_id, s.target_id, s.student_id)
      s.cycle_id, s.target_id, s.student_id, s.class_id, s.level, coalesce(at.proficient_level, 3) as proficient
    from cycle_snapshot_results s
    join assessments a on a.id = s.assessment_id
    left join assessment_targets at on at.assessment_id = s.assessment_id and at.target_id = s.target_id
    where ${cycleFilter} ${studentFilter}
    order by s.cycle_id, s.target_id, s.student_id, a.given_on desc nulls last, a.id`;
}

/**
 * Matched pairs: each baseline row with the student's latest later level on the same target. The later
 * assessments of each cycle (its follow-ups and the team's assessments given while it ran, baselines aside) are
 * a handful, so they are listed first and their results joined by key to the baseline rows in one hash join,
 * rather than probing each student's every result.
 */
function pairsSql(cycleIds: SQL, studentFilter: SQL): SQL {
  return sql`with later as materialized (
      select l.cycle_id, l.assessment_id, a.given_on, a.created_at
        from (select c.id as cycle_id, a.id as assessment_id
                from cycles c
                join assessments a on a.community_id = c.community_id and a.given_on >= c.starts_on
                 and (c.finished_at is null or a.given_on <= c.finished_at::date)
               where c.id in (${cycleIds})
              union
              select f.cycle_id, f.assessment_id from cycle_assessments f
               where f.cycle_id in (${cycleIds}) and f.role = 'followup') l
        join assessments a on a.id = l.assessment_id
       where not exists (select 1 from cycle_assessments b
                         where b.cycle_id = l.cycle_id and b.assessment_id = l.assessment_id and b.role = 'baseline')),
    latest as (
      select distinct on (later.cycle_id, tr.target_id, tr.student_id)
             later.cycle_id, tr.target_id, tr.student_id, tr.level
        from later join target_results tr on tr.assessment_id = later.assessment_id
       order by later.cycle_id, tr.target_id, tr.student_id,
                coalesce(tr.assessed_on, later.given_on) desc nulls last, later.created_at desc)
    select snap.cycle_id, snap.target_id, snap.student_id, snap.class_id, snap.level as before, latest.level as after,
           snap.proficient
      from (${snapshotSql(sql`s.cycle_id in (${cycleIds})`, studentFilter)}) snap
      join latest on latest.cycle_id = snap.cycle_id and latest.target_id = snap.target_id
       and latest.student_id = snap.student_id`;
}

function visibleTo(actor: Actor): SQL {
  return sql`and s.student_id in (${visibleStudentIds(actor)})`;
}

export type CyclePair = GainPair & { proficient: number };

/** The cycle's matched pairs over the students the actor may see, with the teachers of each baseline class. */
export async function queryCyclePairs(db: Db, actor: Actor, cycleId: string): Promise<CyclePair[]> {
  const result = await db.execute<{
    student_id: string;
    target_id: string;
    class_id: string | null;
    teacher_ids: string[] | null;
    before: number;
    after: number;
    proficient: number;
  }>(sql`
    select p.student_id, p.target_id, p.class_id, p.before, p.after, p.proficient,
           array(select ct.person_id from class_teachers ct where ct.class_id = p.class_id)::text[] as teacher_ids
    from (${pairsSql(sql`${cycleId}::uuid`, visibleTo(actor))}) p`);
  return result.rows.map((r) => ({
    studentId: r.student_id,
    targetId: r.target_id,
    classId: r.class_id,
    teacherIds: r.teacher_ids ?? [],
    before: Number(r.before),
    after: Number(r.after),
    proficient: Number(r.proficient),
  }));
}

export type SnapshotRow = {
  targetId: string;
  code: string | null;
  statement: string;
  level: number;
  count: number;
  proficient: number;
};

/** The pinned baseline over the students the actor may see: students per target and level, targets in order. */
export async function querySnapshot(db: Db, actor: Actor, cycleId: string): Promise<SnapshotRow[]> {
  const result = await db.execute<SnapshotRow>(sql`
    select snap.target_id as "targetId", t.code, t.statement, snap.level, count(*)::int as count,
           count(*) filter (where snap.level >= snap.proficient)::int as proficient
    from (${snapshotSql(sql`s.cycle_id = ${cycleId}`, visibleTo(actor))}) snap
    join learning_targets t on t.id = snap.target_id
    group by snap.target_id, t.code, t.statement, t.position, snap.level
    order by t.position, t.code nulls last, snap.target_id, snap.level`);
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
  const ids = sql.join(
    cycleIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute<CycleTargetGainRow>(sql`
    select p.cycle_id as "cycleId", p.target_id as "targetId", t.code, t.statement,
           count(*)::int as matched,
           count(*) filter (where p.after > p.before)::int as up,
           count(*) filter (where p.after = p.before)::int as same,
           count(*) filter (where p.after < p.before)::int as down
    from (${pairsSql(ids, sql``)}) p
    join learning_targets t on t.id = p.target_id
    group by p.cycle_id, p.target_id, t.code, t.statement, t.position
    order by p.cycle_id, t.position, t.code nulls last, p.target_id`);
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
  const ids = sql.join(
    cycleIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute<{ cycleId: string; matched: number; up: number }>(sql`
    select p.cycle_id as "cycleId", count(*)::int as matched, count(*) filter (where p.after > p.before)::int as up
      from (${pairsSql(ids, visibleTo(actor))}) p
     group by p.cycle_id`);
  return result.rows;
}
