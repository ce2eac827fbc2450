ALTER TABLE `audit_events` ADD `desk` text;--> statement-breakpoint
ALTER TABLE `export_log` ADD `desk` text;