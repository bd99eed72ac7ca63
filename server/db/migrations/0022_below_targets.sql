ALTER TABLE "below_proficient_students" ADD COLUMN "targets" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "below_proficient_students" ADD COLUMN "whole_targets" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- below_proficient_students now keeps, for each student below on an assessment, the targets they are below on
-- and, of those, the ones whose result is whole. A result is partly scored when some aligned item has a score for
-- the student on that assessment and some item of the assessment aligned to the target has none: its level
-- compares part of the points with cut scores meant for all of them. The teams' rule (counts_partly_scored_as_need)
-- then chooses between the two lists when it is read. Item scores change only with their results (every writer
-- rebuilds the student's target results), so the same statement triggers keep both lists current.
CREATE OR REPLACE FUNCTION refresh_target_result_counts(affected uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM target_result_counts WHERE assessment_id = ANY(affected);
  INSERT INTO target_result_counts (district_id, assessment_id, target_id, class_id, school_id, level, students)
  SELECT r.district_id, r.assessment_id, r.target_id, r.class_id,
         coalesce(c.school_id, (SELECT s.school_id FROM students s WHERE s.id = r.student_id)), r.level, count(*)::int
    FROM target_results r LEFT JOIN classes c ON c.id = r.class_id
   WHERE r.assessment_id = ANY(affected)
   GROUP BY 1, 2, 3, 4, 5, 6;
  DELETE FROM below_proficient_students WHERE assessment_id = ANY(affected);
  INSERT INTO below_proficient_students (district_id, assessment_id, student_id, targets, whole_targets)
  WITH aligned AS (
    SELECT i.assessment_id, x.target_id, count(*) AS items
      FROM assessment_items i JOIN item_targets x ON x.item_id = i.id
     WHERE i.assessment_id = ANY(affected)
     GROUP BY i.assessment_id, x.target_id),
  scored AS (
    SELECT sc.assessment_id, sc.student_id, x.target_id, count(*) AS scored,
           count(*) FILTER (WHERE i.assessment_id = sc.assessment_id) AS own
      FROM item_scores sc
      JOIN item_targets x ON x.item_id = sc.item_id
      JOIN assessment_items i ON i.id = sc.item_id
     WHERE sc.assessment_id = ANY(affected) AND sc.points IS NOT NULL
     GROUP BY sc.assessment_id, sc.student_id, x.target_id)
  SELECT r.district_id, r.assessment_id, r.student_id,
         array_agg(r.target_id ORDER BY r.target_id),
         coalesce(array_agg(r.target_id ORDER BY r.target_id)
                    FILTER (WHERE NOT (coalesce(sd.scored, 0) > 0 AND coalesce(sd.own, 0) < coalesce(al.items, 0))),
                  '{}'::uuid[])
    FROM target_results r
    JOIN assessment_targets at ON at.assessment_id = r.assessment_id AND at.target_id = r.target_id
    JOIN assessments a ON a.id = r.assessment_id  -- not one being deleted (cascades run these triggers too)
    LEFT JOIN aligned al ON al.assessment_id = r.assessment_id AND al.target_id = r.target_id
    LEFT JOIN scored sd ON sd.assessment_id = r.assessment_id AND sd.student_id = r.student_id
     AND sd.target_id = r.target_id
   WHERE r.assessment_id = ANY(affected) AND r.level < at.proficient_level
   GROUP BY r.district_id, r.assessment_id, r.student_id;
  UPDATE assessments SET results_version = results_version + 1 WHERE id = ANY(affected);
END;
$$;
--> statement-breakpoint
SELECT refresh_target_result_counts(array(SELECT DISTINCT assessment_id FROM below_proficient_students));
