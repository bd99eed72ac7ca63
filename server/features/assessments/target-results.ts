import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";

export type CutScores = readonly { level: number; minPoints: number }[];

// Points are kept with two decimals; this tolerance only absorbs binary floating-point noise.
const EPSILON = 1e-9;

/**
 * The proficiency level raw points reach: the highest level whose minimum the points meet, or the
 * lowest level when they meet none. The database's level_for() (migration 0015) is the rule the stored levels
 * follow; this is its statement in TypeScript, property-tested against it (level-rule.test.ts).
 */
export function levelFor(points: number, cutScores: CutScores): number {
  let reached: number | null = null;
  let lowest: number | null = null;
  for (const cut of cutScores) {
    if (lowest === null || cut.level < lowest) lowest = cut.level;
    if (points + EPSILON >= cut.minPoints && (reached === null || cut.level > reached)) reached = cut.level;
  }
  return reached ?? lowest ?? 1;
}

/**
 * Rebuilds target_results of one assessment (for some students, or all) from item scores, set-based.
 *
 * For each target the assessment measures, a student's points are the sum of their points on the items
 * aligned to it (an item aligned to two targets counts for both), and the level follows the cut scores.
 * A student gets no row for a target when they were absent or exempt, when no sitting is recorded, or when
 * none of that target's items has a score. A target partly scored counts the items that were scored: a
 * blank is "not entered yet", never zero — entering a 0 is how a team says the student earned nothing.
 * Pass the transaction that changed the scores, so results and scores land together.
 */
export async function recomputeTargetResults(tx: Db, assessmentId: string, studentIds?: readonly string[]) {
  const forStudents = (column: SQL) =>
    studentIds === undefined ? sql`true` : sql`${column} = any(${uuidArray(studentIds)})`;
  if (studentIds !== undefined && studentIds.length === 0) return;
  await tx.execute(sql`
    delete from target_results where assessment_id = ${assessmentId} and ${forStudents(sql.raw("student_id"))}`);
  await tx.execute(sql`
    with earned as (
      select at.target_id, sc.student_id, sum(sc.points) as points
      from assessment_targets at
      join item_targets it on it.target_id = at.target_id
      join assessment_items ai on ai.id = it.item_id and ai.assessment_id = at.assessment_id
      join item_scores sc on sc.assessment_id = at.assessment_id and sc.item_id = ai.id and sc.points is not null
      join assessment_sittings st on st.assessment_id = at.assessment_id and st.student_id = sc.student_id
        and st.status = 'completed'
      where at.assessment_id = ${assessmentId} and ${forStudents(sql.raw("sc.student_id"))}
      group by at.target_id, sc.student_id
    )
    insert into target_results (district_id, assessment_id, target_id, student_id, class_id, points, level, assessed_on)
    select a.district_id, a.id, e.target_id, e.student_id, st.class_id, e.points,
      level_for(at.cut_scores, e.points),
      a.given_on
    from earned e
    join assessments a on a.id = ${assessmentId}
    join assessment_targets at on at.assessment_id = a.id and at.target_id = e.target_id
    join assessment_sittings st on st.assessment_id = a.id and st.student_id = e.student_id`);
}
