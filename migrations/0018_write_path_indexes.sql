DROP INDEX `offers_volunteer_idx`;--> statement-breakpoint
DROP INDEX `events_at_idx`;--> statement-breakpoint
DROP INDEX `sms_messages_provider_sid_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `sms_provider_sid_idx` ON `sms_messages` (`provider_sid`) WHERE provider_sid IS NOT NULL;