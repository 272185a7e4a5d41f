CREATE TABLE `stock_thresholds` (
	`item_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`threshold` integer NOT NULL,
	PRIMARY KEY(`item_id`, `site_id`),
	FOREIGN KEY (`item_id`) REFERENCES `supply_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
