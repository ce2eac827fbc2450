ALTER TABLE `dwellings` ADD `short_note` text;--> statement-breakpoint
ALTER TABLE `shortlist_candidates` ADD `decided_by_balance` integer DEFAULT false NOT NULL;