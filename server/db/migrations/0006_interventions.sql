CREATE TYPE "public"."intervention_kind" AS ENUM('intervention', 'extension');--> statement-breakpoint
CREATE TYPE "public"."plan_decision" AS ENUM('start', 'continue', 'adjust', 'intensify', 'exit');--> statement-breakpoint
CREATE TYPE "public"."plan_outcome" AS ENUM('met', 'not_met');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('active', 'closed');--> statement-breakpoint
CREATE TYPE "public"."session_attendance" AS ENUM('present', 'absent', 'not_held');--> statement-breakpoint
CREATE TABLE "family_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"author_id" uuid,
	"plan_id" uuid,
	"body" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervention_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"kind" "intervention_kind" NOT NULL,
	"name" text NOT NULL,
	"tier" smallint DEFAULT 2 NOT NULL,
	"focus" text DEFAULT '' NOT NULL,
	"learning_target_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"source_assessment_id" uuid,
	"strategy_resource_id" uuid,
	"strategy" text DEFAULT '' NOT NULL,
	"delivered_by_id" uuid,
	"minutes_per_session" smallint,
	"days_per_week" smallint,
	"schedule" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"review_date" date NOT NULL,
	"goal_date" date NOT NULL,
	"measure" text NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervention_groups_tier_range" CHECK ("intervention_groups"."tier" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "intervention_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"group_id" uuid,
	"kind" "intervention_kind" NOT NULL,
	"tier" smallint NOT NULL,
	"status" "plan_status" DEFAULT 'active' NOT NULL,
	"focus" text DEFAULT '' NOT NULL,
	"learning_target_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"source_assessment_id" uuid,
	"strategy_resource_id" uuid,
	"strategy" text DEFAULT '' NOT NULL,
	"delivered_by_id" uuid,
	"minutes_per_session" smallint,
	"days_per_week" smallint,
	"schedule" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"review_date" date NOT NULL,
	"measure" text NOT NULL,
	"baseline" numeric(10, 2) NOT NULL,
	"goal" numeric(10, 2) NOT NULL,
	"goal_date" date NOT NULL,
	"rule_points" smallint DEFAULT 4 NOT NULL,
	"outcome" "plan_outcome",
	"closed_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervention_plans_tier_range" CHECK ("intervention_plans"."tier" between 1 and 3),
	CONSTRAINT "intervention_plans_rule_points_range" CHECK ("intervention_plans"."rule_points" between 2 and 12),
	CONSTRAINT "intervention_plans_dates" CHECK ("intervention_plans"."goal_date" > "intervention_plans"."start_date")
);
--> statement-breakpoint
CREATE TABLE "intervention_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"session_on" date NOT NULL,
	"attendance" "session_attendance" NOT NULL,
	"minutes" smallint,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"decision" "plan_decision" NOT NULL,
	"reason" text NOT NULL,
	"tier_before" smallint,
	"tier_after" smallint NOT NULL,
	"flag" text,
	"meeting_id" uuid,
	"decided_by_id" uuid,
	"decided_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"score" numeric(10, 2) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "response_days" smallint DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "family_notes" ADD CONSTRAINT "family_notes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_notes" ADD CONSTRAINT "family_notes_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_notes" ADD CONSTRAINT "family_notes_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_notes" ADD CONSTRAINT "family_notes_plan_id_intervention_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."intervention_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_notes" ADD CONSTRAINT "family_notes_acknowledged_by_id_people_id_fk" FOREIGN KEY ("acknowledged_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_groups" ADD CONSTRAINT "intervention_groups_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_groups" ADD CONSTRAINT "intervention_groups_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_groups" ADD CONSTRAINT "intervention_groups_source_assessment_id_assessments_id_fk" FOREIGN KEY ("source_assessment_id") REFERENCES "public"."assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_groups" ADD CONSTRAINT "intervention_groups_strategy_resource_id_resources_id_fk" FOREIGN KEY ("strategy_resource_id") REFERENCES "public"."resources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_groups" ADD CONSTRAINT "intervention_groups_delivered_by_id_people_id_fk" FOREIGN KEY ("delivered_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_groups" ADD CONSTRAINT "intervention_groups_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_plans" ADD CONSTRAINT "intervention_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_plans" ADD CONSTRAINT "intervention_plans_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_plans" ADD CONSTRAINT "intervention_plans_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_plans" ADD CONSTRAINT "intervention_plans_group_id_intervention_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."intervention_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_plans" ADD CONSTRAINT "intervention_plans_source_assessment_id_assessments_id_fk" FOREIGN KEY ("source_assessment_id") REFERENCES "public"."assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_plans" ADD CONSTRAINT "intervention_plans_strategy_resource_id_resources_id_fk" FOREIGN KEY ("strategy_resource_id") REFERENCES "public"."resources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_plans" ADD CONSTRAINT "intervention_plans_delivered_by_id_people_id_fk" FOREIGN KEY ("delivered_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_plans" ADD CONSTRAINT "intervention_plans_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_sessions" ADD CONSTRAINT "intervention_sessions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_sessions" ADD CONSTRAINT "intervention_sessions_plan_id_intervention_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."intervention_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_sessions" ADD CONSTRAINT "intervention_sessions_recorded_by_id_people_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_decisions" ADD CONSTRAINT "plan_decisions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_decisions" ADD CONSTRAINT "plan_decisions_plan_id_intervention_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."intervention_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_decisions" ADD CONSTRAINT "plan_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_decisions" ADD CONSTRAINT "plan_decisions_decided_by_id_people_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_scores" ADD CONSTRAINT "progress_scores_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_scores" ADD CONSTRAINT "progress_scores_plan_id_intervention_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."intervention_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_scores" ADD CONSTRAINT "progress_scores_recorded_by_id_people_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_notes_student_idx" ON "family_notes" USING btree ("student_id","created_at");--> statement-breakpoint
CREATE INDEX "intervention_groups_community_idx" ON "intervention_groups" USING btree ("community_id","closed_at");--> statement-breakpoint
CREATE INDEX "intervention_plans_community_idx" ON "intervention_plans" USING btree ("community_id","status");--> statement-breakpoint
CREATE INDEX "intervention_plans_student_idx" ON "intervention_plans" USING btree ("student_id","start_date");--> statement-breakpoint
CREATE INDEX "intervention_plans_group_idx" ON "intervention_plans" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "intervention_plans_district_idx" ON "intervention_plans" USING btree ("district_id","status","review_date");--> statement-breakpoint
CREATE UNIQUE INDEX "intervention_sessions_uq" ON "intervention_sessions" USING btree ("plan_id","session_on");--> statement-breakpoint
CREATE INDEX "plan_decisions_plan_idx" ON "plan_decisions" USING btree ("plan_id","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_scores_uq" ON "progress_scores" USING btree ("plan_id","measured_on");