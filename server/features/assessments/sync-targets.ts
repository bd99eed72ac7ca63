import { eq, sql } from "drizzle-orm";
import { DEFAULT_PROFICIENT_LEVEL, DEFAULT_SCALE } from "../../../contract/essentials";
import type { Db } from "../../db/client";
import { assessments, assessmentTargets } from "../../db/schema";
import { defaultCutScores } from "./cut-scores";
import { recomputeTargetResults } from "./target-results";

type Raw = {
  target_id: string;
  max_points: number;
  level_count: number;
  proficient_level: number;
  old_max_points: number | null;
  old_cut_scores: { level: number; minPoints: number }[] | null;
};

/**
 * Rebuilds the targets an assessment measures from its items' alignments: each target's points are the sum
 * of its items' points. Cut scores the team wrote stay while the target's points and scale stay the same;
 * otherwise they start again evenly spaced. The proficient level follows the target's essential standard.
 */
export async function syncAssessmentTargets(tx: Db, assessmentId: string): Promise<void> {
  const [assessment] = await tx
    .select({ districtId: assessments.districtId })
    .from(assessments)
    .where(eq(assessments.id, assessmentId));
  if (!assessment) return;
  const result = await tx.execute<Raw>(sql`
    select it.target_id, sum(ai.max_points)::float8 as max_points, min(ai.position) as first_position,
      coalesce(jsonb_array_length(es.scale_levels), ${DEFAULT_SCALE.length})::int as level_count,
      coalesce(es.proficient_level, ${DEFAULT_PROFICIENT_LEVEL})::int as proficient_level,
      old.max_points::float8 as old_max_points, old.cut_scores as old_cut_scores
    from assessment_items ai
    join item_targets it on it.item_id = ai.id
    join learning_targets t on t.id = it.target_id
    left join essential_standards es on es.id = t.essential_standard_id
    left join assessment_targets old on old.assessment_id = ai.assessment_id and old.target_id = it.target_id
    where ai.assessment_id = ${assessmentId}
    group by it.target_id, es.scale_levels, es.proficient_level, old.max_points, old.cut_scores
    order by first_position, it.target_id`);
  await tx.delete(assessmentTargets).where(eq(assessmentTargets.assessmentId, assessmentId));
  if (!result.rows.length) return;
  await tx.insert(assessmentTargets).values(
    result.rows.map((row, position) => {
      const isKept =
        row.old_cut_scores !== null &&
        row.old_max_points === row.max_points &&
        row.old_cut_scores.length === row.level_count;
      return {
        districtId: assessment.districtId,
        assessmentId,
        targetId: row.target_id,
        position,
        maxPoints: row.max_points,
        cutScores:
          isKept && row.old_cut_scores ? row.old_cut_scores : defaultCutScores(row.max_points, row.level_count),
        proficientLevel: Math.min(row.proficient_level, row.level_count),
      };
    }),
  );
}

/**
 * After an essential standard's scale changes: every assessment still open (or a draft) measuring its targets
 * follows, results too. A closed assessment keeps the scale and cut scores its results were scored with, so its
 * levels, the rollups of past months and past responsiveness stay as they were. Returns how many followed and
 * how many closed ones were kept.
 */
export async function followScaleChange(
  tx: Db,
  essentialStandardId: string,
): Promise<{ following: number; closedKept: number }> {
  const result = await tx.execute<{ assessment_id: string; is_closed: boolean }>(sql`
    select distinct at.assessment_id, a.status = 'closed' as is_closed from assessment_targets at
    join learning_targets t on t.id = at.target_id
    join assessments a on a.id = at.assessment_id
    where t.essential_standard_id = ${essentialStandardId}`);
  const following = result.rows.filter((row) => !row.is_closed);
  for (const { assessment_id } of following) {
    await syncAssessmentTargets(tx, assessment_id);
    await recomputeTargetResults(tx, assessment_id);
  }
  return { following: following.length, closedKept: result.rows.length - following.length };
}
