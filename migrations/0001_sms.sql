CREATE TABLE `sms_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`direction` text NOT NULL,
	`phone` text NOT NULL,
	`body` text NOT NULL,
	`kind` text NOT NULL,
	`priority` integer NOT NULL,
	`language` text,
	`status` text NOT NULL,
	`related_type` text,
	`related_id` integer,
	`provider_sid` text,
	`error_code` text,
	`error_message` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`due_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`purged_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_messages_provider_sid_unique` ON `sms_messages` (`provider_sid`);--> statement-breakpoint
CREATE INDEX `sms_outbox_idx` ON `sms_messages` (`priority`,`id`) WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX `sms_phone_idx` ON `sms_messages` (`phone`);--> statement-breakpoint
CREATE INDEX `sms_created_idx` ON `sms_messages` (`created_at`);--> statement-breakpoint
CREATE TABLE `sms_opt_outs` (
	`phone` text PRIMARY KEY NOT NULL,
	`keyword` text NOT NULL,
	`opted_out_at` integer NOT NULL
);
