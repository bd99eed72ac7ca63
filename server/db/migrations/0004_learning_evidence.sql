CREATE TYPE "public"."assessment_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."sitting_status" AS ENUM('completed', 'absent', 'exempt');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "assessment_classes" (
	"district_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	CONSTRAINT "assessment_classes_assessment_id_class_id_pk" PRIMARY KEY("assessment_id","class_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"max_points" numeric(8, 2) NOT NULL,
	"correct_response" text
);
--> statement-breakpoint
CREATE TABLE "assessment_sittings" (
	"district_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"class_id" uuid,
	"status" "sitting_status" DEFAULT 'completed' NOT NULL,
	"sourced_id" text,
	"entered_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_sittings_assessment_id_student_id_pk" PRIMARY KEY("assessment_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_targets" (
	"district_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"max_points" numeric(8, 2) NOT NULL,
	"cut_scores" jsonb NOT NULL,
	"proficient_level" integer DEFAULT 3 NOT NULL,
	CONSTRAINT "assessment_targets_assessment_id_target_id_pk" PRIMARY KEY("assessment_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"community_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"given_on" date,
	"status" "assessment_status" DEFAULT 'draft' NOT NULL,
	"sourced_id" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_scores" (
	"district_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"points" numeric(8, 2),
	"response" text,
	CONSTRAINT "item_scores_assessment_id_student_id_item_id_pk" PRIMARY KEY("assessment_id","student_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "item_targets" (
	"district_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	CONSTRAINT "item_targets_item_id_target_id_pk" PRIMARY KEY("item_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "target_result_counts" (
	"district_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"class_id" uuid,
	"school_id" uuid,
	"level" smallint NOT NULL,
	"students" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_results" (
	"district_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"class_id" uuid,
	"points" numeric(8, 2) NOT NULL,
	"level" smallint NOT NULL,
	"assessed_on" date,
	CONSTRAINT "target_results_assessment_id_target_id_student_id_pk" PRIMARY KEY("assessment_id","target_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "class_students" (
	"district_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"sourced_id" text,
	"begin_date" date,
	"end_date" date,
	CONSTRAINT "class_students_class_id_student_id_pk" PRIMARY KEY("class_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "class_teachers" (
	"district_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"sourced_id" text,
	"is_primary" boolean DEFAULT true NOT NULL,
	CONSTRAINT "class_teachers_class_id_person_id_pk" PRIMARY KEY("class_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"course_id" uuid,
	"term_ids" uuid[] DEFAULT '{}' NOT NULL,
	"sourced_id" text,
	"title" text NOT NULL,
	"class_code" text,
	"class_type" text DEFAULT 'scheduled' NOT NULL,
	"grades" text[] DEFAULT '{}' NOT NULL,
	"subjects" text[] DEFAULT '{}' NOT NULL,
	"periods" text[] DEFAULT '{}' NOT NULL,
	"location" text,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid,
	"sourced_id" text,
	"title" text NOT NULL,
	"course_code" text,
	"grades" text[] DEFAULT '{}' NOT NULL,
	"subjects" text[] DEFAULT '{}' NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"started_by_id" uuid,
	"source" text NOT NULL,
	"status" "import_status" DEFAULT 'running' NOT NULL,
	"one_roster_version" text,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "student_demographics" (
	"student_id" uuid PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"birth_date" date,
	"sex" text,
	"american_indian_or_alaska_native" boolean,
	"asian" boolean,
	"black_or_african_american" boolean,
	"native_hawaiian_or_other_pacific_islander" boolean,
	"white" boolean,
	"two_or_more_races" boolean,
	"hispanic_or_latino" boolean,
	"country_of_birth_code" text,
	"state_of_birth_abbreviation" text,
	"city_of_birth" text,
	"public_school_residence_status" text
);
--> statement-breakpoint
CREATE TABLE "terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"sourced_id" text,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"parent_sourced_id" text,
	"school_year" text NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "essential_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"standard_id" uuid NOT NULL,
	"course_id" uuid,
	"grade" text,
	"unit_title" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"rationale" text DEFAULT '' NOT NULL,
	"scale_levels" jsonb NOT NULL,
	"proficient_level" integer DEFAULT 3 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"standard_id" uuid,
	"community_id" uuid,
	"essential_standard_id" uuid,
	"code" text,
	"statement" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"case_identifier" text NOT NULL,
	"uri" text,
	"title" text NOT NULL,
	"creator" text DEFAULT '' NOT NULL,
	"publisher" text,
	"description" text,
	"subjects" text[] DEFAULT '{}' NOT NULL,
	"language" text,
	"version" text,
	"adoption_status" text,
	"license_uri" text,
	"source_url" text,
	"last_change_date_time" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"case_identifier" text NOT NULL,
	"uri" text,
	"parent_id" uuid,
	"human_coding_scheme" text,
	"list_enumeration" text,
	"full_statement" text NOT NULL,
	"abbreviated_statement" text,
	"item_type" text,
	"education_levels" text[] DEFAULT '{}' NOT NULL,
	"concept_keywords" text[] DEFAULT '{}' NOT NULL,
	"notes" text,
	"position" integer DEFAULT 0 NOT NULL,
	"depth" integer DEFAULT 0 NOT NULL,
	"search" "tsvector"
);
--> statement-breakpoint
DROP INDEX "students_district_idx";--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "preferred_name" text;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "grade" text;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "identifier" text;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_classes" ADD CONSTRAINT "assessment_classes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_classes" ADD CONSTRAINT "assessment_classes_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_classes" ADD CONSTRAINT "assessment_classes_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_items" ADD CONSTRAINT "assessment_items_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_items" ADD CONSTRAINT "assessment_items_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sittings" ADD CONSTRAINT "assessment_sittings_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sittings" ADD CONSTRAINT "assessment_sittings_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sittings" ADD CONSTRAINT "assessment_sittings_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sittings" ADD CONSTRAINT "assessment_sittings_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sittings" ADD CONSTRAINT "assessment_sittings_entered_by_id_people_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_targets" ADD CONSTRAINT "assessment_targets_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_targets" ADD CONSTRAINT "assessment_targets_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_targets" ADD CONSTRAINT "assessment_targets_target_id_learning_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."learning_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_scores" ADD CONSTRAINT "item_scores_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_scores" ADD CONSTRAINT "item_scores_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_scores" ADD CONSTRAINT "item_scores_item_id_assessment_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."assessment_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_scores" ADD CONSTRAINT "item_scores_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_targets" ADD CONSTRAINT "item_targets_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_targets" ADD CONSTRAINT "item_targets_item_id_assessment_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."assessment_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_targets" ADD CONSTRAINT "item_targets_target_id_learning_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."learning_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_result_counts" ADD CONSTRAINT "target_result_counts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_result_counts" ADD CONSTRAINT "target_result_counts_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_result_counts" ADD CONSTRAINT "target_result_counts_target_id_learning_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."learning_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_results" ADD CONSTRAINT "target_results_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_results" ADD CONSTRAINT "target_results_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_results" ADD CONSTRAINT "target_results_target_id_learning_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."learning_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_results" ADD CONSTRAINT "target_results_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_results" ADD CONSTRAINT "target_results_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_students" ADD CONSTRAINT "class_students_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_students" ADD CONSTRAINT "class_students_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_students" ADD CONSTRAINT "class_students_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_teachers" ADD CONSTRAINT "class_teachers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_teachers" ADD CONSTRAINT "class_teachers_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_teachers" ADD CONSTRAINT "class_teachers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD CONSTRAINT "roster_imports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD CONSTRAINT "roster_imports_started_by_id_people_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_demographics" ADD CONSTRAINT "student_demographics_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_demographics" ADD CONSTRAINT "student_demographics_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms" ADD CONSTRAINT "terms_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "essential_standards" ADD CONSTRAINT "essential_standards_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "essential_standards" ADD CONSTRAINT "essential_standards_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "essential_standards" ADD CONSTRAINT "essential_standards_standard_id_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "essential_standards" ADD CONSTRAINT "essential_standards_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "essential_standards" ADD CONSTRAINT "essential_standards_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_targets" ADD CONSTRAINT "learning_targets_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_targets" ADD CONSTRAINT "learning_targets_standard_id_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."standards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_targets" ADD CONSTRAINT "learning_targets_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_targets" ADD CONSTRAINT "learning_targets_essential_standard_id_essential_standards_id_fk" FOREIGN KEY ("essential_standard_id") REFERENCES "public"."essential_standards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_targets" ADD CONSTRAINT "learning_targets_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_frameworks" ADD CONSTRAINT "standard_frameworks_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standards" ADD CONSTRAINT "standards_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standards" ADD CONSTRAINT "standards_framework_id_standard_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."standard_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_classes_class_idx" ON "assessment_classes" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "assessment_items_assessment_idx" ON "assessment_items" USING btree ("assessment_id","position");--> statement-breakpoint
CREATE INDEX "assessment_sittings_student_idx" ON "assessment_sittings" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "assessment_targets_target_idx" ON "assessment_targets" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "assessments_community_idx" ON "assessments" USING btree ("community_id","given_on");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_sourced_id_uq" ON "assessments" USING btree ("district_id","sourced_id");--> statement-breakpoint
CREATE INDEX "item_scores_item_idx" ON "item_scores" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "item_targets_target_idx" ON "item_targets" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "target_result_counts_target_idx" ON "target_result_counts" USING btree ("district_id","target_id");--> statement-breakpoint
CREATE INDEX "target_result_counts_assessment_idx" ON "target_result_counts" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "target_results_student_idx" ON "target_results" USING btree ("student_id","assessed_on");--> statement-breakpoint
CREATE INDEX "target_results_target_idx" ON "target_results" USING btree ("district_id","target_id");--> statement-breakpoint
CREATE INDEX "class_students_student_idx" ON "class_students" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "class_students_sourced_id_uq" ON "class_students" USING btree ("district_id","sourced_id");--> statement-breakpoint
CREATE INDEX "class_teachers_person_idx" ON "class_teachers" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "class_teachers_sourced_id_uq" ON "class_teachers" USING btree ("district_id","sourced_id");--> statement-breakpoint
CREATE UNIQUE INDEX "classes_sourced_id_uq" ON "classes" USING btree ("district_id","sourced_id");--> statement-breakpoint
CREATE INDEX "classes_school_idx" ON "classes" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "classes_course_idx" ON "classes" USING btree ("course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "courses_sourced_id_uq" ON "courses" USING btree ("district_id","sourced_id");--> statement-breakpoint
CREATE INDEX "courses_school_idx" ON "courses" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "roster_imports_district_idx" ON "roster_imports" USING btree ("district_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "terms_sourced_id_uq" ON "terms" USING btree ("district_id","sourced_id");--> statement-breakpoint
CREATE UNIQUE INDEX "essential_standards_uq" ON "essential_standards" USING btree ("community_id","standard_id",coalesce("unit_title", ''));--> statement-breakpoint
CREATE INDEX "essential_standards_community_idx" ON "essential_standards" USING btree ("community_id","position");--> statement-breakpoint
CREATE INDEX "learning_targets_standard_idx" ON "learning_targets" USING btree ("standard_id");--> statement-breakpoint
CREATE INDEX "learning_targets_community_idx" ON "learning_targets" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "learning_targets_essential_idx" ON "learning_targets" USING btree ("essential_standard_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "standard_frameworks_case_uq" ON "standard_frameworks" USING btree ("district_id","case_identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "standards_case_uq" ON "standards" USING btree ("framework_id","case_identifier");--> statement-breakpoint
CREATE INDEX "standards_case_identifier_idx" ON "standards" USING btree ("district_id","case_identifier");--> statement-breakpoint
CREATE INDEX "standards_parent_idx" ON "standards" USING btree ("framework_id","parent_id","position");--> statement-breakpoint
CREATE INDEX "standards_code_idx" ON "standards" USING btree ("district_id",lower("human_coding_scheme"));--> statement-breakpoint
CREATE INDEX "standards_search_idx" ON "standards" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "people_sourced_id_uq" ON "people" USING btree ("district_id","sourced_id");--> statement-breakpoint
CREATE UNIQUE INDEX "schools_sourced_id_uq" ON "schools" USING btree ("district_id","sourced_id");--> statement-breakpoint
CREATE INDEX "students_school_idx" ON "students" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "students_sourced_id_uq" ON "students" USING btree ("district_id","sourced_id");--> statement-breakpoint
CREATE INDEX "students_district_idx" ON "students" USING btree ("district_id","family_name","given_name");