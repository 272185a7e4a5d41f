DROP INDEX `offers_dispatch_idx`;--> statement-breakpoint
CREATE INDEX `offers_dispatch_state_idx` ON `dispatch_offers` (`dispatch_id`,`state`);--> statement-breakpoint
CREATE INDEX `offers_volunteer_code_idx` ON `dispatch_offers` (`volunteer_id`,`code`);