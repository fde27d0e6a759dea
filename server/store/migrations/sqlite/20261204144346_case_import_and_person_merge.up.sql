-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_cases" table
CREATE TABLE `new_cases` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `code` text NOT NULL, `import_key` text NULL, `referred_on` date NOT NULL, `referral_reason` text NOT NULL, `need_areas` json NOT NULL, `status` text NOT NULL DEFAULT ('REFERRED'), `priority` text NOT NULL DEFAULT ('MEDIUM'), `taken_in_charge_on` date NULL, `closed_on` date NULL, `closure_reason` text NULL, `decline_reason` text NULL, `consent_given_at` datetime NULL, `first_meeting_on` date NULL, `first_meeting_due_on` date NULL, `plan_due_on` date NULL, `transfer_reason` text NULL, `transfer_requested_at` datetime NULL, `open_person` text NULL, `referrer_entered_identity` bool NOT NULL DEFAULT (false), `version` integer NOT NULL DEFAULT (1), `case_file_person` text NOT NULL, `case_file_table` text NOT NULL, `case_file_referring_organization` text NOT NULL, `case_file_referring_operator` text NULL, `case_file_case_manager` text NULL, `case_file_transfer_to` text NULL, `case_file_next_case` text NULL, PRIMARY KEY (`id`), CONSTRAINT `cases_persons_person` FOREIGN KEY (`case_file_person`) REFERENCES `persons` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_territorial_tables_table` FOREIGN KEY (`case_file_table`) REFERENCES `territorial_tables` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_organizations_referring_organization` FOREIGN KEY (`case_file_referring_organization`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_users_referring_operator` FOREIGN KEY (`case_file_referring_operator`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `cases_users_case_manager` FOREIGN KEY (`case_file_case_manager`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `cases_territorial_tables_transfer_to` FOREIGN KEY (`case_file_transfer_to`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL, CONSTRAINT `cases_cases_next_case` FOREIGN KEY (`case_file_next_case`) REFERENCES `cases` (`id`) ON DELETE SET NULL);
-- copy rows from old table "cases" to new temporary table "new_cases"
INSERT INTO `new_cases` (`id`, `created_at`, `updated_at`, `code`, `referred_on`, `referral_reason`, `need_areas`, `status`, `priority`, `taken_in_charge_on`, `closed_on`, `closure_reason`, `decline_reason`, `consent_given_at`, `first_meeting_on`, `first_meeting_due_on`, `plan_due_on`, `transfer_reason`, `transfer_requested_at`, `open_person`, `referrer_entered_identity`, `version`, `case_file_person`, `case_file_table`, `case_file_referring_organization`, `case_file_referring_operator`, `case_file_case_manager`, `case_file_transfer_to`, `case_file_next_case`) SELECT `id`, `created_at`, `updated_at`, `code`, `referred_on`, `referral_reason`, `need_areas`, `status`, `priority`, `taken_in_charge_on`, `closed_on`, `closure_reason`, `decline_reason`, `consent_given_at`, `first_meeting_on`, `first_meeting_due_on`, `plan_due_on`, `transfer_reason`, `transfer_requested_at`, `open_person`, `referrer_entered_identity`, `version`, `case_file_person`, `case_file_table`, `case_file_referring_organization`, `case_file_referring_operator`, `case_file_case_manager`, `case_file_transfer_to`, `case_file_next_case` FROM `cases`;
-- drop "cases" table after copying rows
DROP TABLE `cases`;
-- rename temporary table "new_cases" to "cases"
ALTER TABLE `new_cases` RENAME TO `cases`;
-- create index "cases_code_key" to table: "cases"
CREATE UNIQUE INDEX `cases_code_key` ON `cases` (`code`);
-- create index "cases_import_key_key" to table: "cases"
CREATE UNIQUE INDEX `cases_import_key_key` ON `cases` (`import_key`);
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
-- create index "casefile_case_file_table" to table: "cases"
CREATE INDEX `casefile_case_file_table` ON `cases` (`case_file_table`);
-- create index "casefile_case_file_person" to table: "cases"
CREATE INDEX `casefile_case_file_person` ON `cases` (`case_file_person`);
-- create index "casefile_case_file_case_manager" to table: "cases"
CREATE INDEX `casefile_case_file_case_manager` ON `cases` (`case_file_case_manager`);
-- create index "casefile_case_file_referring_operator" to table: "cases"
CREATE INDEX `casefile_case_file_referring_operator` ON `cases` (`case_file_referring_operator`);
-- create index "casefile_case_file_transfer_to" to table: "cases"
CREATE INDEX `casefile_case_file_transfer_to` ON `cases` (`case_file_transfer_to`);
-- create "person_merges" table
CREATE TABLE `person_merges` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `survivor_identity` json NULL, `merged_identity` json NULL, `moved_cases` json NOT NULL, `moved_consents` json NOT NULL, `undone_at` datetime NULL, `person_merge_survivor` text NOT NULL, `person_merge_merged` text NOT NULL, `person_merge_merged_by` text NOT NULL, `person_merge_undone_by` text NULL, PRIMARY KEY (`id`), CONSTRAINT `person_merges_persons_survivor` FOREIGN KEY (`person_merge_survivor`) REFERENCES `persons` (`id`) ON DELETE NO ACTION, CONSTRAINT `person_merges_persons_merged` FOREIGN KEY (`person_merge_merged`) REFERENCES `persons` (`id`) ON DELETE NO ACTION, CONSTRAINT `person_merges_users_merged_by` FOREIGN KEY (`person_merge_merged_by`) REFERENCES `users` (`id`) ON DELETE NO ACTION, CONSTRAINT `person_merges_users_undone_by` FOREIGN KEY (`person_merge_undone_by`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- create index "personmerge_created_at" to table: "person_merges"
CREATE INDEX `personmerge_created_at` ON `person_merges` (`created_at`);
-- create index "personmerge_person_merge_merged" to table: "person_merges"
CREATE INDEX `personmerge_person_merge_merged` ON `person_merges` (`person_merge_merged`);
-- create index "personmerge_person_merge_survivor" to table: "person_merges"
CREATE INDEX `personmerge_person_merge_survivor` ON `person_merges` (`person_merge_survivor`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
