CREATE TABLE `medical_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`role` text NOT NULL,
	`languages` text NOT NULL,
	`sms_language` text DEFAULT 'en' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `medical_contacts_phone_unique` ON `medical_contacts` (`phone`);--> statement-breakpoint
CREATE TABLE `medical_pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`release_id` integer,
	`reason` text NOT NULL,
	`code` text NOT NULL,
	`status` text NOT NULL,
	`level` text NOT NULL,
	`paged` text NOT NULL,
	`acknowledged_by` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `medical_contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `medical_pages_code_idx` ON `medical_pages` (`code`,`status`);--> statement-breakpoint
CREATE TABLE `oncall_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`schedule_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`schedule_id`) REFERENCES `oncall_schedules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `medical_contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `oncall_overrides_schedule_idx` ON `oncall_overrides` (`schedule_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `oncall_schedules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`layer` text NOT NULL,
	`participants` text NOT NULL,
	`handoff` text NOT NULL,
	`handoff_time` text NOT NULL,
	`starts_on` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `page_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page_id` integer NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`level` text,
	`contact_id` integer,
	`actor` text NOT NULL,
	`note` text,
	FOREIGN KEY (`page_id`) REFERENCES `medical_pages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `medical_contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `page_events_page_idx` ON `page_events` (`page_id`);