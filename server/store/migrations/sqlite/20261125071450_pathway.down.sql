-- reverse: create "case_file_team" table
DROP TABLE `case_file_team`;
-- reverse: create index "monitoringmeeting_planned_on" to table: "monitoring_meetings"
DROP INDEX `monitoringmeeting_planned_on`;
-- reverse: create index "monitoringmeeting_monitoring_meeting_case" to table: "monitoring_meetings"
DROP INDEX `monitoringmeeting_monitoring_meeting_case`;
-- reverse: create index "monitoringmeeting_created_at" to table: "monitoring_meetings"
DROP INDEX `monitoringmeeting_created_at`;
-- reverse: create "monitoring_meetings" table
DROP TABLE `monitoring_meetings`;
-- reverse: create index "monitoringitem_monitoring_item_meeting" to table: "monitoring_items"
DROP INDEX `monitoringitem_monitoring_item_meeting`;
-- reverse: create index "monitoringitem_created_at" to table: "monitoring_items"
DROP INDEX `monitoringitem_created_at`;
-- reverse: create "monitoring_items" table
DROP TABLE `monitoring_items`;
-- reverse: create index "assessment_assessment_case" to table: "assessments"
DROP INDEX `assessment_assessment_case`;
-- reverse: create index "assessment_created_at" to table: "assessments"
DROP INDEX `assessment_created_at`;
-- reverse: create "assessments" table
DROP TABLE `assessments`;
-- reverse: create index "personidentity_last_name_key_first_name_key_birth_date" to table: "person_identities"
DROP INDEX `personidentity_last_name_key_first_name_key_birth_date`;
-- reverse: create index "personidentity_created_at" to table: "person_identities"
DROP INDEX `personidentity_created_at`;
-- reverse: create index "person_identities_person_identity_key" to table: "person_identities"
DROP INDEX `person_identities_person_identity_key`;
-- reverse: create index "person_identities_tax_code_key" to table: "person_identities"
DROP INDEX `person_identities_tax_code_key`;
-- reverse: create "new_person_identities" table
DROP TABLE `new_person_identities`;
-- reverse: create index "goal_goal_plan" to table: "goals"
DROP INDEX `goal_goal_plan`;
-- reverse: create index "commitment_due_on" to table: "commitments"
DROP INDEX `commitment_due_on`;
-- reverse: create index "commitment_commitment_plan" to table: "commitments"
DROP INDEX `commitment_commitment_plan`;
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
-- reverse: create index "caseevent_occurred_at" to table: "case_events"
DROP INDEX `caseevent_occurred_at`;
-- reverse: create index "caseevent_case_event_case" to table: "case_events"
DROP INDEX `caseevent_case_event_case`;
-- reverse: drop index "caseevent_occurred_at_case_event_case" from table: "case_events"
CREATE INDEX `caseevent_occurred_at_case_event_case` ON `case_events` (`occurred_at`, `case_event_case`);
