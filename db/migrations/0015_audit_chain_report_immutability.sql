ALTER TABLE `audit_events` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `hash` text;--> statement-breakpoint
CREATE INDEX `audit_chain_idx` ON `audit_events` (`clinic_id`,`id`);
--> statement-breakpoint
-- A report is a clinical fact as the patient gave it (issue #13): no column of it may change but the
-- clinician's sign-off, and that only once, from unsigned to signed. Every other column is compared
-- with IS so a NULL changed to a value (or back) counts as a change. Deletion is refused since 0005.
CREATE TRIGGER `home_sessions_report_immutable` BEFORE UPDATE ON `home_sessions`
WHEN NEW.`id` IS NOT OLD.`id`
  OR NEW.`patient_id` IS NOT OLD.`patient_id`
  OR NEW.`performed_at` IS NOT OLD.`performed_at`
  OR NEW.`area` IS NOT OLD.`area`
  OR NEW.`needle_mm` IS NOT OLD.`needle_mm`
  OR NEW.`device` IS NOT OLD.`device`
  OR NEW.`sanitized` IS NOT OLD.`sanitized`
  OR NEW.`patch_test_done` IS NOT OLD.`patch_test_done`
  OR NEW.`notes` IS NOT OLD.`notes`
  OR NEW.`flags` IS NOT OLD.`flags`
  OR NEW.`plan_version` IS NOT OLD.`plan_version`
  OR NEW.`reported_by` IS NOT OLD.`reported_by`
  OR NEW.`on_behalf` IS NOT OLD.`on_behalf`
  OR NEW.`created_at` IS NOT OLD.`created_at`
BEGIN
  SELECT RAISE(ABORT, 'home_sessions: a reported session is never rewritten; only its review sign-off is recorded');
END;
--> statement-breakpoint
CREATE TRIGGER `home_sessions_sign_off_once` BEFORE UPDATE OF `reviewed_by`, `reviewed_at` ON `home_sessions`
WHEN OLD.`reviewed_at` IS NOT NULL OR OLD.`reviewed_by` IS NOT NULL OR NEW.`reviewed_at` IS NULL OR NEW.`reviewed_by` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'home_sessions: a sign-off names its clinician and time, and is recorded once');
END;
--> statement-breakpoint
CREATE TRIGGER `reactions_report_immutable` BEFORE UPDATE ON `reactions`
WHEN NEW.`id` IS NOT OLD.`id`
  OR NEW.`patient_id` IS NOT OLD.`patient_id`
  OR NEW.`session_id` IS NOT OLD.`session_id`
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
CREATE TRIGGER `reactions_sign_off_once` BEFORE UPDATE OF `reviewed_by`, `reviewed_at` ON `reactions`
WHEN OLD.`reviewed_at` IS NOT NULL OR OLD.`reviewed_by` IS NOT NULL OR NEW.`reviewed_at` IS NULL OR NEW.`reviewed_by` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'reactions: a sign-off names its clinician and time, and is recorded once');
END;
