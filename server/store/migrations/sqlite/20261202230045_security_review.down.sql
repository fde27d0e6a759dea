-- reverse: create index "casefile_case_file_transfer_to" to table: "cases"
DROP INDEX `casefile_case_file_transfer_to`;
-- reverse: create index "casefile_case_file_referring_operator" to table: "cases"
DROP INDEX `casefile_case_file_referring_operator`;
-- reverse: create index "casefile_case_file_case_manager" to table: "cases"
DROP INDEX `casefile_case_file_case_manager`;
-- reverse: create index "casefile_case_file_person" to table: "cases"
DROP INDEX `casefile_case_file_person`;
-- reverse: create index "casefile_status_case_file_table" to table: "cases"
DROP INDEX `casefile_status_case_file_table`;
-- reverse: create index "casefile_referred_on" to table: "cases"
DROP INDEX `casefile_referred_on`;
-- reverse: create index "casefile_status" to table: "cases"
DROP INDEX `casefile_status`;
-- reverse: create index "casefile_created_at" to table: "cases"
DROP INDEX `casefile_created_at`;
-- reverse: create index "cases_case_file_next_case_key" to table: "cases"
DROP INDEX `cases_case_file_next_case_key`;
-- reverse: create index "cases_open_person_key" to table: "cases"
DROP INDEX `cases_open_person_key`;
-- reverse: create index "cases_code_key" to table: "cases"
DROP INDEX `cases_code_key`;
-- reverse: create "new_cases" table
DROP TABLE `new_cases`;
-- reverse: create index "person_gender" to table: "persons"
DROP INDEX `person_gender`;
-- reverse: create index "person_birth_year" to table: "persons"
DROP INDEX `person_birth_year`;
-- reverse: create index "person_created_at" to table: "persons"
DROP INDEX `person_created_at`;
-- reverse: create index "persons_pseudonym_key" to table: "persons"
DROP INDEX `persons_pseudonym_key`;
-- reverse: create "new_persons" table
DROP TABLE `new_persons`;
-- reverse: add column "changes" to table: "audit_events"
ALTER TABLE `audit_events` DROP COLUMN `changes`;
