ALTER TABLE `alerts` ADD `related_session_id` text REFERENCES home_sessions(id);--> statement-breakpoint
CREATE INDEX `alerts_patient_kind_idx` ON `alerts` (`patient_id`,`kind`,`created_at`);--> statement-breakpoint
ALTER TABLE `clinic_settings` ADD `screening_validity_days` integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE `clinic_settings` ADD `redness_extra_spacing_days` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `plan_versions` ADD `overridden_items` text;--> statement-breakpoint
ALTER TABLE `plan_versions` ADD `confirm_long_needle` integer;--> statement-breakpoint
ALTER TABLE `plan_versions` ADD `acknowledged_review_items` text;--> statement-breakpoint
ALTER TABLE `reactions` ADD `area` text;--> statement-breakpoint
-- Reactions reported before areas were recorded take the area of the session they are linked to.
UPDATE `reactions` SET `area` = (SELECT `area` FROM `home_sessions` WHERE `home_sessions`.`id` = `reactions`.`session_id`) WHERE `session_id` IS NOT NULL;
