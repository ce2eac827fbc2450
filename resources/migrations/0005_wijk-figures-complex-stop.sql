CREATE TABLE `wijk_figures` (
	`wijk` text PRIMARY KEY NOT NULL,
	`social_stock` integer NOT NULL,
	`social_share` real NOT NULL,
	`placements` integer NOT NULL,
	`source` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `dwellings` ADD `complex_stop_override` text;