CREATE INDEX `alerts_clinic_created_idx` ON `alerts` (`clinic_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `alerts_clinic_resolved_idx` ON `alerts` (`clinic_id`,`resolved_at`);