import { sql } from "drizzle-orm";
import type { LevelCount } from "../../../contract/analysis";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";

export type TargetRollupRaw = {
  targetId: string;
  code: string | null;
  statement: string;
  assessments: number;
  assessed: number;
  proficient: number;
  levels: LevelCount[];
};

/** The days whose results count, both included; null ends are open. */
export type RollupPeriod = { from: string | null; to: string | null };

/**
 * Proficiency per learning target across the district's assessments, or only at the given schools (the school of
 * the class a result was taken in, else the student's), counting students rather than results: each student once
 * per target, at their latest result on it in the period (by the day it was taken, else the day the assessment
 * was given; a later assessment first when two fall on one day). What is proficient comes from that result's
 * assessment's own cut for the target. A result with no date counts only when the period is open on both sides.
 */
export async function queryTargetRollup(
  db: Db,
  districtId: string,
  schoolIds: readonly string[] | null,
  period: RollupPeriod,
): Promise<TargetRollupRaw[]> {
  const atSchools =
    schoolIds === null ? sql`` : sql`and coalesce(c.school_id, s.school_id) = any(${uuidArray(schoolIds)})`;
  const day = sql`coalesce(tr.assessed_on, a.given_on)`;
  const from = period.from === null ? sql`` : sql`and ${day} >= ${period.from}::date`;
  const to = period.to === null ? sql`` : sql`and ${day} <= ${period.to}::date`;
  const result = await db.execute<TargetRollupRaw>(sql`
    with latest as (
      select distinct on (tr.target_id, tr.student_id) tr.target_id, tr.assessment_id, tr.level
        from target_results tr
        join assessments a on a.id = tr.assessment_id
        left join classes c on c.id = tr.class_id
        left join students s on s.id = tr.student_id
       where tr.district_id = ${districtId} ${atSchools} ${from} ${to}
       order by tr.target_id, tr.student_id, ${day} desc nulls last, a.created_at desc, tr.assessment_id desc),
    per_target as (
      select l.target_id, count(distinct l.assessment_id)::int as assessments, count(*)::int as assessed,
             count(*) filter (where l.level >= coalesce(at.proficient_level, 3))::int as proficient
        from latest l
        left join assessment_targets at on at.assessment_id = l.assessment_id and at.target_id = l.target_id
       group by l.target_id),
    per_level as (
      select x.target_id, json_agg(json_build_object('level', x.level, 'count', x.n) order by x.level) as levels
        from (select l.target_id, l.level, count(*)::int as n from latest l group by l.target_id, l.level) x
       group by x.target_id)
    select pt.target_id as "targetId", lt.code, lt.statement, pt.assessments, pt.assessed, pt.proficient,
           pl.levels
      from per_target pt
      join learning_targets lt on lt.id = pt.target_id
      join per_level pl on pl.target_id = pt.target_id
     order by lt.code nulls last, lt.statement, lt.id`);
  return result.rows;
}

/** The district a school belongs to, or undefined when there is no such school. */
export async function findSchoolDistrict(db: Db, schoolId: string): Promise<string | undefined> {
  const result = await db.execute<{ district_id: string }>(sql`select district_id from schools where id = ${schoolId}`);
  return result.rows[0]?.district_id;
}
