CREATE TABLE `kit_components` (
	`kit_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`qty` integer NOT NULL,
	PRIMARY KEY(`kit_id`, `item_id`),
	FOREIGN KEY (`kit_id`) REFERENCES `supply_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `supply_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`delta` integer NOT NULL,
	`reason` text NOT NULL,
	`batch` text NOT NULL,
	`release_id` integer,
	`expires_on` text,
	`note` text,
	`created_by` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `supply_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_movements_item_site_idx` ON `stock_movements` (`item_id`,`site_id`);--> statement-breakpoint
CREATE INDEX `stock_movements_at_idx` ON `stock_movements` (`at`);--> statement-breakpoint
CREATE TABLE `supply_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`category` text NOT NULL,
	`kind` text NOT NULL,
	`need` text,
	`low_stock_threshold` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supply_items_sku_idx` ON `supply_items` (`sku`);--> statement-breakpoint
ALTER TABLE `users` ADD `alerts` text DEFAULT '[]' NOT NULL;