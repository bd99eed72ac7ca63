CREATE TABLE "roster_row_versions" (
	"district_id" uuid NOT NULL,
	"file" text NOT NULL,
	"sourced_id" text NOT NULL,
	"modified_at" timestamp with time zone NOT NULL,
	CONSTRAINT "roster_row_versions_district_id_file_sourced_id_pk" PRIMARY KEY("district_id","file","sourced_id")
);
--> statement-breakpoint
ALTER TABLE "roster_row_versions" ADD CONSTRAINT "roster_row_versions_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;