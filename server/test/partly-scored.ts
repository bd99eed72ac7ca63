import { type SQL, sql } from "drizzle-orm";

/**
 * Whether target result `tr` is partly scored: built from item scores, yet some item of the assessment aligned to
 * the target has no score for the student. Its level compares part of the points with cut scores meant for all of
 * them, so lists of who is below proficiency leave it out (the analysis shows it apart). A result imported without
 * item scores is whole. Probes item_scores by its key, so it costs a few index lookups per result.
 */
export function isPartlyScored(tr: string): SQL {
  const r = sql.raw(tr);
  return sql`(exists (select 1 from item_scores sc join item_targets x on x.item_id = sc.item_id
                       where sc.assessment_id = ${r}.assessment_id and sc.student_id = ${r}.student_id
                         and x.target_id = ${r}.target_id and sc.points is not null)
          and exists (select 1 from item_targets x join assessment_items i on i.id = x.item_id
                       where i.assessment_id = ${r}.assessment_id and x.target_id = ${r}.target_id
                         and not exists (select 1 from item_scores sc
                                          where sc.assessment_id = ${r}.assessment_id
                                            and sc.student_id = ${r}.student_id and sc.item_id = i.id
                                            and sc.points is not null)))`;
}
