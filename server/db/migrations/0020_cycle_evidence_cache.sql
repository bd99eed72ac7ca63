CREATE TABLE "cycle_evidence" (
	"district_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"class_id" uuid,
	"before" smallint NOT NULL,
	"after" smallint,
	"proficient" smallint NOT NULL,
	"first_matched" boolean NOT NULL,
	CONSTRAINT "cycle_evidence_cycle_id_target_id_student_id_pk" PRIMARY KEY("cycle_id","target_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "cycle_evidence_state" (
	"cycle_id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"signature" text NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "results_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_evidence" ADD CONSTRAINT "cycle_evidence_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_evidence" ADD CONSTRAINT "cycle_evidence_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_evidence" ADD CONSTRAINT "cycle_evidence_target_id_learning_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."learning_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_evidence" ADD CONSTRAINT "cycle_evidence_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_evidence" ADD CONSTRAINT "cycle_evidence_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_evidence_state" ADD CONSTRAINT "cycle_evidence_state_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_evidence_state" ADD CONSTRAINT "cycle_evidence_state_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The rollup of migrations 0005 and 0008 now also counts each rebuild in the assessment's results_version, so what
-- is built from an assessment's results (a cycle's cached evidence) can tell whether it is still current.
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
  UPDATE assessments SET results_version = results_version + 1 WHERE id = ANY(affected);
END;
$$;
