ALTER TABLE `clients` ADD `support_contact_name` text;--> statement-breakpoint
ALTER TABLE `clients` ADD `support_contact_phone` text;--> statement-breakpoint
ALTER TABLE `clients` ADD `support_contact_email` text;--> statement-breakpoint
ALTER TABLE `corporations` ADD `export_detail` text DEFAULT 'beperkt' NOT NULL;