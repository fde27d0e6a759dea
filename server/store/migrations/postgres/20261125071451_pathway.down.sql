-- reverse: create index "monitoringitem_monitoring_item_meeting" to table: "monitoring_items"
DROP INDEX "monitoringitem_monitoring_item_meeting";
-- reverse: create index "monitoringitem_created_at" to table: "monitoring_items"
DROP INDEX "monitoringitem_created_at";
-- reverse: create "monitoring_items" table
DROP TABLE "monitoring_items";
-- reverse: create index "monitoringmeeting_planned_on" to table: "monitoring_meetings"
DROP INDEX "monitoringmeeting_planned_on";
-- reverse: create index "monitoringmeeting_monitoring_meeting_case" to table: "monitoring_meetings"
DROP INDEX "monitoringmeeting_monitoring_meeting_case";
-- reverse: create index "monitoringmeeting_created_at" to table: "monitoring_meetings"
DROP INDEX "monitoringmeeting_created_at";
-- reverse: create "monitoring_meetings" table
DROP TABLE "monitoring_meetings";
-- reverse: create index "goal_goal_plan" to table: "goals"
DROP INDEX "goal_goal_plan";
-- reverse: create index "commitment_due_on" to table: "commitments"
DROP INDEX "commitment_due_on";
-- reverse: create index "commitment_commitment_plan" to table: "commitments"
DROP INDEX "commitment_commitment_plan";
-- reverse: create "case_file_team" table
DROP TABLE "case_file_team";
-- reverse: create index "assessment_created_at" to table: "assessments"
DROP INDEX "assessment_created_at";
-- reverse: create index "assessment_assessment_case" to table: "assessments"
DROP INDEX "assessment_assessment_case";
-- reverse: create "assessments" table
DROP TABLE "assessments";
-- reverse: create index "cases_open_person_key" to table: "cases"
DROP INDEX "cases_open_person_key";
-- reverse: create index "casefile_case_file_transfer_to" to table: "cases"
DROP INDEX "casefile_case_file_transfer_to";
-- reverse: create index "casefile_case_file_referring_operator" to table: "cases"
DROP INDEX "casefile_case_file_referring_operator";
-- reverse: create index "casefile_case_file_case_manager" to table: "cases"
DROP INDEX "casefile_case_file_case_manager";
-- reverse: modify "cases" table
ALTER TABLE "cases" DROP CONSTRAINT "cases_territorial_tables_transfer_to", DROP COLUMN "case_file_transfer_to", DROP COLUMN "open_person", DROP COLUMN "transfer_requested_at", DROP COLUMN "transfer_reason", DROP COLUMN "plan_due_on", DROP COLUMN "first_meeting_due_on", DROP COLUMN "first_meeting_on";
-- reverse: create index "personidentity_last_name_key_first_name_key_birth_date" to table: "person_identities"
DROP INDEX "personidentity_last_name_key_first_name_key_birth_date";
-- reverse: modify "person_identities" table
ALTER TABLE "person_identities" DROP COLUMN "first_name_key", DROP COLUMN "last_name_key";
-- reverse: drop index "personidentity_last_name_first_name_birth_date" from table: "person_identities"
CREATE INDEX "personidentity_last_name_first_name_birth_date" ON "person_identities" ("last_name", "first_name", "birth_date");
-- reverse: create index "caseevent_occurred_at" to table: "case_events"
DROP INDEX "caseevent_occurred_at";
-- reverse: create index "caseevent_case_event_case" to table: "case_events"
DROP INDEX "caseevent_case_event_case";
-- reverse: drop index "caseevent_occurred_at_case_event_case" from table: "case_events"
CREATE INDEX "caseevent_occurred_at_case_event_case" ON "case_events" ("occurred_at", "case_event_case");
