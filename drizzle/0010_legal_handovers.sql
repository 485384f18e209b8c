CREATE TABLE "legal_evaluations" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL,
	"rule_set_version" text NOT NULL,
	"benefit_system" text NOT NULL,
	"responsible_agency_kind" text NOT NULL,
	"result" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_benefit_system" text NOT NULL,
	"to_benefit_system" text NOT NULL,
	"from_agency_kind" text NOT NULL,
	"to_agency_kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"due_on" date NOT NULL,
	"owner_user_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"checklist" jsonb NOT NULL,
	"cancel_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legal_evaluations" ADD CONSTRAINT "legal_evaluations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_handovers" ADD CONSTRAINT "legal_handovers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_handovers" ADD CONSTRAINT "legal_handovers_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_handovers_person_idx" ON "legal_handovers" USING btree ("person_id","status");--> statement-breakpoint
CREATE INDEX "legal_handovers_status_due_idx" ON "legal_handovers" USING btree ("status","due_on");