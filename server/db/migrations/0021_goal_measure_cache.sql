CREATE TABLE "district_data_versions" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"plans" bigint DEFAULT 0 NOT NULL,
	"roster" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_measure_cache" (
	"goal_id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"signature" text NOT NULL,
	"value" double precision,
	"count" integer,
	"suppressed" boolean NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "district_data_versions" ADD CONSTRAINT "district_data_versions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_measure_cache" ADD CONSTRAINT "goal_measure_cache_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_measure_cache" ADD CONSTRAINT "goal_measure_cache_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Every statement that changes intervention plans, or students or classes, counts once in its districts' row of
-- district_data_versions, so a cached goal measure (goal_measure_cache) can tell whether they changed since.
CREATE OR REPLACE FUNCTION bump_district_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  -- Each trigger declares only the transition tables its event has; a branch not taken is never planned.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT district_id) INTO touched FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT district_id) INTO touched FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT x.district_id) INTO touched
      FROM (SELECT district_id FROM new_rows UNION SELECT district_id FROM old_rows) x;
  END IF;
  IF touched IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_ARGV[0] = 'plans' THEN
    INSERT INTO district_data_versions (district_id, plans)
    SELECT d.id, 1 FROM districts d WHERE d.id = ANY(touched)
    ON CONFLICT (district_id) DO UPDATE SET plans = district_data_versions.plans + 1;
  ELSE
    INSERT INTO district_data_versions (district_id, roster)
    SELECT d.id, 1 FROM districts d WHERE d.id = ANY(touched)
    ON CONFLICT (district_id) DO UPDATE SET roster = district_data_versions.roster + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER intervention_plans_versioned_insert AFTER INSERT ON intervention_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('plans');
--> statement-breakpoint
CREATE TRIGGER intervention_plans_versioned_update AFTER UPDATE ON intervention_plans
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('plans');
--> statement-breakpoint
CREATE TRIGGER intervention_plans_versioned_delete AFTER DELETE ON intervention_plans
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('plans');
--> statement-breakpoint
CREATE TRIGGER students_versioned_insert AFTER INSERT ON students
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('roster');
--> statement-breakpoint
CREATE TRIGGER students_versioned_update AFTER UPDATE ON students
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('roster');
--> statement-breakpoint
CREATE TRIGGER students_versioned_delete AFTER DELETE ON students
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('roster');
--> statement-breakpoint
CREATE TRIGGER classes_versioned_insert AFTER INSERT ON classes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('roster');
--> statement-breakpoint
CREATE TRIGGER classes_versioned_update AFTER UPDATE ON classes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('roster');
--> statement-breakpoint
CREATE TRIGGER classes_versioned_delete AFTER DELETE ON classes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_district_data_version('roster');
