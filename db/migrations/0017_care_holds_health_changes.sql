CREATE TABLE `alert_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`alert_id` text NOT NULL,
	`kind` text NOT NULL,
	`note` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "alert_notes_kind_check" CHECK("alert_notes"."kind" in ('note', 'call'))
);
--> statement-breakpoint
CREATE INDEX `alert_notes_alert_idx` ON `alert_notes` (`alert_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `care_holds` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`items` text NOT NULL,
	`alert_id` text,
	`since` text NOT NULL,
	`cleared_at` text,
	`cleared_by` text,
	`clear_note` text,
	`cleared_by_plan_version` integer,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cleared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "care_holds_kind_check" CHECK("care_holds"."kind" in ('pause', 'review')),
	CONSTRAINT "care_holds_reason_check" CHECK("care_holds"."reason" in ('warning_sign', 'contraindication', 'health_change', 'review_item')),
	CONSTRAINT "care_holds_cleared_check" CHECK(("care_holds"."cleared_at" is null) = ("care_holds"."cleared_by" is null))
);
--> statement-breakpoint
CREATE INDEX `care_holds_patient_since_idx` ON `care_holds` (`patient_id`,`since`);--> statement-breakpoint
CREATE INDEX `care_holds_open_idx` ON `care_holds` (`patient_id`,`kind`) WHERE "care_holds"."cleared_at" is null;--> statement-breakpoint
CREATE TABLE `clinic_settings_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`settings` text NOT NULL,
	`loosened` text NOT NULL,
	`reason` text NOT NULL,
	`proposed_by` text NOT NULL,
	`proposed_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`confirmed_by` text,
	`confirmed_at` text,
	`withdrawn_at` text,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `clinic_settings_proposals_clinic_idx` ON `clinic_settings_proposals` (`clinic_id`,`proposed_at`);--> statement-breakpoint
CREATE TABLE `health_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`clinic_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`item` text NOT NULL,
	`date` text,
	`note` text,
	`source` text NOT NULL,
	`reported_by` text NOT NULL,
	`alert_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`clinic_id`) REFERENCES `clinics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "health_changes_source_check" CHECK("health_changes"."source" in ('patient', 'staff'))
);
--> statement-breakpoint
CREATE INDEX `health_changes_patient_created_idx` ON `health_changes` (`patient_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `alerts` ADD `contact_required` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `clinics` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `reactions` ADD `link_inferred` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- A hold is a clinical record (issue #20): never deleted, and only its clearing is ever written, once,
-- naming who cleared it and when.
CREATE TRIGGER `care_holds_no_delete` BEFORE DELETE ON `care_holds`
BEGIN
  SELECT RAISE(ABORT, 'care_holds: a pause or review hold is never deleted; a clinician clears it');
END;
--> statement-breakpoint
CREATE TRIGGER `care_holds_clear_once` BEFORE UPDATE ON `care_holds`
WHEN OLD.`cleared_at` IS NOT NULL
  OR NEW.`cleared_at` IS NULL
  OR NEW.`id` IS NOT OLD.`id`
  OR NEW.`clinic_id` IS NOT OLD.`clinic_id`
  OR NEW.`patient_id` IS NOT OLD.`patient_id`
  OR NEW.`kind` IS NOT OLD.`kind`
  OR NEW.`reason` IS NOT OLD.`reason`
  OR NEW.`items` IS NOT OLD.`items`
  OR NEW.`alert_id` IS NOT OLD.`alert_id`
  OR NEW.`since` IS NOT OLD.`since`
BEGIN
  SELECT RAISE(ABORT, 'care_holds: only the clearing of a hold is recorded, once');
END;
--> statement-breakpoint
CREATE TRIGGER `health_changes_append_only_update` BEFORE UPDATE ON `health_changes`
BEGIN
  SELECT RAISE(ABORT, 'health_changes: a patient''s statement is never rewritten');
END;
--> statement-breakpoint
CREATE TRIGGER `health_changes_append_only_delete` BEFORE DELETE ON `health_changes`
BEGIN
  SELECT RAISE(ABORT, 'health_changes: a patient''s statement is never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `alert_notes_append_only_update` BEFORE UPDATE ON `alert_notes`
BEGIN
  SELECT RAISE(ABORT, 'alert_notes: a note on an alert is never rewritten');
END;
--> statement-breakpoint
CREATE TRIGGER `alert_notes_append_only_delete` BEFORE DELETE ON `alert_notes`
BEGIN
  SELECT RAISE(ABORT, 'alert_notes: a note on an alert is never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `clinic_settings_proposals_no_delete` BEFORE DELETE ON `clinic_settings_proposals`
BEGIN
  SELECT RAISE(ABORT, 'clinic_settings_proposals: a proposal is never deleted');
END;
--> statement-breakpoint
-- A reaction's session may move only where the link was inferred from its area (never one the reporter
-- named), to a better-fitting session logged later; everything else stays as reported.
DROP TRIGGER `reactions_report_immutable`;
--> statement-breakpoint
CREATE TRIGGER `reactions_report_immutable` BEFORE UPDATE ON `reactions`
WHEN NEW.`id` IS NOT OLD.`id`
  OR NEW.`patient_id` IS NOT OLD.`patient_id`
  OR (NEW.`session_id` IS NOT OLD.`session_id` AND (OLD.`link_inferred` = 0 OR NEW.`session_id` IS NULL))
  OR NEW.`link_inferred` IS NOT OLD.`link_inferred`
  OR NEW.`area` IS NOT OLD.`area`
  OR NEW.`reported_at` IS NOT OLD.`reported_at`
  OR NEW.`symptoms` IS NOT OLD.`symptoms`
  OR NEW.`max_grade` IS NOT OLD.`max_grade`
  OR NEW.`notes` IS NOT OLD.`notes`
  OR NEW.`reported_by` IS NOT OLD.`reported_by`
  OR NEW.`on_behalf` IS NOT OLD.`on_behalf`
  OR NEW.`created_at` IS NOT OLD.`created_at`
BEGIN
  SELECT RAISE(ABORT, 'reactions: a reported reaction is never rewritten; only its review sign-off is recorded');
END;
--> statement-breakpoint
-- Until now a new contraindication on an approved plan paused it implicitly (an alert raised after the
-- latest approval); that state becomes an explicit pause so nothing already paused is silently resumed.
INSERT INTO `care_holds` (`id`, `clinic_id`, `patient_id`, `kind`, `reason`, `items`, `alert_id`, `since`)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
  a.`clinic_id`, a.`patient_id`, 'pause', 'contraindication', '[]', a.`id`, a.`created_at`
FROM `alerts` a
JOIN `patients` p ON p.`id` = a.`patient_id`
JOIN `plan_versions` pv ON pv.`patient_id` = p.`id` AND pv.`version` = p.`current_plan_version`
WHERE a.`kind` = 'new_contraindication' AND pv.`decision` = 'approved' AND a.`created_at` > pv.`decided_at`;
--> statement-breakpoint
-- A warning sign still open (not resolved) stops home microneedling from now on, as it would have had the
-- pause existed when it was reported; a clinician clears it with a note.
INSERT INTO `care_holds` (`id`, `clinic_id`, `patient_id`, `kind`, `reason`, `items`, `alert_id`, `since`)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
  a.`clinic_id`, a.`patient_id`, 'pause', 'warning_sign', '[]', a.`id`, a.`created_at`
FROM `alerts` a
WHERE a.`kind` IN ('infection', 'warning_sign', 'severe_reaction') AND a.`severity` = 'high' AND a.`status` <> 'resolved';
