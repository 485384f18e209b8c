DROP INDEX "people_blocking_keys_idx";--> statement-breakpoint
CREATE INDEX "people_blocking_keys_idx" ON "people" USING gin ("blocking_keys") WITH (fastupdate=false);