CREATE TYPE "public"."cycle_assessment_role" AS ENUM('baseline', 'followup');--> statement-breakpoint
CREATE TYPE "public"."cycle_stage" AS ENUM('learning_needs', 'shared_goals', 'professional_learning', 'strategies', 'implementation', 'monitoring', 'evaluation');--> statement-breakpoint
CREATE TYPE "public"."cycle_status" AS ENUM('active', 'finished', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."goal_kind" AS ENUM('student', 'educator');--> statement-breakpoint
CREATE TYPE "public"."goal_level" AS ENUM('district', 'school', 'team', 'individual');--> statement-breakpoint
CREATE TYPE "public"."goal_measure_kind" AS ENUM('proficiency_share', 'response_within_days', 'meetings_held', 'checkin');--> statement-breakpoint
CREATE TYPE "public"."implementation_outcome" AS ENUM('went_well', 'mixed', 'did_not_work');--> statement-breakpoint
CREATE TYPE "public"."learning_activity_kind" AS ENUM('text_study', 'coaching', 'classroom_visit', 'course', 'workshop', 'other');--> statement-breakpoint
CREATE TYPE "public"."evidence_level" AS ENUM('strong', 'moderate', 'promising', 'emerging');--> statement-breakpoint
CREATE TABLE "cycle_assessments" (
	"district_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"role" "cycle_assessment_role" NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_assessments_cycle_id_assessment_id_pk" PRIMARY KEY("cycle_id","assessment_id")
);
--> statement-breakpoint
CREATE TABLE "cycle_implementations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"resource_id" uuid,
	"class_id" uuid,
	"applied_on" date NOT NULL,
	"outcome" "implementation_outcome" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_learning_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" "learning_activity_kind" NOT NULL,
	"description" text NOT NULL,
	"minutes" integer NOT NULL,
	"learned_on" date NOT NULL,
	"protocol_id" uuid,
	"resource_id" uuid,
	"visit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_learning_minutes" CHECK ("cycle_learning_log"."minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "cycle_learning_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"author_id" uuid,
	"need" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_meetings" (
	"district_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"stage" "cycle_stage" NOT NULL,
	CONSTRAINT "cycle_meetings_cycle_id_meeting_id_pk" PRIMARY KEY("cycle_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "cycle_refinements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"author_id" uuid,
	"change" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_snapshot_results" (
	"district_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"class_id" uuid,
	"level" smallint NOT NULL,
	CONSTRAINT "cycle_snapshot_results_cycle_id_assessment_id_target_id_student_id_pk" PRIMARY KEY("cycle_id","assessment_id","target_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "cycle_stages" (
	"district_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"stage" "cycle_stage" NOT NULL,
	"owner_id" uuid,
	"starts_on" date,
	"due_on" date,
	"completed_at" timestamp with time zone,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "cycle_stages_cycle_id_stage_pk" PRIMARY KEY("cycle_id","stage")
);
--> statement-breakpoint
CREATE TABLE "cycle_strategies" (
	"district_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"chosen_by_id" uuid,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_strategies_cycle_id_resource_id_pk" PRIMARY KEY("cycle_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "cycle_visits" (
	"district_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	CONSTRAINT "cycle_visits_cycle_id_visit_id_pk" PRIMARY KEY("cycle_id","visit_id")
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"title" text NOT NULL,
	"focus" text DEFAULT '' NOT NULL,
	"status" "cycle_status" DEFAULT 'active' NOT NULL,
	"current_stage" "cycle_stage" DEFAULT 'learning_needs' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"reflection" text DEFAULT '' NOT NULL,
	"finished_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"author_id" uuid,
	"checked_on" date NOT NULL,
	"value" double precision,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_links" (
	"district_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"serves_goal_id" uuid NOT NULL,
	CONSTRAINT "goal_links_goal_id_serves_goal_id_pk" PRIMARY KEY("goal_id","serves_goal_id"),
	CONSTRAINT "goal_links_not_self" CHECK ("goal_links"."goal_id" <> "goal_links"."serves_goal_id")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"level" "goal_level" NOT NULL,
	"kind" "goal_kind" DEFAULT 'student' NOT NULL,
	"school_id" uuid,
	"community_id" uuid,
	"cycle_id" uuid,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"measure_kind" "goal_measure_kind" NOT NULL,
	"measure" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"unit" text DEFAULT 'percent' NOT NULL,
	"baseline" double precision,
	"target" double precision NOT NULL,
	"starts_on" date NOT NULL,
	"due_on" date NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_level_scope" CHECK (("goals"."level" <> 'school' or "goals"."school_id" is not null) and ("goals"."level" <> 'team' or "goals"."community_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "evidence_level" "evidence_level";--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "evidence_source" text;--> statement-breakpoint
ALTER TABLE "cycle_assessments" ADD CONSTRAINT "cycle_assessments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_assessments" ADD CONSTRAINT "cycle_assessments_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_assessments" ADD CONSTRAINT "cycle_assessments_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_implementations" ADD CONSTRAINT "cycle_implementations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_implementations" ADD CONSTRAINT "cycle_implementations_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_implementations" ADD CONSTRAINT "cycle_implementations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_implementations" ADD CONSTRAINT "cycle_implementations_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_implementations" ADD CONSTRAINT "cycle_implementations_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_learning_log" ADD CONSTRAINT "cycle_learning_log_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_learning_log" ADD CONSTRAINT "cycle_learning_log_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_learning_log" ADD CONSTRAINT "cycle_learning_log_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_learning_log" ADD CONSTRAINT "cycle_learning_log_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_learning_log" ADD CONSTRAINT "cycle_learning_log_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_learning_log" ADD CONSTRAINT "cycle_learning_log_visit_id_classroom_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."classroom_visits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_learning_needs" ADD CONSTRAINT "cycle_learning_needs_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_learning_needs" ADD CONSTRAINT "cycle_learning_needs_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_learning_needs" ADD CONSTRAINT "cycle_learning_needs_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_meetings" ADD CONSTRAINT "cycle_meetings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_meetings" ADD CONSTRAINT "cycle_meetings_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_meetings" ADD CONSTRAINT "cycle_meetings_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_refinements" ADD CONSTRAINT "cycle_refinements_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_refinements" ADD CONSTRAINT "cycle_refinements_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_refinements" ADD CONSTRAINT "cycle_refinements_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_snapshot_results" ADD CONSTRAINT "cycle_snapshot_results_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_snapshot_results" ADD CONSTRAINT "cycle_snapshot_results_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_snapshot_results" ADD CONSTRAINT "cycle_snapshot_results_target_id_learning_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."learning_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_snapshot_results" ADD CONSTRAINT "cycle_snapshot_results_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_snapshot_results" ADD CONSTRAINT "cycle_snapshot_results_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_stages" ADD CONSTRAINT "cycle_stages_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_stages" ADD CONSTRAINT "cycle_stages_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_stages" ADD CONSTRAINT "cycle_stages_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_strategies" ADD CONSTRAINT "cycle_strategies_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_strategies" ADD CONSTRAINT "cycle_strategies_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_strategies" ADD CONSTRAINT "cycle_strategies_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_strategies" ADD CONSTRAINT "cycle_strategies_chosen_by_id_people_id_fk" FOREIGN KEY ("chosen_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_visits" ADD CONSTRAINT "cycle_visits_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_visits" ADD CONSTRAINT "cycle_visits_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_visits" ADD CONSTRAINT "cycle_visits_visit_id_classroom_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."classroom_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_checkins" ADD CONSTRAINT "goal_checkins_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_checkins" ADD CONSTRAINT "goal_checkins_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_checkins" ADD CONSTRAINT "goal_checkins_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_links" ADD CONSTRAINT "goal_links_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_links" ADD CONSTRAINT "goal_links_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_links" ADD CONSTRAINT "goal_links_serves_goal_id_goals_id_fk" FOREIGN KEY ("serves_goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cycle_implementations_cycle_idx" ON "cycle_implementations" USING btree ("cycle_id","applied_on");--> statement-breakpoint
CREATE INDEX "cycle_learning_log_cycle_idx" ON "cycle_learning_log" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "cycle_learning_needs_cycle_idx" ON "cycle_learning_needs" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "cycle_meetings_meeting_idx" ON "cycle_meetings" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "cycle_refinements_cycle_idx" ON "cycle_refinements" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "cycle_snapshot_student_idx" ON "cycle_snapshot_results" USING btree ("cycle_id","target_id","student_id");--> statement-breakpoint
CREATE INDEX "cycle_strategies_resource_idx" ON "cycle_strategies" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "cycle_visits_visit_idx" ON "cycle_visits" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "cycles_community_idx" ON "cycles" USING btree ("community_id","starts_on");--> statement-breakpoint
CREATE INDEX "cycles_district_idx" ON "cycles" USING btree ("district_id","status");--> statement-breakpoint
CREATE INDEX "goal_checkins_goal_idx" ON "goal_checkins" USING btree ("goal_id","checked_on");--> statement-breakpoint
CREATE INDEX "goal_links_serves_idx" ON "goal_links" USING btree ("serves_goal_id");--> statement-breakpoint
CREATE INDEX "goals_district_idx" ON "goals" USING btree ("district_id","level");--> statement-breakpoint
CREATE INDEX "goals_community_idx" ON "goals" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "goals_owner_idx" ON "goals" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "goals_cycle_idx" ON "goals" USING btree ("cycle_id");