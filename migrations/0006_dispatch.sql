CREATE TABLE `dispatch_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dispatch_id` integer NOT NULL,
	`volunteer_id` integer NOT NULL,
	`code` text NOT NULL,
	`wave` integer NOT NULL,
	`state` text NOT NULL,
	`reason` text NOT NULL,
	`offered_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`responded_at` integer,
	`eta_minutes` integer,
	`reply_text` text,
	FOREIGN KEY (`dispatch_id`) REFERENCES `dispatches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `offers_dispatch_idx` ON `dispatch_offers` (`dispatch_id`);--> statement-breakpoint
CREATE INDEX `offers_volunteer_idx` ON `dispatch_offers` (`volunteer_id`,`state`);--> statement-breakpoint
CREATE TABLE `dispatches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`release_id` integer NOT NULL,
	`status` text NOT NULL,
	`needed` integer NOT NULL,
	`languages` text NOT NULL,
	`skills` text NOT NULL,
	`wave` integer DEFAULT 0 NOT NULL,
	`deadline_at` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `dispatches_release_idx` ON `dispatches` (`release_id`);--> statement-breakpoint
CREATE TABLE `roster_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
