CREATE TABLE "below_proficient_students" (
	"district_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	CONSTRAINT "below_proficient_students_assessment_id_student_id_pk" PRIMARY KEY("assessment_id","student_id")
);
--> statement-breakpoint
ALTER TABLE "below_proficient_students" ADD CONSTRAINT "below_proficient_students_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "below_proficient_students" ADD CONSTRAINT "below_proficient_students_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "below_proficient_students" ADD CONSTRAINT "below_proficient_students_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "below_proficient_students_student_idx" ON "below_proficient_students" USING btree ("student_id","assessment_id");--> statement-breakpoint
-- The rollup of migration 0005 now also rebuilds below_proficient_students for the assessments it touches, so
-- the same triggers (and the same deferral during a bulk restore) keep both current.
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
  INSERT INTO below_proficient_students (district_id, assessment_id, student_id)
  SELECT DISTINCT r.district_id, r.assessment_id, r.student_id
    FROM target_results r
    JOIN assessment_targets at ON at.assessment_id = r.assessment_id AND at.target_id = r.target_id
    JOIN assessments a ON a.id = r.assessment_id  -- not one being deleted (cascades run these triggers too)
   WHERE r.assessment_id = ANY(affected) AND r.level < at.proficient_level;
END;
$$;
--> statement-breakpoint
-- A changed proficient level moves students in or out of below_proficient_students without any result changing.
CREATE OR REPLACE FUNCTION assessment_targets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  affected uuid[];
BEGIN
  IF current_setting('collective.defer_result_counts', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT assessment_id) INTO affected FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT x.assessment_id) INTO affected
      FROM (SELECT n.assessment_id FROM new_rows n JOIN old_rows o ON o.assessment_id = n.assessment_id
              AND o.target_id = n.target_id AND o.proficient_level IS DISTINCT FROM n.proficient_level) x;
  END IF;
  IF affected IS NOT NULL THEN
    PERFORM refresh_target_result_counts(affected);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER assessment_targets_level_update AFTER UPDATE ON assessment_targets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assessment_targets_changed();
--> statement-breakpoint
CREATE TRIGGER assessment_targets_level_delete AFTER DELETE ON assessment_targets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assessment_targets_changed();
--> statement-breakpoint
INSERT INTO below_proficient_students (district_id, assessment_id, student_id)
SELECT DISTINCT r.district_id, r.assessment_id, r.student_id
  FROM target_results r
  JOIN assessment_targets at ON at.assessment_id = r.assessment_id AND at.target_id = r.target_id
 WHERE r.level < at.proficient_level;
