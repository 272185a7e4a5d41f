CREATE TABLE `release_timeline` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`release_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`user_id` integer,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `release_timeline_release_idx` ON `release_timeline` (`release_id`);--> statement-breakpoint
CREATE TABLE `releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`site_id` integer NOT NULL,
	`status` text NOT NULL,
	`expected_at` integer,
	`released_at` integer,
	`adults` integer NOT NULL,
	`children` integer NOT NULL,
	`languages` text NOT NULL,
	`needs` text NOT NULL,
	`needs_met` text NOT NULL,
	`destination` text,
	`travel_date` text,
	`notes` text,
	`source` text NOT NULL,
	`reported_at` integer,
	`met_at` integer,
	`closed_at` integer,
	`acknowledged_at` integer,
	`acknowledged_by` integer,
	`purged_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `releases_code_unique` ON `releases` (`code`);--> statement-breakpoint
CREATE INDEX `releases_status_idx` ON `releases` (`status`);--> statement-breakpoint
CREATE INDEX `releases_closed_idx` ON `releases` (`closed_at`);