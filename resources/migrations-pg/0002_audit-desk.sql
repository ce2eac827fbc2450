ALTER TABLE "audit_events" ADD COLUMN "desk" text;--> statement-breakpoint
ALTER TABLE "export_log" ADD COLUMN "desk" text;