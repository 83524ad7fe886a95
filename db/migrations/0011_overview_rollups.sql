CREATE TABLE `clinic_daily_sessions` (
	`clinic_id` text NOT NULL,
	`day` text NOT NULL,
	`sessions` integer DEFAULT 0 NOT NULL,
	`flagged` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`clinic_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `clinic_daily_symptoms` (
	`clinic_id` text NOT NULL,
	`day` text NOT NULL,
	`symptom` text NOT NULL,
	`grade` integer NOT NULL,
	`reports` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`clinic_id`, `day`, `symptom`, `grade`)
);
--> statement-breakpoint
-- Reports are facts, never updated in what is counted here (only their sign-off), nor deleted.
CREATE TRIGGER `home_sessions_count_daily` AFTER INSERT ON `home_sessions`
BEGIN
  INSERT OR IGNORE INTO `clinic_daily_sessions` (`clinic_id`, `day`)
  SELECT `clinic_id`, date(NEW.`performed_at`) FROM `patients` WHERE `id` = NEW.`patient_id`;
  UPDATE `clinic_daily_sessions` SET `sessions` = `sessions` + 1, `flagged` = `flagged` + (NEW.`flags` <> '[]')
  WHERE `clinic_id` = (SELECT `clinic_id` FROM `patients` WHERE `id` = NEW.`patient_id`) AND `day` = date(NEW.`performed_at`);
END;
--> statement-breakpoint
CREATE TRIGGER `reactions_count_daily` AFTER INSERT ON `reactions`
BEGIN
  INSERT OR IGNORE INTO `clinic_daily_symptoms` (`clinic_id`, `day`, `symptom`, `grade`)
  SELECT p.`clinic_id`, date(NEW.`reported_at`), json_extract(j.`value`, '$.symptom'), json_extract(j.`value`, '$.grade')
  FROM `patients` p, json_each(NEW.`symptoms`) j WHERE p.`id` = NEW.`patient_id` AND json_extract(j.`value`, '$.grade') >= 1;
  UPDATE `clinic_daily_symptoms` SET `reports` = `reports` + 1
  WHERE `clinic_id` = (SELECT `clinic_id` FROM `patients` WHERE `id` = NEW.`patient_id`) AND `day` = date(NEW.`reported_at`)
    AND (`symptom`, `grade`) IN (SELECT json_extract(`value`, '$.symptom'), json_extract(`value`, '$.grade') FROM json_each(NEW.`symptoms`));
END;
--> statement-breakpoint
INSERT INTO `clinic_daily_sessions` (`clinic_id`, `day`, `sessions`, `flagged`)
SELECT p.`clinic_id`, date(s.`performed_at`), count(*), sum(s.`flags` <> '[]')
FROM `home_sessions` s JOIN `patients` p ON p.`id` = s.`patient_id` GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO `clinic_daily_symptoms` (`clinic_id`, `day`, `symptom`, `grade`, `reports`)
SELECT p.`clinic_id`, date(r.`reported_at`), json_extract(j.`value`, '$.symptom'), json_extract(j.`value`, '$.grade'), count(*)
FROM `reactions` r JOIN `patients` p ON p.`id` = r.`patient_id`, json_each(r.`symptoms`) j
WHERE json_extract(j.`value`, '$.grade') >= 1 GROUP BY 1, 2, 3, 4;
