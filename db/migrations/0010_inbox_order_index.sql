DROP INDEX `alerts_clinic_status_severity_idx`;--> statement-breakpoint
CREATE INDEX `alerts_inbox_order_idx` ON `alerts` (`clinic_id`,`status`,`severity`,"created_at" desc,"id" desc);