-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- drop index "caseevent_occurred_at_case_event_case" from table: "case_events"
DROP INDEX `caseevent_occurred_at_case_event_case`;
-- create index "caseevent_case_event_case" to table: "case_events"
CREATE INDEX `caseevent_case_event_case` ON `case_events` (`case_event_case`);
-- create index "caseevent_occurred_at" to table: "case_events"
CREATE INDEX `caseevent_occurred_at` ON `case_events` (`occurred_at`);
-- create "new_cases" table
CREATE TABLE `new_cases` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `code` text NOT NULL, `referred_on` datetime NOT NULL, `referral_reason` text NOT NULL, `need_areas` json NOT NULL, `status` text NOT NULL DEFAULT ('REFERRED'), `priority` text NOT NULL DEFAULT ('MEDIUM'), `taken_in_charge_on` datetime NULL, `closed_on` datetime NULL, `closure_reason` text NULL, `decline_reason` text NULL, `consent_given_at` datetime NULL, `first_meeting_on` datetime NULL, `first_meeting_due_on` datetime NULL, `plan_due_on` datetime NULL, `transfer_reason` text NULL, `transfer_requested_at` datetime NULL, `open_person` text NULL, `version` integer NOT NULL DEFAULT (1), `case_file_person` text NOT NULL, `case_file_table` text NOT NULL, `case_file_referring_organization` text NOT NULL, `case_file_referring_operator` text NULL, `case_file_case_manager` text NULL, `case_file_transfer_to` text NULL, `case_file_next_case` text NULL, PRIMARY KEY (`id`), CONSTRAINT `cases_persons_person` FOREIGN KEY (`case_file_person`) REFERENCES `persons` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_territorial_tables_table` FOREIGN KEY (`case_file_table`) REFERENCES `territorial_tables` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_organizations_referring_organization` FOREIGN KEY (`case_file_referring_organization`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_users_referring_operator` FOREIGN KEY (`case_file_referring_operator`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `cases_users_case_manager` FOREIGN KEY (`case_file_case_manager`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `cases_territorial_tables_transfer_to` FOREIGN KEY (`case_file_transfer_to`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL, CONSTRAINT `cases_cases_next_case` FOREIGN KEY (`case_file_next_case`) REFERENCES `cases` (`id`) ON DELETE SET NULL);
-- copy rows from old table "cases" to new temporary table "new_cases"
INSERT INTO `new_cases` (`id`, `created_at`, `updated_at`, `code`, `referred_on`, `referral_reason`, `need_areas`, `status`, `priority`, `taken_in_charge_on`, `closed_on`, `closure_reason`, `decline_reason`, `consent_given_at`, `version`, `case_file_person`, `case_file_table`, `case_file_referring_organization`, `case_file_referring_operator`, `case_file_case_manager`, `case_file_next_case`) SELECT `id`, `created_at`, `updated_at`, `code`, `referred_on`, `referral_reason`, `need_areas`, `status`, `priority`, `taken_in_charge_on`, `closed_on`, `closure_reason`, `decline_reason`, `consent_given_at`, `version`, `case_file_person`, `case_file_table`, `case_file_referring_organization`, `case_file_referring_operator`, `case_file_case_manager`, `case_file_next_case` FROM `cases`;
-- drop "cases" table after copying rows
DROP TABLE `cases`;
-- rename temporary table "new_cases" to "cases"
ALTER TABLE `new_cases` RENAME TO `cases`;
-- create index "cases_code_key" to table: "cases"
CREATE UNIQUE INDEX `cases_code_key` ON `cases` (`code`);
-- create index "cases_open_person_key" to table: "cases"
CREATE UNIQUE INDEX `cases_open_person_key` ON `cases` (`open_person`);
-- create index "cases_case_file_next_case_key" to table: "cases"
CREATE UNIQUE INDEX `cases_case_file_next_case_key` ON `cases` (`case_file_next_case`);
-- create index "casefile_created_at" to table: "cases"
CREATE INDEX `casefile_created_at` ON `cases` (`created_at`);
-- create index "casefile_status" to table: "cases"
CREATE INDEX `casefile_status` ON `cases` (`status`);
-- create index "casefile_referred_on" to table: "cases"
CREATE INDEX `casefile_referred_on` ON `cases` (`referred_on`);
-- create index "casefile_status_case_file_table" to table: "cases"
CREATE INDEX `casefile_status_case_file_table` ON `cases` (`status`, `case_file_table`);
-- create index "casefile_case_file_person" to table: "cases"
CREATE INDEX `casefile_case_file_person` ON `cases` (`case_file_person`);
-- create index "casefile_case_file_case_manager" to table: "cases"
CREATE INDEX `casefile_case_file_case_manager` ON `cases` (`case_file_case_manager`);
-- create index "casefile_case_file_referring_operator" to table: "cases"
CREATE INDEX `casefile_case_file_referring_operator` ON `cases` (`case_file_referring_operator`);
-- create index "casefile_case_file_transfer_to" to table: "cases"
CREATE INDEX `casefile_case_file_transfer_to` ON `cases` (`case_file_transfer_to`);
-- create index "commitment_commitment_plan" to table: "commitments"
CREATE INDEX `commitment_commitment_plan` ON `commitments` (`commitment_plan`);
-- create index "commitment_due_on" to table: "commitments"
CREATE INDEX `commitment_due_on` ON `commitments` (`due_on`);
-- create index "goal_goal_plan" to table: "goals"
CREATE INDEX `goal_goal_plan` ON `goals` (`goal_plan`);
-- create "new_person_identities" table
CREATE TABLE `new_person_identities` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `first_name` text NOT NULL, `last_name` text NOT NULL, `last_name_key` text NULL, `first_name_key` text NULL, `tax_code` text NULL, `birth_date` datetime NOT NULL, `birth_place` text NULL, `email` text NULL, `phone` text NULL, `address` text NULL, `postal_code` text NULL, `city` text NULL, `person_identity` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `person_identities_persons_identity` FOREIGN KEY (`person_identity`) REFERENCES `persons` (`id`) ON DELETE NO ACTION);
-- copy rows from old table "person_identities" to new temporary table "new_person_identities"
INSERT INTO `new_person_identities` (`id`, `created_at`, `updated_at`, `first_name`, `last_name`, `tax_code`, `birth_date`, `birth_place`, `email`, `phone`, `address`, `postal_code`, `city`, `person_identity`) SELECT `id`, `created_at`, `updated_at`, `first_name`, `last_name`, `tax_code`, `birth_date`, `birth_place`, `email`, `phone`, `address`, `postal_code`, `city`, `person_identity` FROM `person_identities`;
-- drop "person_identities" table after copying rows
DROP TABLE `person_identities`;
-- rename temporary table "new_person_identities" to "person_identities"
ALTER TABLE `new_person_identities` RENAME TO `person_identities`;
-- create index "person_identities_tax_code_key" to table: "person_identities"
CREATE UNIQUE INDEX `person_identities_tax_code_key` ON `person_identities` (`tax_code`);
-- create index "person_identities_person_identity_key" to table: "person_identities"
CREATE UNIQUE INDEX `person_identities_person_identity_key` ON `person_identities` (`person_identity`);
-- create index "personidentity_created_at" to table: "person_identities"
CREATE INDEX `personidentity_created_at` ON `person_identities` (`created_at`);
-- create index "personidentity_last_name_key_first_name_key_birth_date" to table: "person_identities"
CREATE INDEX `personidentity_last_name_key_first_name_key_birth_date` ON `person_identities` (`last_name_key`, `first_name_key`, `birth_date`);
-- create "assessments" table
CREATE TABLE `assessments` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `level` text NOT NULL, `findings` json NOT NULL, `summary` text NOT NULL, `complex_needs` bool NOT NULL DEFAULT (false), `assessed_on` datetime NOT NULL, `assessment_case` text NOT NULL, `assessment_assessor` text NULL, PRIMARY KEY (`id`), CONSTRAINT `assessments_cases_case` FOREIGN KEY (`assessment_case`) REFERENCES `cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `assessments_users_assessor` FOREIGN KEY (`assessment_assessor`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- create index "assessment_created_at" to table: "assessments"
CREATE INDEX `assessment_created_at` ON `assessments` (`created_at`);
-- create index "assessment_assessment_case" to table: "assessments"
CREATE INDEX `assessment_assessment_case` ON `assessments` (`assessment_case`);
-- create "monitoring_items" table
CREATE TABLE `monitoring_items` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `progress` text NULL, `goal_status` text NULL, `hours_done` integer NULL, `monitoring_item_meeting` text NOT NULL, `monitoring_item_goal` text NULL, `monitoring_item_commitment` text NULL, PRIMARY KEY (`id`), CONSTRAINT `monitoring_items_monitoring_meetings_meeting` FOREIGN KEY (`monitoring_item_meeting`) REFERENCES `monitoring_meetings` (`id`) ON DELETE NO ACTION, CONSTRAINT `monitoring_items_goals_goal` FOREIGN KEY (`monitoring_item_goal`) REFERENCES `goals` (`id`) ON DELETE SET NULL, CONSTRAINT `monitoring_items_commitments_commitment` FOREIGN KEY (`monitoring_item_commitment`) REFERENCES `commitments` (`id`) ON DELETE SET NULL);
-- create index "monitoringitem_created_at" to table: "monitoring_items"
CREATE INDEX `monitoringitem_created_at` ON `monitoring_items` (`created_at`);
-- create index "monitoringitem_monitoring_item_meeting" to table: "monitoring_items"
CREATE INDEX `monitoringitem_monitoring_item_meeting` ON `monitoring_items` (`monitoring_item_meeting`);
-- create "monitoring_meetings" table
CREATE TABLE `monitoring_meetings` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `planned_on` datetime NOT NULL, `held_on` datetime NULL, `summary` text NULL, `monitoring_meeting_case` text NOT NULL, `monitoring_meeting_recorded_by` text NULL, PRIMARY KEY (`id`), CONSTRAINT `monitoring_meetings_cases_case` FOREIGN KEY (`monitoring_meeting_case`) REFERENCES `cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `monitoring_meetings_users_recorded_by` FOREIGN KEY (`monitoring_meeting_recorded_by`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- create index "monitoringmeeting_created_at" to table: "monitoring_meetings"
CREATE INDEX `monitoringmeeting_created_at` ON `monitoring_meetings` (`created_at`);
-- create index "monitoringmeeting_monitoring_meeting_case" to table: "monitoring_meetings"
CREATE INDEX `monitoringmeeting_monitoring_meeting_case` ON `monitoring_meetings` (`monitoring_meeting_case`);
-- create index "monitoringmeeting_planned_on" to table: "monitoring_meetings"
CREATE INDEX `monitoringmeeting_planned_on` ON `monitoring_meetings` (`planned_on`);
-- create "case_file_team" table
CREATE TABLE `case_file_team` (`case_file_id` text NOT NULL, `user_id` text NOT NULL, PRIMARY KEY (`case_file_id`, `user_id`), CONSTRAINT `case_file_team_case_file_id` FOREIGN KEY (`case_file_id`) REFERENCES `cases` (`id`) ON DELETE CASCADE, CONSTRAINT `case_file_team_user_id` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
-- backfill "open_person" of the cases still open
UPDATE `cases` SET `open_person` = `case_file_person` WHERE `status` NOT IN ('CLOSED', 'DECLINED');
