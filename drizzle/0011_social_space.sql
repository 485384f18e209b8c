CREATE TABLE "address_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"address_id" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"checked_by" uuid,
	"checked_by_agency_id" uuid,
	"source" text NOT NULL,
	"source_id" uuid,
	"facts" jsonb NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "district_staff" (
	"district_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_by" uuid
);
--> statement-breakpoint
CREATE TABLE "exploration_addresses" (
	"exploration_id" uuid NOT NULL,
	"address_id" uuid NOT NULL,
	"check_id" uuid
);
--> statement-breakpoint
CREATE TABLE "exploration_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exploration_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"assignee_agency_id" uuid NOT NULL,
	"assignee_user_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exploration_resources" (
	"exploration_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"change" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "explorations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"explored_on" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"route" text,
	"findings" text,
	"stakeholders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text,
	"description" text,
	"address_id" uuid,
	"district_id" uuid,
	"latitude" double precision,
	"longitude" double precision,
	"accessibility" text,
	"transportation" text
);
--> statement-breakpoint
CREATE TABLE "resource_organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text,
	"email" text,
	"website" text,
	"legal_status" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_service_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text,
	"url" text,
	"email" text,
	"status" text DEFAULT 'active' NOT NULL,
	"alert" text,
	"interpretation_services" text,
	"application_process" text,
	"fees_description" text,
	"cost" text,
	"eligibility_description" text,
	"minimum_age" integer,
	"maximum_age" integer,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"schedules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"internal_note" text,
	"verified_on" date,
	"verified_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_taxonomy_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"description" text,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "resource_taxonomy_terms_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "mailbox_present" boolean;--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "names_on_mailbox" text;--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "shared_accommodation" boolean;--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "mail_delivery" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "access_notes" text;--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "last_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "last_checked_by" uuid;--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "last_checked_source" text;--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "geometry" jsonb;--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "population" integer;--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "population_as_of" date;--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "exploration_cadence_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "address_checks" ADD CONSTRAINT "address_checks_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_checks" ADD CONSTRAINT "address_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_checks" ADD CONSTRAINT "address_checks_checked_by_agency_id_agencies_id_fk" FOREIGN KEY ("checked_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_staff" ADD CONSTRAINT "district_staff_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_staff" ADD CONSTRAINT "district_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_staff" ADD CONSTRAINT "district_staff_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exploration_addresses" ADD CONSTRAINT "exploration_addresses_exploration_id_explorations_id_fk" FOREIGN KEY ("exploration_id") REFERENCES "public"."explorations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exploration_addresses" ADD CONSTRAINT "exploration_addresses_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exploration_addresses" ADD CONSTRAINT "exploration_addresses_check_id_address_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."address_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exploration_follow_ups" ADD CONSTRAINT "exploration_follow_ups_exploration_id_explorations_id_fk" FOREIGN KEY ("exploration_id") REFERENCES "public"."explorations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exploration_follow_ups" ADD CONSTRAINT "exploration_follow_ups_assignee_agency_id_agencies_id_fk" FOREIGN KEY ("assignee_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exploration_follow_ups" ADD CONSTRAINT "exploration_follow_ups_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exploration_follow_ups" ADD CONSTRAINT "exploration_follow_ups_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exploration_resources" ADD CONSTRAINT "exploration_resources_exploration_id_explorations_id_fk" FOREIGN KEY ("exploration_id") REFERENCES "public"."explorations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exploration_resources" ADD CONSTRAINT "exploration_resources_service_id_resource_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."resource_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "explorations" ADD CONSTRAINT "explorations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "explorations" ADD CONSTRAINT "explorations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "explorations" ADD CONSTRAINT "explorations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_locations" ADD CONSTRAINT "resource_locations_organization_id_resource_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."resource_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_locations" ADD CONSTRAINT "resource_locations_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_locations" ADD CONSTRAINT "resource_locations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_locations" ADD CONSTRAINT "resource_service_locations_service_id_resource_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."resource_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_locations" ADD CONSTRAINT "resource_service_locations_location_id_resource_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."resource_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_services" ADD CONSTRAINT "resource_services_organization_id_resource_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."resource_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_services" ADD CONSTRAINT "resource_services_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_services" ADD CONSTRAINT "resource_services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "address_checks_address_idx" ON "address_checks" USING btree ("address_id","checked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "district_staff_uq" ON "district_staff" USING btree ("district_id","user_id");--> statement-breakpoint
CREATE INDEX "district_staff_user_idx" ON "district_staff" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exploration_addresses_uq" ON "exploration_addresses" USING btree ("exploration_id","address_id");--> statement-breakpoint
CREATE INDEX "exploration_follow_ups_assignee_idx" ON "exploration_follow_ups" USING btree ("assignee_agency_id","status");--> statement-breakpoint
CREATE INDEX "exploration_follow_ups_user_idx" ON "exploration_follow_ups" USING btree ("assignee_user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "exploration_resources_uq" ON "exploration_resources" USING btree ("exploration_id","service_id");--> statement-breakpoint
CREATE INDEX "explorations_district_idx" ON "explorations" USING btree ("district_id","explored_on");--> statement-breakpoint
CREATE INDEX "resource_locations_org_idx" ON "resource_locations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "resource_locations_district_idx" ON "resource_locations" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_service_locations_uq" ON "resource_service_locations" USING btree ("service_id","location_id");--> statement-breakpoint
CREATE INDEX "resource_service_locations_location_idx" ON "resource_service_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "resource_services_org_idx" ON "resource_services" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "resource_services_status_idx" ON "resource_services" USING btree ("status");--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_last_checked_by_users_id_fk" FOREIGN KEY ("last_checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Before the directory existed a step could carry any id; such links point at nothing and are dropped.
UPDATE "case_plan_steps" SET "resource_id" = NULL WHERE "resource_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "case_plan_steps" ADD CONSTRAINT "case_plan_steps_resource_id_resource_services_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resource_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "addresses_district_idx" ON "addresses" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "addresses_delivery_idx" ON "addresses" USING btree ("mail_delivery");