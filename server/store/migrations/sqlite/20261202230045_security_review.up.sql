-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- add column "changes" to table: "audit_events"
ALTER TABLE `audit_events` ADD COLUMN `changes` text NULL;
-- create "new_persons" table
CREATE TABLE `new_persons` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `pseudonym` text NOT NULL, `birth_year` integer NULL, `gender` text NULL, `household_size` integer NULL DEFAULT (1), `citizenship_area` text NULL, `person_municipality` text NULL, PRIMARY KEY (`id`), CONSTRAINT `persons_municipalities_municipality` FOREIGN KEY (`person_municipality`) REFERENCES `municipalities` (`id`) ON DELETE SET NULL);
-- copy rows from old table "persons" to new temporary table "new_persons"
INSERT INTO `new_persons` (`id`, `created_at`, `updated_at`, `pseudonym`, `birth_year`, `gender`, `household_size`, `citizenship_area`, `person_municipality`) SELECT `id`, `created_at`, `updated_at`, `pseudonym`, `birth_year`, `gender`, `household_size`, `citizenship_area`, `person_municipality` FROM `persons`;
-- drop "persons" table after copying rows
DROP TABLE `persons`;
-- rename temporary table "new_persons" to "persons"
ALTER TABLE `new_persons` RENAME TO `persons`;
-- create index "persons_pseudonym_key" to table: "persons"
CREATE UNIQUE INDEX `persons_pseudonym_key` ON `persons` (`pseudonym`);
-- create index "person_created_at" to table: "persons"
CREATE INDEX `person_created_at` ON `persons` (`created_at`);
-- create index "person_birth_year" to table: "persons"
CREATE INDEX `person_birth_year` ON `persons` (`birth_year`);
-- create index "person_gender" to table: "persons"
CREATE INDEX `person_gender` ON `persons` (`gender`);
-- create "new_cases" table
CREATE TABLE `new_cases` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `code` text NOT NULL, `referred_on` datetime NOT NULL, `referral_reason` text NOT NULL, `need_areas` json NOT NULL, `status` text NOT NULL DEFAULT ('REFERRED'), `priority` text NOT NULL DEFAULT ('MEDIUM'), `taken_in_charge_on` datetime NULL, `closed_on` datetime NULL, `closure_reason` text NULL, `decline_reason` text NULL, `consent_given_at` datetime NULL, `first_meeting_on` datetime NULL, `first_meeting_due_on` datetime NULL, `plan_due_on` datetime NULL, `transfer_reason` text NULL, `transfer_requested_at` datetime NULL, `open_person` text NULL, `referrer_entered_identity` bool NOT NULL DEFAULT (false), `version` integer NOT NULL DEFAULT (1), `case_file_person` text NOT NULL, `case_file_table` text NOT NULL, `case_file_referring_organization` text NOT NULL, `case_file_referring_operator` text NULL, `case_file_case_manager` text NULL, `case_file_transfer_to` text NULL, `case_file_next_case` text NULL, PRIMARY KEY (`id`), CONSTRAINT `cases_persons_person` FOREIGN KEY (`case_file_person`) REFERENCES `persons` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_territorial_tables_table` FOREIGN KEY (`case_file_table`) REFERENCES `territorial_tables` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_organizations_referring_organization` FOREIGN KEY (`case_file_referring_organization`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_users_referring_operator` FOREIGN KEY (`case_file_referring_operator`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `cases_users_case_manager` FOREIGN KEY (`case_file_case_manager`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `cases_territorial_tables_transfer_to` FOREIGN KEY (`case_file_transfer_to`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL, CONSTRAINT `cases_cases_next_case` FOREIGN KEY (`case_file_next_case`) REFERENCES `cases` (`id`) ON DELETE SET NULL);
-- copy rows from old table "cases" to new temporary table "new_cases"
INSERT INTO `new_cases` (`id`, `created_at`, `updated_at`, `code`, `referred_on`, `referral_reason`, `need_areas`, `status`, `priority`, `taken_in_charge_on`, `closed_on`, `closure_reason`, `decline_reason`, `consent_given_at`, `first_meeting_on`, `first_meeting_due_on`, `plan_due_on`, `transfer_reason`, `transfer_requested_at`, `open_person`, `version`, `case_file_person`, `case_file_table`, `case_file_referring_organization`, `case_file_referring_operator`, `case_file_case_manager`, `case_file_transfer_to`, `case_file_next_case`) SELECT `id`, `created_at`, `updated_at`, `code`, `referred_on`, `referral_reason`, `need_areas`, `status`, `priority`, `taken_in_charge_on`, `closed_on`, `closure_reason`, `decline_reason`, `consent_given_at`, `first_meeting_on`, `first_meeting_due_on`, `plan_due_on`, `transfer_reason`, `transfer_requested_at`, `open_person`, `version`, `case_file_person`, `case_file_table`, `case_file_referring_organization`, `case_file_referring_operator`, `case_file_case_manager`, `case_file_transfer_to`, `case_file_next_case` FROM `cases`;
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
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
-- a person's first case is the referral that entered their identity: its
-- referrer keeps reading it, as before (later links learn nothing more)
UPDATE cases SET referrer_entered_identity = true WHERE NOT EXISTS (
  SELECT 1 FROM cases AS earlier WHERE earlier.case_file_person = cases.case_file_person
  AND (earlier.created_at < cases.created_at OR (earlier.created_at = cases.created_at AND earlier.id < cases.id)));
