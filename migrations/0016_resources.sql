CREATE TABLE `resource_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource_id` integer NOT NULL,
	`language` text NOT NULL,
	`kind` text NOT NULL,
	`body` text,
	`mime` text,
	`file_name` text,
	`data` blob,
	`bytes` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`resource_id`) REFERENCES `resources`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resource_versions_language_idx` ON `resource_versions` (`resource_id`,`language`);--> statement-breakpoint
CREATE INDEX `resource_versions_resource_idx` ON `resource_versions` (`resource_id`);--> statement-breakpoint
CREATE TABLE `resources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`tags` text NOT NULL,
	`owner_id` integer,
	`review_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resources_slug_unique` ON `resources` (`slug`);