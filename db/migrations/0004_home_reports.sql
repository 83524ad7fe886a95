CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`summary` text NOT NULL,
	`session_id` text,
	`reaction_id` text,
	`created_at` text NOT NULL,
	`acknowledged_by` text,
	`acknowledged_at` text,
	`resolved_by` text,
	`resolved_at` text,
	`resolution_note` text,
	`suspended_plan_version` integer,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `home_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reaction_id`) REFERENCES `reactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "alerts_severity_check" CHECK("alerts"."severity" in ('high', 'normal')),
	CONSTRAINT "alerts_status_check" CHECK("alerts"."status" in ('open', 'acknowledged', 'resolved'))
);
--> statement-breakpoint
CREATE INDEX `alerts_clinic_status_idx` ON `alerts` (`clinic_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `alerts_patient_idx` ON `alerts` (`patient_id`);--> statement-breakpoint
CREATE TABLE `home_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`performed_at` text NOT NULL,
	`area` text NOT NULL,
	`needle_mm` real NOT NULL,
	`device` text NOT NULL,
	`sanitized` integer NOT NULL,
	`patch_test_done` integer,
	`notes` text,
	`flags` text NOT NULL,
	`plan_version` integer,
	`reported_by` text NOT NULL,
	`on_behalf` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`reviewed_by` text,
	`reviewed_at` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "home_sessions_needle_check" CHECK("home_sessions"."needle_mm" > 0)
);
--> statement-breakpoint
CREATE INDEX `home_sessions_patient_time_idx` ON `home_sessions` (`patient_id`,`performed_at`);--> statement-breakpoint
CREATE INDEX `home_sessions_patient_area_time_idx` ON `home_sessions` (`patient_id`,`area`,`performed_at`);--> statement-breakpoint
CREATE TABLE `reactions` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`session_id` text,
	`reported_at` text NOT NULL,
	`symptoms` text NOT NULL,
	`max_grade` integer NOT NULL,
	`notes` text,
	`reported_by` text NOT NULL,
	`on_behalf` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`reviewed_by` text,
	`reviewed_at` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `home_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reactions_patient_time_idx` ON `reactions` (`patient_id`,`reported_at`);--> statement-breakpoint
CREATE INDEX `reactions_session_idx` ON `reactions` (`session_id`);--> statement-breakpoint
ALTER TABLE `clinic_settings` ADD `alert_rules` text;