-- The agency a task was created for, kept on the task: rights to change it must not follow the
-- creating colleague to another agency. Existing tasks take their creator's current agency, or the
-- case's lead agency where the creator is unknown.
ALTER TABLE "case_tasks" ADD COLUMN "created_by_agency_id" uuid;--> statement-breakpoint
UPDATE "case_tasks" t SET "created_by_agency_id" = COALESCE(
  (SELECT u."agency_id" FROM "users" u WHERE u."id" = t."created_by"),
  (SELECT c."lead_agency_id" FROM "cases" c WHERE c."id" = t."case_id")
);--> statement-breakpoint
ALTER TABLE "case_tasks" ALTER COLUMN "created_by_agency_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_created_by_agency_id_agencies_id_fk" FOREIGN KEY ("created_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;
