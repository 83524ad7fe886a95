CREATE TABLE `review_queue` (
	`report_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`patient_id` text NOT NULL,
	`clinic_id` text NOT NULL,
	`clinician_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_queue_clinic_at_idx` ON `review_queue` (`clinic_id`,`at`,`report_id`);--> statement-breakpoint
CREATE INDEX `review_queue_clinician_at_idx` ON `review_queue` (`clinic_id`,`clinician_id`,`at`,`report_id`);--> statement-breakpoint
CREATE INDEX `review_queue_patient_idx` ON `review_queue` (`patient_id`);--> statement-breakpoint
DROP INDEX `alerts_clinic_status_idx`;--> statement-breakpoint
CREATE INDEX `alerts_clinic_status_severity_idx` ON `alerts` (`clinic_id`,`status`,`severity`,`created_at`);--> statement-breakpoint
CREATE INDEX `alerts_clinic_status_group_idx` ON `alerts` (`clinic_id`,`status`,`patient_id`,`kind`,`severity`,`created_at`);--> statement-breakpoint
DROP INDEX `patients_clinic_name_idx`;--> statement-breakpoint
ALTER TABLE `patients` ADD `current_plan_version` integer;--> statement-breakpoint
ALTER TABLE `patients` ADD `current_decision` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `current_review_by` text;--> statement-breakpoint
CREATE INDEX `patients_clinic_name_nocase_idx` ON `patients` (`clinic_id`,"name" collate nocase,`mrn`);--> statement-breakpoint
CREATE INDEX `patients_clinic_decision_idx` ON `patients` (`clinic_id`,`current_decision`,`current_review_by`);--> statement-breakpoint
CREATE INDEX `patients_clinic_review_by_idx` ON `patients` (`clinic_id`,`current_review_by`,"name" collate nocase,`mrn`);--> statement-breakpoint
-- The patient's current plan follows every new version, whatever writes it: the roster reads it through an index.
CREATE TRIGGER `plan_versions_current_pointer` AFTER INSERT ON `plan_versions`
BEGIN
  UPDATE `patients` SET `current_plan_version` = NEW.`version`, `current_decision` = NEW.`decision`, `current_review_by` = NEW.`review_by`
  WHERE `id` = NEW.`patient_id` AND coalesce(`current_plan_version`, 0) < NEW.`version`;
END;
--> statement-breakpoint
UPDATE `patients` SET
  `current_plan_version` = (SELECT max(`version`) FROM `plan_versions` pv WHERE pv.`patient_id` = `patients`.`id`),
  `current_decision` = (SELECT `decision` FROM `plan_versions` pv WHERE pv.`patient_id` = `patients`.`id` ORDER BY `version` DESC LIMIT 1),
  `current_review_by` = (SELECT `review_by` FROM `plan_versions` pv WHERE pv.`patient_id` = `patients`.`id` ORDER BY `version` DESC LIMIT 1);
--> statement-breakpoint
-- The review queue holds exactly the reports nobody has signed off yet.
CREATE TRIGGER `home_sessions_enter_review` AFTER INSERT ON `home_sessions` WHEN NEW.`reviewed_at` IS NULL
BEGIN
  INSERT INTO `review_queue` (`report_id`, `kind`, `patient_id`, `clinic_id`, `clinician_id`, `at`)
  SELECT NEW.`id`, 'session', p.`id`, p.`clinic_id`, p.`responsible_clinician_id`, NEW.`performed_at` FROM `patients` p WHERE p.`id` = NEW.`patient_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `home_sessions_leave_review` AFTER UPDATE OF `reviewed_at` ON `home_sessions` WHEN NEW.`reviewed_at` IS NOT NULL
BEGIN
  DELETE FROM `review_queue` WHERE `report_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reactions_enter_review` AFTER INSERT ON `reactions` WHEN NEW.`reviewed_at` IS NULL
BEGIN
  INSERT INTO `review_queue` (`report_id`, `kind`, `patient_id`, `clinic_id`, `clinician_id`, `at`)
  SELECT NEW.`id`, 'reaction', p.`id`, p.`clinic_id`, p.`responsible_clinician_id`, NEW.`reported_at` FROM `patients` p WHERE p.`id` = NEW.`patient_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reactions_leave_review` AFTER UPDATE OF `reviewed_at` ON `reactions` WHEN NEW.`reviewed_at` IS NOT NULL
BEGIN
  DELETE FROM `review_queue` WHERE `report_id` = NEW.`id`;
END;
--> statement-breakpoint
-- A patient handed to another clinician brings their unreviewed reports into that clinician's queue.
CREATE TRIGGER `patients_review_follows_clinician` AFTER UPDATE OF `responsible_clinician_id` ON `patients`
BEGIN
  UPDATE `review_queue` SET `clinician_id` = NEW.`responsible_clinician_id` WHERE `patient_id` = NEW.`id`;
END;
--> statement-breakpoint
INSERT INTO `review_queue` (`report_id`, `kind`, `patient_id`, `clinic_id`, `clinician_id`, `at`)
SELECT s.`id`, 'session', p.`id`, p.`clinic_id`, p.`responsible_clinician_id`, s.`performed_at`
FROM `home_sessions` s JOIN `patients` p ON p.`id` = s.`patient_id` WHERE s.`reviewed_at` IS NULL;
--> statement-breakpoint
INSERT INTO `review_queue` (`report_id`, `kind`, `patient_id`, `clinic_id`, `clinician_id`, `at`)
SELECT r.`id`, 'reaction', p.`id`, p.`clinic_id`, p.`responsible_clinician_id`, r.`reported_at`
FROM `reactions` r JOIN `patients` p ON p.`id` = r.`patient_id` WHERE r.`reviewed_at` IS NULL;
