-- drop index "caseevent_occurred_at_case_event_case" from table: "case_events"
DROP INDEX "caseevent_occurred_at_case_event_case";
-- create index "caseevent_case_event_case" to table: "case_events"
CREATE INDEX "caseevent_case_event_case" ON "case_events" ("case_event_case");
-- create index "caseevent_occurred_at" to table: "case_events"
CREATE INDEX "caseevent_occurred_at" ON "case_events" ("occurred_at");
-- drop index "personidentity_last_name_first_name_birth_date" from table: "person_identities"
DROP INDEX "personidentity_last_name_first_name_birth_date";
-- modify "person_identities" table
ALTER TABLE "person_identities" ADD COLUMN "last_name_key" character varying NULL, ADD COLUMN "first_name_key" character varying NULL;
-- create index "personidentity_last_name_key_first_name_key_birth_date" to table: "person_identities"
CREATE INDEX "personidentity_last_name_key_first_name_key_birth_date" ON "person_identities" ("last_name_key", "first_name_key", "birth_date");
-- modify "cases" table
ALTER TABLE "cases" ADD COLUMN "first_meeting_on" timestamptz NULL, ADD COLUMN "first_meeting_due_on" timestamptz NULL, ADD COLUMN "plan_due_on" timestamptz NULL, ADD COLUMN "transfer_reason" text NULL, ADD COLUMN "transfer_requested_at" timestamptz NULL, ADD COLUMN "open_person" character varying NULL, ADD COLUMN "case_file_transfer_to" character varying NULL, ADD CONSTRAINT "cases_territorial_tables_transfer_to" FOREIGN KEY ("case_file_transfer_to") REFERENCES "territorial_tables" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- create index "casefile_case_file_case_manager" to table: "cases"
CREATE INDEX "casefile_case_file_case_manager" ON "cases" ("case_file_case_manager");
-- create index "casefile_case_file_referring_operator" to table: "cases"
CREATE INDEX "casefile_case_file_referring_operator" ON "cases" ("case_file_referring_operator");
-- create index "casefile_case_file_transfer_to" to table: "cases"
CREATE INDEX "casefile_case_file_transfer_to" ON "cases" ("case_file_transfer_to");
-- create index "cases_open_person_key" to table: "cases"
CREATE UNIQUE INDEX "cases_open_person_key" ON "cases" ("open_person");
-- create "assessments" table
CREATE TABLE "assessments" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "level" character varying NOT NULL, "findings" jsonb NOT NULL, "summary" text NOT NULL, "complex_needs" boolean NOT NULL DEFAULT false, "assessed_on" timestamptz NOT NULL, "assessment_case" character varying NOT NULL, "assessment_assessor" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "assessments_cases_case" FOREIGN KEY ("assessment_case") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "assessments_users_assessor" FOREIGN KEY ("assessment_assessor") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "assessment_assessment_case" to table: "assessments"
CREATE INDEX "assessment_assessment_case" ON "assessments" ("assessment_case");
-- create index "assessment_created_at" to table: "assessments"
CREATE INDEX "assessment_created_at" ON "assessments" ("created_at");
-- create "case_file_team" table
CREATE TABLE "case_file_team" ("case_file_id" character varying NOT NULL, "user_id" character varying NOT NULL, PRIMARY KEY ("case_file_id", "user_id"), CONSTRAINT "case_file_team_case_file_id" FOREIGN KEY ("case_file_id") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT "case_file_team_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);
-- create index "commitment_commitment_plan" to table: "commitments"
CREATE INDEX "commitment_commitment_plan" ON "commitments" ("commitment_plan");
-- create index "commitment_due_on" to table: "commitments"
CREATE INDEX "commitment_due_on" ON "commitments" ("due_on");
-- create index "goal_goal_plan" to table: "goals"
CREATE INDEX "goal_goal_plan" ON "goals" ("goal_plan");
-- create "monitoring_meetings" table
CREATE TABLE "monitoring_meetings" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "planned_on" timestamptz NOT NULL, "held_on" timestamptz NULL, "summary" text NULL, "monitoring_meeting_case" character varying NOT NULL, "monitoring_meeting_recorded_by" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "monitoring_meetings_cases_case" FOREIGN KEY ("monitoring_meeting_case") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "monitoring_meetings_users_recorded_by" FOREIGN KEY ("monitoring_meeting_recorded_by") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "monitoringmeeting_created_at" to table: "monitoring_meetings"
CREATE INDEX "monitoringmeeting_created_at" ON "monitoring_meetings" ("created_at");
-- create index "monitoringmeeting_monitoring_meeting_case" to table: "monitoring_meetings"
CREATE INDEX "monitoringmeeting_monitoring_meeting_case" ON "monitoring_meetings" ("monitoring_meeting_case");
-- create index "monitoringmeeting_planned_on" to table: "monitoring_meetings"
CREATE INDEX "monitoringmeeting_planned_on" ON "monitoring_meetings" ("planned_on");
-- create "monitoring_items" table
CREATE TABLE "monitoring_items" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "progress" text NULL, "goal_status" character varying NULL, "hours_done" bigint NULL, "monitoring_item_meeting" character varying NOT NULL, "monitoring_item_goal" character varying NULL, "monitoring_item_commitment" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "monitoring_items_commitments_commitment" FOREIGN KEY ("monitoring_item_commitment") REFERENCES "commitments" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "monitoring_items_goals_goal" FOREIGN KEY ("monitoring_item_goal") REFERENCES "goals" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "monitoring_items_monitoring_meetings_meeting" FOREIGN KEY ("monitoring_item_meeting") REFERENCES "monitoring_meetings" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "monitoringitem_created_at" to table: "monitoring_items"
CREATE INDEX "monitoringitem_created_at" ON "monitoring_items" ("created_at");
-- create index "monitoringitem_monitoring_item_meeting" to table: "monitoring_items"
CREATE INDEX "monitoringitem_monitoring_item_meeting" ON "monitoring_items" ("monitoring_item_meeting");
-- backfill "open_person" of the cases still open
UPDATE "cases" SET "open_person" = "case_file_person" WHERE "status" NOT IN ('CLOSED', 'DECLINED');
