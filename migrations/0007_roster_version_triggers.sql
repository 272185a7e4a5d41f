-- Ranking keeps the roster in memory; every change it depends on sets a new random version. A random
-- value, not a count: a rolled-back change must never leave a version that a later change reuses.
INSERT INTO `roster_version` (`id`, `n`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `roster_version_volunteer_insert` AFTER INSERT ON `volunteers` BEGIN UPDATE `roster_version` SET `n` = random() WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `roster_version_volunteer_update` AFTER UPDATE ON `volunteers` BEGIN UPDATE `roster_version` SET `n` = random() WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `roster_version_volunteer_delete` AFTER DELETE ON `volunteers` BEGIN UPDATE `roster_version` SET `n` = random() WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `roster_version_screening_insert` AFTER INSERT ON `screenings` BEGIN UPDATE `roster_version` SET `n` = random() WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `roster_version_screening_delete` AFTER DELETE ON `screenings` BEGIN UPDATE `roster_version` SET `n` = random() WHERE `id` = 1; END;
