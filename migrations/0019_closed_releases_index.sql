DROP INDEX `releases_closed_idx`;--> statement-breakpoint
CREATE INDEX `releases_closed_idx` ON `releases` (`closed_at`) WHERE closed_at IS NOT NULL;