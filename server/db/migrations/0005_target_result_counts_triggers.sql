-- target_result_counts is a rollup of target_results (students per level, per target, assessment, class and school),
-- kept current by the database so that no writer can forget it: after every statement that changes
-- target_results, the counts of the assessments it touched are rebuilt from their rows. A bulk restore may
-- set collective.defer_result_counts for its transaction and rebuild once at the end instead.
CREATE OR REPLACE FUNCTION refresh_target_result_counts(affected uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM target_result_counts WHERE assessment_id = ANY(affected);
  INSERT INTO target_result_counts (district_id, assessment_id, target_id, class_id, school_id, level, students)
  SELECT r.district_id, r.assessment_id, r.target_id, r.class_id,
         coalesce(c.school_id, (SELECT s.school_id FROM students s WHERE s.id = r.student_id)), r.level, count(*)::int
    FROM target_results r LEFT JOIN classes c ON c.id = r.class_id
   WHERE r.assessment_id = ANY(affected)
   GROUP BY 1, 2, 3, 4, 5, 6;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION target_results_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  affected uuid[];
BEGIN
  IF current_setting('collective.defer_result_counts', true) = 'on' THEN
    RETURN NULL;
  END IF;
  -- Each trigger declares only the transition tables its event has; a branch not taken is never planned.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT assessment_id) INTO affected FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT assessment_id) INTO affected FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT x.assessment_id) INTO affected
      FROM (SELECT assessment_id FROM new_rows UNION SELECT assessment_id FROM old_rows) x;
  END IF;
  IF affected IS NOT NULL THEN
    PERFORM refresh_target_result_counts(affected);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER target_results_counted_insert AFTER INSERT ON target_results
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION target_results_changed();
--> statement-breakpoint
CREATE TRIGGER target_results_counted_update AFTER UPDATE ON target_results
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION target_results_changed();
--> statement-breakpoint
CREATE TRIGGER target_results_counted_delete AFTER DELETE ON target_results
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION target_results_changed();
--> statement-breakpoint
SELECT refresh_target_result_counts(array(SELECT DISTINCT assessment_id FROM target_results));
