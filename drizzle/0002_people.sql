CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_names" text NOT NULL,
	"family_name" text NOT NULL,
	"name_order" text NOT NULL,
	"sex" text NOT NULL,
	"date_of_birth_raw" text,
	"dob_year" integer,
	"dob_month" integer,
	"dob_day" integer,
	"dob_precision" text NOT NULL,
	"dob_placeholder" boolean DEFAULT false NOT NULL,
	"place_of_birth" text,
	"country_of_birth" text,
	"nationalities" text[] DEFAULT '{}'::text[] NOT NULL,
	"registered_by_agency_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"blocking_keys" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "person_identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_name_variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"given_names" text,
	"family_name" text,
	"script" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_registered_by_agency_id_agencies_id_fk" FOREIGN KEY ("registered_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_identifiers" ADD CONSTRAINT "person_identifiers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_name_variants" ADD CONSTRAINT "person_name_variants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_agency_idx" ON "people" USING btree ("registered_by_agency_id");--> statement-breakpoint
CREATE INDEX "people_blocking_keys_idx" ON "people" USING gin ("blocking_keys");--> statement-breakpoint
CREATE UNIQUE INDEX "person_identifiers_kind_value_uq" ON "person_identifiers" USING btree ("kind","value");--> statement-breakpoint
CREATE INDEX "person_identifiers_person_idx" ON "person_identifiers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_name_variants_person_idx" ON "person_name_variants" USING btree ("person_id","position");