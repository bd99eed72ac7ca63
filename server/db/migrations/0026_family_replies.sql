CREATE TABLE "family_note_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"language" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "family_note_replies" ADD CONSTRAINT "family_note_replies_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_note_replies" ADD CONSTRAINT "family_note_replies_note_id_family_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."family_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_note_replies" ADD CONSTRAINT "family_note_replies_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_note_replies_note_idx" ON "family_note_replies" USING btree ("note_id","created_at");