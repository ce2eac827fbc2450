CREATE TABLE `export_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`officer` text NOT NULL,
	`os_user` text NOT NULL,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`file_name` text NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `exportLog_at_idx` ON `export_log` (`at`);