-- Plan versions and screenings are immutable: a change is always a new version.
CREATE TRIGGER `plan_versions_no_update` BEFORE UPDATE ON `plan_versions`
BEGIN
  SELECT RAISE(ABORT, 'plan_versions is append-only: record a new version');
END;
--> statement-breakpoint
CREATE TRIGGER `plan_versions_no_delete` BEFORE DELETE ON `plan_versions`
BEGIN
  SELECT RAISE(ABORT, 'plan_versions is append-only: record a new version');
END;
--> statement-breakpoint
CREATE TRIGGER `screenings_no_update` BEFORE UPDATE ON `screenings`
BEGIN
  SELECT RAISE(ABORT, 'screenings is append-only: record a new version');
END;
--> statement-breakpoint
CREATE TRIGGER `screenings_no_delete` BEFORE DELETE ON `screenings`
BEGIN
  SELECT RAISE(ABORT, 'screenings is append-only: record a new version');
END;
