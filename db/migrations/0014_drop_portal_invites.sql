DROP TABLE `portal_invites`;--> statement-breakpoint
CREATE INDEX `users_clinic_role_name_idx` ON `users` (`clinic_id`,`role`,`name`);