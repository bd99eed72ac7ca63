CREATE TABLE "rollup_cache" (
	"district_id" uuid NOT NULL,
	"key" text NOT NULL,
	"signature" text NOT NULL,
	"value" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollup_cache_district_id_key_pk" PRIMARY KEY("district_id","key")
);
--> statement-breakpoint
ALTER TABLE "goal_measure_cache" DROP CONSTRAINT "goal_measure_cache_pkey";--> statement-breakpoint
ALTER TABLE "goal_measure_cache" ADD COLUMN "scope" text DEFAULT 'district' NOT NULL;--> statement-breakpoint
ALTER TABLE "goal_measure_cache" ADD CONSTRAINT "goal_measure_cache_goal_id_scope_pk" PRIMARY KEY("goal_id","scope");--> statement-breakpoint
ALTER TABLE "rollup_cache" ADD CONSTRAINT "rollup_cache_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Enrolments decide which students a school's leaders see (a class of the school enrols a student of another), so a
-- measure cached for a school's leaders is checked against them too: every statement that changes class_students
-- counts in the roster version as students and classes do (migration 0021).
CREATE TRIGGER class_students_versioned_insert AFTER INSERT ON class_students
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('roster');
--> statement-breakpoint
CREATE TRIGGER class_students_versioned_update AFTER UPDATE ON class_students
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('roster');
--> statement-breakpoint
CREATE TRIGGER class_students_versioned_delete AFTER DELETE ON class_students
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('roster');
