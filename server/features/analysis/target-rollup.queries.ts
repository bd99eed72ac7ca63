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

/**
 * Proficiency per learning target across every assessment of the district, or only at the given schools (the
 * school of the class a result was taken in, else the student's). One grouped query over target_result_counts,
 * the rollup of target_results that triggers keep current (target_result_counts_target_idx leads with
 * district_id, target_id), so it reads thousands of rows, not millions. What is proficient comes from each
 * assessment's own cut for the target.
 */
export async function queryTargetRollup(
  db: Db,
  districtId: string,
  schoolIds: readonly string[] | null,
): Promise<TargetRollupRaw[]> {
  const atSchools = schoolIds === null ? sql`` : sql`and trc.school_id = any(${uuidArray(schoolIds)})`;
  const result = await db.execute<TargetRollupRaw>(sql`
    with c as (
      select trc.target_id, trc.assessment_id, trc.level, sum(trc.students)::int as n
        from target_result_counts trc
       where trc.district_id = ${districtId} ${atSchools}
       group by trc.target_id, trc.assessment_id, trc.level),
    per_target as (
      select c.target_id, count(distinct c.assessment_id)::int as assessments, sum(c.n)::int as assessed,
             coalesce(sum(c.n) filter (where c.level >= coalesce(at.proficient_level, 3)), 0)::int as proficient
        from c left join assessment_targets at on at.assessment_id = c.assessment_id and at.target_id = c.target_id
       group by c.target_id),
    per_level as (
      select l.target_id, json_agg(json_build_object('level', l.level, 'count', l.n) order by l.level) as levels
        from (select c.target_id, c.level, sum(c.n)::int as n from c group by c.target_id, c.level) l
       group by l.target_id)
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
