CREATE INDEX `allocations_startsOn_idx` ON `allocations` (`starts_on`);--> statement-breakpoint
CREATE INDEX `offers_candidateId_idx` ON `offers` (`candidate_id`);--> statement-breakpoint
CREATE INDEX `shortlists_status_idx` ON `shortlists` (`status`);