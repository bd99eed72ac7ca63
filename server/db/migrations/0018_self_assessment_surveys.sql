CREATE TYPE "public"."survey_scale" AS ENUM('rubric', 'agreement');--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "survey_answers_level_range" CHECK ("survey_answers"."level" between 1 and 6)
);
--> statement-breakpoint
CREATE TABLE "survey_instrument_items" (
	"district_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"section" text NOT NULL,
	"prompt" text NOT NULL,
	"scale" "survey_scale" NOT NULL,
	"levels" jsonb NOT NULL,
	CONSTRAINT "survey_instrument_items_instrument_id_position_pk" PRIMARY KEY("instrument_id","position")
);
--> statement-breakpoint
CREATE TABLE "survey_instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_respondents" (
	"district_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "survey_respondents_round_id_person_id_pk" PRIMARY KEY("round_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"instrument_key" text,
	"instrument_id" uuid,
	"title" text NOT NULL,
	"items" jsonb NOT NULL,
	"community_id" uuid,
	"school_id" uuid,
	"term_label" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"opened_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_rounds_one_instrument" CHECK (("survey_rounds"."instrument_key" is null) <> ("survey_rounds"."instrument_id" is null)),
	CONSTRAINT "survey_rounds_one_audience" CHECK (("survey_rounds"."community_id" is null) <> ("survey_rounds"."school_id" is null)),
	CONSTRAINT "survey_rounds_dates" CHECK ("survey_rounds"."closes_on" >= "survey_rounds"."opens_on")
);
--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_instrument_items" ADD CONSTRAINT "survey_instrument_items_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_instrument_items" ADD CONSTRAINT "survey_instrument_items_instrument_id_survey_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."survey_instruments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_instruments" ADD CONSTRAINT "survey_instruments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_instruments" ADD CONSTRAINT "survey_instruments_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD CONSTRAINT "survey_respondents_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD CONSTRAINT "survey_respondents_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD CONSTRAINT "survey_respondents_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_instrument_id_survey_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."survey_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_opened_by_id_people_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answers_round_idx" ON "survey_answers" USING btree ("round_id","item_key");--> statement-breakpoint
CREATE INDEX "survey_instruments_district_idx" ON "survey_instruments" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "survey_rounds_community_idx" ON "survey_rounds" USING btree ("community_id","opens_on");--> statement-breakpoint
CREATE INDEX "survey_rounds_school_idx" ON "survey_rounds" USING btree ("school_id","opens_on");--> statement-breakpoint
CREATE INDEX "survey_rounds_district_idx" ON "survey_rounds" USING btree ("district_id","opens_on");