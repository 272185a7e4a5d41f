CREATE TABLE `disbursements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`purpose` text NOT NULL,
	`status` text NOT NULL,
	`release_id` integer,
	`itinerary_id` integer,
	`note` text,
	`decision_reason` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`purged_at` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `funds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disbursements_fund_idx` ON `disbursements` (`fund_id`,`status`);--> statement-breakpoint
CREATE INDEX `disbursements_release_idx` ON `disbursements` (`release_id`);--> statement-breakpoint
CREATE TABLE `fund_income` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`received_on` text NOT NULL,
	`note` text,
	`external_id` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`fund_id`) REFERENCES `funds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fund_income_external_idx` ON `fund_income` (`fund_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `fund_income_received_idx` ON `fund_income` (`received_on`);--> statement-breakpoint
CREATE TABLE `funds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`source` text,
	`created_by` integer,
	`created_at` integer NOT NULL
);
