CREATE TABLE `volunteers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`languages` text NOT NULL,
	`skills` text NOT NULL,
	`high_risk` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sms_language` text DEFAULT 'en' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `volunteers_phone_unique` ON `volunteers` (`phone`);--> statement-breakpoint
CREATE TABLE `screenings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`volunteer_id` integer NOT NULL,
	`at` integer NOT NULL,
	`symptoms` integer NOT NULL,
	`exposure` integer NOT NULL,
	`result` text NOT NULL,
	`isolate_until` integer,
	`source` text NOT NULL,
	FOREIGN KEY (`volunteer_id`) REFERENCES `volunteers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `screenings_volunteer_idx` ON `screenings` (`volunteer_id`,`at`);