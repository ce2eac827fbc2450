CREATE TABLE `allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`offer_id` integer NOT NULL,
	`dwelling_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`contract_kind` text NOT NULL,
	`starts_on` text NOT NULL,
	`support_provider_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`dwelling_id`) REFERENCES `dwellings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`support_provider_id`) REFERENCES `care_providers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocations_offer_id_unique` ON `allocations` (`offer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `allocations_dwelling_id_unique` ON `allocations` (`dwelling_id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`officer` text NOT NULL,
	`os_user` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`summary` text NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `auditEvents_entity_idx` ON `audit_events` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE TABLE `care_providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`contingent_share` real,
	`contingent_dwellings` integer,
	`contact` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `care_providers_name_unique` ON `care_providers` (`name`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text,
	`care_provider_id` integer NOT NULL,
	`target_group` text NOT NULL,
	`flow` text NOT NULL,
	`registered_on` text NOT NULL,
	`adults` integer DEFAULT 1 NOT NULL,
	`children` integer DEFAULT 0 NOT NULL,
	`birth_year` integer NOT NULL,
	`max_rent` real NOT NULL,
	`min_rooms` integer DEFAULT 1 NOT NULL,
	`needs_ground_floor_or_lift` integer DEFAULT false NOT NULL,
	`needs_wheelchair` integer DEFAULT false NOT NULL,
	`needs_low_stimulus` integer DEFAULT false NOT NULL,
	`preferred_wijken` text DEFAULT '[]' NOT NULL,
	`excluded_wijken` text DEFAULT '[]' NOT NULL,
	`exclusion_for_safety` integer DEFAULT false NOT NULL,
	`support_provider_id` integer,
	`support_intensity` text,
	`support_months` integer,
	`status` text DEFAULT 'wachtend' NOT NULL,
	`status_since` text NOT NULL,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`care_provider_id`) REFERENCES `care_providers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`support_provider_id`) REFERENCES `care_providers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clients_code_unique` ON `clients` (`code`);--> statement-breakpoint
CREATE INDEX `clients_status_registeredOn_idx` ON `clients` (`status`,`registered_on`);--> statement-breakpoint
CREATE INDEX `clients_careProviderId_idx` ON `clients` (`care_provider_id`);--> statement-breakpoint
CREATE TABLE `corporations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`social_stock` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `corporations_name_unique` ON `corporations` (`name`);--> statement-breakpoint
CREATE TABLE `dwellings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`corporation_id` integer NOT NULL,
	`quarter_key` text NOT NULL,
	`address` text NOT NULL,
	`postcode` text NOT NULL,
	`wijk` text NOT NULL,
	`buurt` text,
	`complex` text,
	`type` text NOT NULL,
	`self_contained` integer DEFAULT true NOT NULL,
	`rooms` integer NOT NULL,
	`floor` integer DEFAULT 0 NOT NULL,
	`has_lift` integer DEFAULT false NOT NULL,
	`wheelchair_accessible` integer DEFAULT false NOT NULL,
	`low_stimulus` integer DEFAULT false NOT NULL,
	`net_rent` real NOT NULL,
	`service_costs` real DEFAULT 0 NOT NULL,
	`available_from` text NOT NULL,
	`suitable_for` text NOT NULL,
	`flip_possible` integer DEFAULT false NOT NULL,
	`remarks` text,
	`status` text DEFAULT 'ingediend' NOT NULL,
	`status_since` text NOT NULL,
	`submitted_on` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`corporation_id`) REFERENCES `corporations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`quarter_key`) REFERENCES `quarters`(`key`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dwellings_address_quarterKey_idx` ON `dwellings` (`address`,`postcode`,`quarter_key`);--> statement-breakpoint
CREATE INDEX `dwellings_quarterKey_corporationId_idx` ON `dwellings` (`quarter_key`,`corporation_id`);--> statement-breakpoint
CREATE TABLE `offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`dwelling_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`offered_on` text NOT NULL,
	`outcome` text DEFAULT 'open' NOT NULL,
	`responded_on` text,
	`decline_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `shortlist_candidates`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`dwelling_id`) REFERENCES `dwellings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `offers_dwellingId_idx` ON `offers` (`dwelling_id`);--> statement-breakpoint
CREATE INDEX `offers_clientId_idx` ON `offers` (`client_id`);--> statement-breakpoint
CREATE TABLE `quarter_quotas` (
	`quarter_key` text NOT NULL,
	`corporation_id` integer NOT NULL,
	`quota` integer NOT NULL,
	PRIMARY KEY(`quarter_key`, `corporation_id`),
	FOREIGN KEY (`quarter_key`) REFERENCES `quarters`(`key`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`corporation_id`) REFERENCES `corporations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `quarters` (
	`key` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`carry_shortfall` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text NOT NULL,
	`year` integer NOT NULL,
	`value` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`key`, `year`)
);
--> statement-breakpoint
CREATE TABLE `shortlist_candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shortlist_id` integer NOT NULL,
	`client_id` integer NOT NULL,
	`position` integer NOT NULL,
	`score` real NOT NULL,
	`score_parts` text DEFAULT '{}' NOT NULL,
	`decision` text DEFAULT 'open' NOT NULL,
	`decision_reason` text,
	`decision_text` text,
	`swap_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`shortlist_id`) REFERENCES `shortlists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shortlistCandidates_shortlistId_clientId_idx` ON `shortlist_candidates` (`shortlist_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `shortlistCandidates_clientId_idx` ON `shortlist_candidates` (`client_id`);--> statement-breakpoint
CREATE TABLE `shortlists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dwelling_id` integer NOT NULL,
	`round` integer NOT NULL,
	`status` text DEFAULT 'concept' NOT NULL,
	`eligible_pool_size` integer NOT NULL,
	`presented_at` text,
	`decided_at` text,
	`rejection_motivation` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`dwelling_id`) REFERENCES `dwellings`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shortlists_dwellingId_round_idx` ON `shortlists` (`dwelling_id`,`round`);--> statement-breakpoint
CREATE TABLE `year_targets` (
	`year` integer PRIMARY KEY NOT NULL,
	`target` integer NOT NULL,
	`instroom_share_target` real NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
