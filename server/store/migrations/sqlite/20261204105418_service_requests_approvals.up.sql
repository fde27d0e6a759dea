-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_territorial_tables" table
CREATE TABLE `new_territorial_tables` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `code` text NOT NULL, `days_to_first_meeting` integer NOT NULL DEFAULT (60), `days_to_plan` integer NOT NULL DEFAULT (120), `plan_needs_approval` bool NOT NULL DEFAULT (false), `closure_needs_approval` bool NOT NULL DEFAULT (true), `territorial_table_coordinator` text NULL, PRIMARY KEY (`id`), CONSTRAINT `territorial_tables_users_coordinator` FOREIGN KEY (`territorial_table_coordinator`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- copy rows from old table "territorial_tables" to new temporary table "new_territorial_tables"
INSERT INTO `new_territorial_tables` (`id`, `created_at`, `updated_at`, `name`, `code`, `days_to_first_meeting`, `days_to_plan`, `territorial_table_coordinator`) SELECT `id`, `created_at`, `updated_at`, `name`, `code`, `days_to_first_meeting`, `days_to_plan`, `territorial_table_coordinator` FROM `territorial_tables`;
-- drop "territorial_tables" table after copying rows
DROP TABLE `territorial_tables`;
-- rename temporary table "new_territorial_tables" to "territorial_tables"
ALTER TABLE `new_territorial_tables` RENAME TO `territorial_tables`;
-- create index "territorial_tables_name_key" to table: "territorial_tables"
CREATE UNIQUE INDEX `territorial_tables_name_key` ON `territorial_tables` (`name`);
-- create index "territorial_tables_code_key" to table: "territorial_tables"
CREATE UNIQUE INDEX `territorial_tables_code_key` ON `territorial_tables` (`code`);
-- create index "territorialtable_created_at" to table: "territorial_tables"
CREATE INDEX `territorialtable_created_at` ON `territorial_tables` (`created_at`);
-- create "new_case_events" table
CREATE TABLE `new_case_events` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `occurred_at` datetime NOT NULL, `note` text NULL, `detail` text NULL, `assessment_level` text NULL, `intervention_kind` text NULL, `intervention_status` text NULL, `outcome_kind` text NULL, `still_held` bool NULL, `closure_reason` text NULL, `decline_reason` text NULL, `completion_reason` text NULL, `successful` bool NULL, `approval_kind` text NULL, `day` date NULL, `case_event_case` text NOT NULL, `case_event_actor` text NULL, `case_event_assignee` text NULL, `case_event_from_table` text NULL, `case_event_to_table` text NULL, `case_event_organization` text NULL, `case_event_related_case` text NULL, PRIMARY KEY (`id`), CONSTRAINT `case_events_cases_case` FOREIGN KEY (`case_event_case`) REFERENCES `cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `case_events_users_actor` FOREIGN KEY (`case_event_actor`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_users_assignee` FOREIGN KEY (`case_event_assignee`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_territorial_tables_from_table` FOREIGN KEY (`case_event_from_table`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_territorial_tables_to_table` FOREIGN KEY (`case_event_to_table`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_organizations_organization` FOREIGN KEY (`case_event_organization`) REFERENCES `organizations` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_cases_related_case` FOREIGN KEY (`case_event_related_case`) REFERENCES `cases` (`id`) ON DELETE SET NULL);
-- copy rows from old table "case_events" to new temporary table "new_case_events"
INSERT INTO `new_case_events` (`id`, `created_at`, `updated_at`, `kind`, `occurred_at`, `note`, `detail`, `assessment_level`, `intervention_kind`, `intervention_status`, `outcome_kind`, `still_held`, `closure_reason`, `day`, `case_event_case`, `case_event_actor`, `case_event_assignee`, `case_event_from_table`, `case_event_to_table`, `case_event_related_case`) SELECT `id`, `created_at`, `updated_at`, `kind`, `occurred_at`, `note`, `detail`, `assessment_level`, `intervention_kind`, `intervention_status`, `outcome_kind`, `still_held`, `closure_reason`, `day`, `case_event_case`, `case_event_actor`, `case_event_assignee`, `case_event_from_table`, `case_event_to_table`, `case_event_related_case` FROM `case_events`;
-- drop "case_events" table after copying rows
DROP TABLE `case_events`;
-- rename temporary table "new_case_events" to "case_events"
ALTER TABLE `new_case_events` RENAME TO `case_events`;
-- create index "caseevent_created_at" to table: "case_events"
CREATE INDEX `caseevent_created_at` ON `case_events` (`created_at`);
-- create index "caseevent_case_event_case" to table: "case_events"
CREATE INDEX `caseevent_case_event_case` ON `case_events` (`case_event_case`);
-- create index "caseevent_occurred_at" to table: "case_events"
CREATE INDEX `caseevent_occurred_at` ON `case_events` (`occurred_at`);
-- create "approvals" table
CREATE TABLE `approvals` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `status` text NOT NULL DEFAULT ('PENDING'), `proposed_at` datetime NOT NULL, `decided_at` datetime NULL, `agreed_on` date NULL, `closure_reason` text NULL, `note` text NULL, `goals_achieved` json NULL, `commitments_fulfilled` json NULL, `return_reason` text NULL, `approval_case` text NOT NULL, `approval_proposed_by` text NULL, `approval_decided_by` text NULL, PRIMARY KEY (`id`), CONSTRAINT `approvals_cases_case` FOREIGN KEY (`approval_case`) REFERENCES `cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `approvals_users_proposed_by` FOREIGN KEY (`approval_proposed_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `approvals_users_decided_by` FOREIGN KEY (`approval_decided_by`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- create index "approval_created_at" to table: "approvals"
CREATE INDEX `approval_created_at` ON `approvals` (`created_at`);
-- create index "approval_status_approval_case" to table: "approvals"
CREATE INDEX `approval_status_approval_case` ON `approvals` (`status`, `approval_case`);
-- create "service_requests" table
CREATE TABLE `service_requests` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `need` text NOT NULL, `needed_by` date NULL, `shared_contact` json NOT NULL, `status` text NOT NULL DEFAULT ('SENT'), `sent_on` date NOT NULL, `answer_due_on` date NOT NULL, `answered_on` date NULL, `planned_start` date NULL, `decline_reason` text NULL, `answer_note` text NULL, `completed_on` date NULL, `successful` bool NULL, `completion_reason` text NULL, `completion_note` text NULL, `service_request_case` text NULL, `service_request_organization` text NOT NULL, `service_request_table` text NOT NULL, `service_request_requested_by` text NULL, `service_request_answered_by` text NULL, `service_request_intervention` text NULL, PRIMARY KEY (`id`), CONSTRAINT `service_requests_cases_case` FOREIGN KEY (`service_request_case`) REFERENCES `cases` (`id`) ON DELETE SET NULL, CONSTRAINT `service_requests_organizations_organization` FOREIGN KEY (`service_request_organization`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION, CONSTRAINT `service_requests_territorial_tables_table` FOREIGN KEY (`service_request_table`) REFERENCES `territorial_tables` (`id`) ON DELETE NO ACTION, CONSTRAINT `service_requests_users_requested_by` FOREIGN KEY (`service_request_requested_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `service_requests_users_answered_by` FOREIGN KEY (`service_request_answered_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `service_requests_interventions_intervention` FOREIGN KEY (`service_request_intervention`) REFERENCES `interventions` (`id`) ON DELETE SET NULL);
-- create index "servicerequest_created_at" to table: "service_requests"
CREATE INDEX `servicerequest_created_at` ON `service_requests` (`created_at`);
-- create index "servicerequest_status_service_request_organization" to table: "service_requests"
CREATE INDEX `servicerequest_status_service_request_organization` ON `service_requests` (`status`, `service_request_organization`);
-- create index "servicerequest_service_request_case" to table: "service_requests"
CREATE INDEX `servicerequest_service_request_case` ON `service_requests` (`service_request_case`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
