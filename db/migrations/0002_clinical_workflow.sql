CREATE TABLE `clinic_settings` (
	`clinic_id` text PRIMARY KEY NOT NULL,
	`screening_classes` text NOT NULL,
	`interval_floors` text NOT NULL,
	`isotretinoin_lookback_months` integer NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plan_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`name` text NOT NULL,
	`areas` text NOT NULL,
	`min_interval_days` integer NOT NULL,
	`instructions` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_templates_clinic_name_unique` ON `plan_templates` (`clinic_id`,`name`);--> statement-breakpoint
CREATE TABLE `plan_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`version` integer NOT NULL,
	`decision` text NOT NULL,
	`areas` text NOT NULL,
	`max_needle_mm` real,
	`min_interval_days` integer,
	`review_by` text,
	`instructions` text,
	`reason` text,
	`contraindication_override` text,
	`interval_override_reason` text,
	`screening_version` integer,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_versions_decision_check" CHECK("plan_versions"."decision" in ('approved', 'denied', 'suspended')),
	CONSTRAINT "plan_versions_home_max_check" CHECK("plan_versions"."max_needle_mm" is null or "plan_versions"."max_needle_mm" <= 1.0),
	CONSTRAINT "plan_versions_version_check" CHECK("plan_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_versions_patient_version_unique` ON `plan_versions` (`patient_id`,`version`);--> statement-breakpoint
CREATE TABLE `portal_invites` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portal_invites_token_hash_unique` ON `portal_invites` (`token_hash`);--> statement-breakpoint
CREATE INDEX `portal_invites_patient_idx` ON `portal_invites` (`patient_id`);--> statement-breakpoint
CREATE TABLE `screenings` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`version` integer NOT NULL,
	`answers` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `screenings_patient_version_unique` ON `screenings` (`patient_id`,`version`);