ALTER TABLE "communities" ADD COLUMN "student_sharing_approved_by_id" uuid;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "student_sharing_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_members" ADD COLUMN "shares_students" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_student_sharing_approved_by_id_people_id_fk" FOREIGN KEY ("student_sharing_approved_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;