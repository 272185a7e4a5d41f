CREATE TABLE `host_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`housing_site_id` integer NOT NULL,
	`release_id` integer NOT NULL,
	`people` integer NOT NULL,
	`check_in` text NOT NULL,
	`nights` integer NOT NULL,
	`code` text NOT NULL,
	`state` text NOT NULL,
	`stay_id` integer,
	`expires_at` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`responded_at` integer,
	FOREIGN KEY (`housing_site_id`) REFERENCES `housing_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `host_requests_code_idx` ON `host_requests` (`code`,`state`);--> statement-breakpoint
CREATE TABLE `housing_sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`address` text,
	`beds` integer NOT NULL,
	`family_friendly` integer DEFAULT false NOT NULL,
	`accessible` integer DEFAULT false NOT NULL,
	`languages` text NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`contact_language` text DEFAULT 'en' NOT NULL,
	`weekdays` text NOT NULL,
	`blackout_dates` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`housing_site_id` integer NOT NULL,
	`release_id` integer NOT NULL,
	`people` integer NOT NULL,
	`check_in` text NOT NULL,
	`nights` integer NOT NULL,
	`status` text NOT NULL,
	`checked_out_on` text,
	`guests` text,
	`purged_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`housing_site_id`) REFERENCES `housing_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stays_site_idx` ON `stays` (`housing_site_id`,`check_in`);--> statement-breakpoint
CREATE INDEX `stays_release_idx` ON `stays` (`release_id`);