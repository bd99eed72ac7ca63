import { sql } from "drizzle-orm";
import { DEFAULT_PROFICIENT_LEVEL, DEFAULT_SCALE } from "../../../contract/essentials";
import type { Db } from "../../db/client";
import type { Actor } from "../../policy/actor";
import { isVisibleStudent } from "../../policy/student-scope";

/** One target of an assessment as it stands: its scale and each student's result on it. */
export type TargetSnapshot = {
  targetId: string;
  code: string | null;
  statement: string;
  proficientLevel: number;
  levelCount: number;
  /** Per student: level, name, and whether the reader may see them. */
  results: Map<string, { level: number; name: string; isVisible: boolean }>;
};

type Raw = {
  target_id: string;
  code: string | null;
  statement: string;
  proficient_level: number;
  level_count: number;
  results: { studentId: string; level: number; name: string; isVisible: boolean }[] | null;
};

/**
 * Whether a closed assessment's targets were scored with a scale other than their essential standard's today:
 * another proficient level, or another number of levels (syncAssessmentTargets' rule for cut scores).
 */
export async function hasNewerScale(db: Db, assessmentId: string): Promise<boolean> {
  const result = await db.execute<{ is_newer: boolean }>(sql`
    select exists (
      select 1 from assessments a
        join assessment_targets at on at.assessment_id = a.id
        join learning_targets t on t.id = at.target_id
        left join essential_standards es on es.id = t.essential_standard_id
        cross join lateral (select coalesce(jsonb_array_length(es.scale_levels), ${DEFAULT_SCALE.length})::int as n) lc
       where a.id = ${assessmentId} and a.status = 'closed'
         and (jsonb_array_length(at.cut_scores) <> lc.n
              or at.proficient_level <> least(coalesce(es.proficient_level, ${DEFAULT_PROFICIENT_LEVEL}), lc.n))
    ) as is_newer`);
  return result.rows[0]?.is_newer ?? false;
}

/** Every target of an assessment with its scale and its results, in the assessment's order, in one query. */
export async function snapshotTargets(db: Db, actor: Actor, assessmentId: string): Promise<TargetSnapshot[]> {
  const result = await db.execute<Raw>(sql`
    select at.target_id, lt.code, lt.statement, at.proficient_level,
           jsonb_array_length(at.cut_scores)::int as level_count,
           (select json_agg(json_build_object(
                     'studentId', tr.student_id, 'level', tr.level,
                     'name', btrim(coalesce(nullif(s.preferred_name, ''), s.given_name) || ' ' || s.family_name),
                     'isVisible', ${isVisibleStudent(actor, "s")})
                   order by s.family_name, s.given_name, s.id)
              from target_results tr join students s on s.id = tr.student_id
             where tr.assessment_id = at.assessment_id and tr.target_id = at.target_id) as results
      from assessment_targets at join learning_targets lt on lt.id = at.target_id
     where at.assessment_id = ${assessmentId}
     order by at.position, at.target_id`);
  return result.rows.map((row) => ({
    targetId: row.target_id,
    code: row.code,
    statement: row.statement,
    proficientLevel: row.proficient_level,
    levelCount: row.level_count,
    results: new Map(
      (row.results ?? []).map((r) => [r.studentId, { level: r.level, name: r.name, isVisible: r.isVisible }]),
    ),
  }));
}
