-- Alerts are acknowledged and resolved, never deleted.
CREATE TRIGGER `alerts_no_delete` BEFORE DELETE ON `alerts`
BEGIN
  SELECT RAISE(ABORT, 'alerts are never deleted: resolve them with a note');
END;
--> statement-breakpoint
-- A reported session or reaction is a fact: it is never deleted either.
CREATE TRIGGER `home_sessions_no_delete` BEFORE DELETE ON `home_sessions`
BEGIN
  SELECT RAISE(ABORT, 'home sessions are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `reactions_no_delete` BEFORE DELETE ON `reactions`
BEGIN
  SELECT RAISE(ABORT, 'reactions are never deleted');
END;
