-- Service requests and approvals go, with the timeline's values of
-- their events and the tables' approval settings; the events keep their
-- kinds. SQLite drops a column with a foreign key only by rebuilding the table.
PRAGMA foreign_keys = off;
DROP TABLE `service_requests`;
DROP TABLE `approvals`;
CREATE TABLE `old_case_events` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `occurred_at` datetime NOT NULL, `note` text NULL, `detail` text NULL, `assessment_level` text NULL, `intervention_kind` text NULL, `intervention_status` text NULL, `outcome_kind` text NULL, `still_held` bool NULL, `closure_reason` text NULL, `day` date NULL, `case_event_case` text NOT NULL, `case_event_actor` text NULL, `case_event_assignee` text NULL, `case_event_from_table` text NULL, `case_event_to_table` text NULL, `case_event_related_case` text NULL, PRIMARY KEY (`id`), CONSTRAINT `case_events_cases_case` FOREIGN KEY (`case_event_case`) REFERENCES `cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `case_events_users_actor` FOREIGN KEY (`case_event_actor`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_users_assignee` FOREIGN KEY (`case_event_assignee`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_territorial_tables_from_table` FOREIGN KEY (`case_event_from_table`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_territorial_tables_to_table` FOREIGN KEY (`case_event_to_table`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_cases_related_case` FOREIGN KEY (`case_event_related_case`) REFERENCES `cases` (`id`) ON DELETE SET NULL);
INSERT INTO `old_case_events` (`id`, `created_at`, `updated_at`, `kind`, `occurred_at`, `note`, `detail`, `assessment_level`, `intervention_kind`, `intervention_status`, `outcome_kind`, `still_held`, `closure_reason`, `day`, `case_event_case`, `case_event_actor`, `case_event_assignee`, `case_event_from_table`, `case_event_to_table`, `case_event_related_case`) SELECT `id`, `created_at`, `updated_at`, `kind`, `occurred_at`, `note`, `detail`, `assessment_level`, `intervention_kind`, `intervention_status`, `outcome_kind`, `still_held`, `closure_reason`, `day`, `case_event_case`, `case_event_actor`, `case_event_assignee`, `case_event_from_table`, `case_event_to_table`, `case_event_related_case` FROM `case_events`;
DROP TABLE `case_events`;
ALTER TABLE `old_case_events` RENAME TO `case_events`;
CREATE INDEX `caseevent_created_at` ON `case_events` (`created_at`);
CREATE INDEX `caseevent_case_event_case` ON `case_events` (`case_event_case`);
CREATE INDEX `caseevent_occurred_at` ON `case_events` (`occurred_at`);
CREATE TABLE `old_territorial_tables` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `code` text NOT NULL, `days_to_first_meeting` integer NOT NULL DEFAULT (60), `days_to_plan` integer NOT NULL DEFAULT (120), `territorial_table_coordinator` text NULL, PRIMARY KEY (`id`), CONSTRAINT `territorial_tables_users_coordinator` FOREIGN KEY (`territorial_table_coordinator`) REFERENCES `users` (`id`) ON DELETE SET NULL);
INSERT INTO `old_territorial_tables` (`id`, `created_at`, `updated_at`, `name`, `code`, `days_to_first_meeting`, `days_to_plan`, `territorial_table_coordinator`) SELECT `id`, `created_at`, `updated_at`, `name`, `code`, `days_to_first_meeting`, `days_to_plan`, `territorial_table_coordinator` FROM `territorial_tables`;
DROP TABLE `territorial_tables`;
ALTER TABLE `old_territorial_tables` RENAME TO `territorial_tables`;
CREATE UNIQUE INDEX `territorial_tables_name_key` ON `territorial_tables` (`name`);
CREATE UNIQUE INDEX `territorial_tables_code_key` ON `territorial_tables` (`code`);
CREATE INDEX `territorialtable_created_at` ON `territorial_tables` (`created_at`);
PRAGMA foreign_keys = on;
