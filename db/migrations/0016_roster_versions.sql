CREATE TABLE `roster_versions` (
	`clinic_id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `patients_roster_version_insert` AFTER INSERT ON `patients`
BEGIN
  INSERT INTO `roster_versions` (`clinic_id`, `version`) VALUES (NEW.`clinic_id`, 1)
    ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `patients_roster_version_delete` AFTER DELETE ON `patients`
BEGIN
  INSERT INTO `roster_versions` (`clinic_id`, `version`) VALUES (OLD.`clinic_id`, 1)
    ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `patients_roster_version_update` AFTER UPDATE OF `clinic_id`, `name`, `mrn`, `current_decision`, `current_review_by` ON `patients`
WHEN OLD.`clinic_id` IS NOT NEW.`clinic_id`
  OR OLD.`name` IS NOT NEW.`name`
  OR OLD.`mrn` IS NOT NEW.`mrn`
  OR OLD.`current_decision` IS NOT NEW.`current_decision`
  OR OLD.`current_review_by` IS NOT NEW.`current_review_by`
BEGIN
  INSERT INTO `roster_versions` (`clinic_id`, `version`) VALUES (NEW.`clinic_id`, 1)
    ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `roster_versions` (`clinic_id`, `version`) SELECT OLD.`clinic_id`, 1 WHERE OLD.`clinic_id` IS NOT NEW.`clinic_id`
    ON CONFLICT (`clinic_id`) DO UPDATE SET `version` = `version` + 1;
END;
