CREATE TABLE `itineraries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`release_id` integer NOT NULL,
	`people` integer NOT NULL,
	`destination` text,
	`legs` text NOT NULL,
	`ticket` text NOT NULL,
	`seats` text,
	`confirmation` text,
	`language` text NOT NULL,
	`departs_at` integer NOT NULL,
	`arrives_at` integer NOT NULL,
	`token` text,
	`shared_at` integer,
	`travel_bags` integer DEFAULT 0 NOT NULL,
	`departed_at` integer,
	`deleted_at` integer,
	`purged_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `itineraries_token_unique` ON `itineraries` (`token`);--> statement-breakpoint
CREATE INDEX `itineraries_departs_idx` ON `itineraries` (`departs_at`);--> statement-breakpoint
CREATE INDEX `itineraries_release_idx` ON `itineraries` (`release_id`);