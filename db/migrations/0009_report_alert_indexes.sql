CREATE INDEX `alerts_reaction_idx` ON `alerts` (`reaction_id`);--> statement-breakpoint
CREATE INDEX `alerts_session_idx` ON `alerts` (`session_id`);