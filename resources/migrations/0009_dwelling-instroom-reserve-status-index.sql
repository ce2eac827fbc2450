ALTER TABLE `dwellings` ADD `reserved_for_instroom` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `dwellings_status_idx` ON `dwellings` (`status`);