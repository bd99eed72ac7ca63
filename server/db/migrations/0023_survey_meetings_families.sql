ALTER TABLE "survey_rounds" ADD COLUMN "meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD COLUMN "for_families" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_rounds_meeting_uq" ON "survey_rounds" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_meeting_team" CHECK ("survey_rounds"."meeting_id" is null or "survey_rounds"."community_id" is not null);--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_families_school" CHECK (not "survey_rounds"."for_families" or "survey_rounds"."school_id" is not null);