-- The timeline's values go with their columns; the events keep their
-- kinds, actors, times and notes. SQLite drops a column with a foreign key
-- only by rebuilding the table.
PRAGMA foreign_keys = off;
CREATE TABLE `old_case_events` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `occurred_at` datetime NOT NULL, `note` text NULL, `case_event_case` text NOT NULL, `case_event_actor` text NULL, PRIMARY KEY (`id`), CONSTRAINT `case_events_cases_case` FOREIGN KEY (`case_event_case`) REFERENCES `cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `case_events_users_actor` FOREIGN KEY (`case_event_actor`) REFERENCES `users` (`id`) ON DELETE SET NULL);
INSERT INTO `old_case_events` (`id`, `created_at`, `updated_at`, `kind`, `occurred_at`, `note`, `case_event_case`, `case_event_actor`) SELECT `id`, `created_at`, `updated_at`, `kind`, `occurred_at`, `note`, `case_event_case`, `case_event_actor` FROM `case_events`;
DROP TABLE `case_events`;
ALTER TABLE `old_case_events` RENAME TO `case_events`;
CREATE INDEX `caseevent_created_at` ON `case_events` (`created_at`);
CREATE INDEX `caseevent_case_event_case` ON `case_events` (`case_event_case`);
CREATE INDEX `caseevent_occurred_at` ON `case_events` (`occurred_at`);
PRAGMA foreign_keys = on;
