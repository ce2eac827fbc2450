CREATE TABLE `database_identity` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`backed_up_at` text
);
