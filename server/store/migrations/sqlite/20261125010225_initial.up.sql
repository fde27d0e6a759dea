-- create "audit_events" table
CREATE TABLE `audit_events` (`id` text NOT NULL, `occurred_at` datetime NOT NULL, `action` text NOT NULL, `entity_type` text NULL, `entity_id` text NULL, `request_id` text NULL, `client_address` text NULL, `audit_event_actor` text NULL, `audit_event_organization` text NULL, PRIMARY KEY (`id`), CONSTRAINT `audit_events_users_actor` FOREIGN KEY (`audit_event_actor`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `audit_events_organizations_organization` FOREIGN KEY (`audit_event_organization`) REFERENCES `organizations` (`id`) ON DELETE SET NULL);
-- create index "auditevent_occurred_at" to table: "audit_events"
CREATE INDEX `auditevent_occurred_at` ON `audit_events` (`occurred_at`);
-- create index "auditevent_entity_id" to table: "audit_events"
CREATE INDEX `auditevent_entity_id` ON `audit_events` (`entity_id`);
-- create index "auditevent_action" to table: "audit_events"
CREATE INDEX `auditevent_action` ON `audit_events` (`action`);
-- create "case_events" table
CREATE TABLE `case_events` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `occurred_at` datetime NOT NULL, `note` text NULL, `case_event_case` text NOT NULL, `case_event_actor` text NULL, PRIMARY KEY (`id`), CONSTRAINT `case_events_cases_case` FOREIGN KEY (`case_event_case`) REFERENCES `cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `case_events_users_actor` FOREIGN KEY (`case_event_actor`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- create index "caseevent_created_at" to table: "case_events"
CREATE INDEX `caseevent_created_at` ON `case_events` (`created_at`);
-- create index "caseevent_occurred_at_case_event_case" to table: "case_events"
CREATE INDEX `caseevent_occurred_at_case_event_case` ON `case_events` (`occurred_at`, `case_event_case`);
-- create "cases" table
CREATE TABLE `cases` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `code` text NOT NULL, `referred_on` datetime NOT NULL, `referral_reason` text NOT NULL, `need_areas` json NOT NULL, `status` text NOT NULL DEFAULT ('REFERRED'), `priority` text NOT NULL DEFAULT ('MEDIUM'), `taken_in_charge_on` datetime NULL, `closed_on` datetime NULL, `closure_reason` text NULL, `decline_reason` text NULL, `consent_given_at` datetime NULL, `version` integer NOT NULL DEFAULT (1), `case_file_person` text NOT NULL, `case_file_table` text NOT NULL, `case_file_referring_organization` text NOT NULL, `case_file_referring_operator` text NULL, `case_file_case_manager` text NULL, `case_file_next_case` text NULL, PRIMARY KEY (`id`), CONSTRAINT `cases_persons_person` FOREIGN KEY (`case_file_person`) REFERENCES `persons` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_territorial_tables_table` FOREIGN KEY (`case_file_table`) REFERENCES `territorial_tables` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_organizations_referring_organization` FOREIGN KEY (`case_file_referring_organization`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION, CONSTRAINT `cases_users_referring_operator` FOREIGN KEY (`case_file_referring_operator`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `cases_users_case_manager` FOREIGN KEY (`case_file_case_manager`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `cases_cases_next_case` FOREIGN KEY (`case_file_next_case`) REFERENCES `cases` (`id`) ON DELETE SET NULL);
-- create index "cases_code_key" to table: "cases"
CREATE UNIQUE INDEX `cases_code_key` ON `cases` (`code`);
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
-- create "commitments" table
CREATE TABLE `commitments` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `description` text NOT NULL, `hours_agreed` integer NOT NULL, `hours_done` integer NOT NULL DEFAULT (0), `due_on` datetime NULL, `commitment_plan` text NOT NULL, `commitment_host` text NULL, PRIMARY KEY (`id`), CONSTRAINT `commitments_plans_plan` FOREIGN KEY (`commitment_plan`) REFERENCES `plans` (`id`) ON DELETE NO ACTION, CONSTRAINT `commitments_organizations_host` FOREIGN KEY (`commitment_host`) REFERENCES `organizations` (`id`) ON DELETE SET NULL);
-- create index "commitment_created_at" to table: "commitments"
CREATE INDEX `commitment_created_at` ON `commitments` (`created_at`);
-- create "decisions" table
CREATE TABLE `decisions` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `text` text NOT NULL, `decision_meeting` text NOT NULL, `decision_directive` text NULL, `decision_protocol` text NULL, `decision_case` text NULL, PRIMARY KEY (`id`), CONSTRAINT `decisions_meetings_meeting` FOREIGN KEY (`decision_meeting`) REFERENCES `meetings` (`id`) ON DELETE NO ACTION, CONSTRAINT `decisions_directives_directive` FOREIGN KEY (`decision_directive`) REFERENCES `directives` (`id`) ON DELETE SET NULL, CONSTRAINT `decisions_protocols_protocol` FOREIGN KEY (`decision_protocol`) REFERENCES `protocols` (`id`) ON DELETE SET NULL, CONSTRAINT `decisions_cases_case` FOREIGN KEY (`decision_case`) REFERENCES `cases` (`id`) ON DELETE SET NULL);
-- create index "decision_created_at" to table: "decisions"
CREATE INDEX `decision_created_at` ON `decisions` (`created_at`);
-- create "directives" table
CREATE TABLE `directives` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `body` text NOT NULL, `issued_on` datetime NOT NULL, `all_tables` bool NOT NULL DEFAULT (false), PRIMARY KEY (`id`));
-- create index "directive_created_at" to table: "directives"
CREATE INDEX `directive_created_at` ON `directives` (`created_at`);
-- create "funds" table
CREATE TABLE `funds` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `year` integer NOT NULL, `allocated_cents` integer NOT NULL, `fund_municipality` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `funds_municipalities_municipality` FOREIGN KEY (`fund_municipality`) REFERENCES `municipalities` (`id`) ON DELETE NO ACTION);
-- create index "fund_created_at" to table: "funds"
CREATE INDEX `fund_created_at` ON `funds` (`created_at`);
-- create index "fund_year_fund_municipality" to table: "funds"
CREATE UNIQUE INDEX `fund_year_fund_municipality` ON `funds` (`year`, `fund_municipality`);
-- create "goals" table
CREATE TABLE `goals` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `area` text NOT NULL, `description` text NOT NULL, `due_on` datetime NULL, `status` text NOT NULL DEFAULT ('OPEN'), `goal_plan` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `goals_plans_plan` FOREIGN KEY (`goal_plan`) REFERENCES `plans` (`id`) ON DELETE NO ACTION);
-- create index "goal_created_at" to table: "goals"
CREATE INDEX `goal_created_at` ON `goals` (`created_at`);
-- create "interventions" table
CREATE TABLE `interventions` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `description` text NULL, `starts_on` datetime NOT NULL, `ends_on` datetime NULL, `status` text NOT NULL DEFAULT ('PLANNED'), `cost_cents` integer NOT NULL DEFAULT (0), `intervention_case` text NOT NULL, `intervention_provider` text NOT NULL, `intervention_fund` text NULL, PRIMARY KEY (`id`), CONSTRAINT `interventions_cases_case` FOREIGN KEY (`intervention_case`) REFERENCES `cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `interventions_organizations_provider` FOREIGN KEY (`intervention_provider`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION, CONSTRAINT `interventions_funds_fund` FOREIGN KEY (`intervention_fund`) REFERENCES `funds` (`id`) ON DELETE SET NULL);
-- create index "intervention_created_at" to table: "interventions"
CREATE INDEX `intervention_created_at` ON `interventions` (`created_at`);
-- create index "intervention_status" to table: "interventions"
CREATE INDEX `intervention_status` ON `interventions` (`status`);
-- create index "intervention_starts_on" to table: "interventions"
CREATE INDEX `intervention_starts_on` ON `interventions` (`starts_on`);
-- create index "intervention_intervention_case" to table: "interventions"
CREATE INDEX `intervention_intervention_case` ON `interventions` (`intervention_case`);
-- create "meetings" table
CREATE TABLE `meetings` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `body` text NOT NULL, `held_at` datetime NOT NULL, `title` text NOT NULL, `minutes` text NULL, `meeting_table` text NULL, PRIMARY KEY (`id`), CONSTRAINT `meetings_territorial_tables_table` FOREIGN KEY (`meeting_table`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL);
-- create index "meeting_created_at" to table: "meetings"
CREATE INDEX `meeting_created_at` ON `meetings` (`created_at`);
-- create index "meeting_body_held_at" to table: "meetings"
CREATE INDEX `meeting_body_held_at` ON `meetings` (`body`, `held_at`);
-- create "municipalities" table
CREATE TABLE `municipalities` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `istat_code` text NOT NULL, `population` integer NOT NULL, `province` text NOT NULL DEFAULT ('FI'), PRIMARY KEY (`id`));
-- create index "municipalities_name_key" to table: "municipalities"
CREATE UNIQUE INDEX `municipalities_name_key` ON `municipalities` (`name`);
-- create index "municipalities_istat_code_key" to table: "municipalities"
CREATE UNIQUE INDEX `municipalities_istat_code_key` ON `municipalities` (`istat_code`);
-- create index "municipality_created_at" to table: "municipalities"
CREATE INDEX `municipality_created_at` ON `municipalities` (`created_at`);
-- create "objectives" table
CREATE TABLE `objectives` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `indicator` text NOT NULL, `target` real NOT NULL, `lower_is_better` bool NOT NULL DEFAULT (false), `period_start` datetime NOT NULL, `period_end` datetime NOT NULL, PRIMARY KEY (`id`));
-- create index "objective_created_at" to table: "objectives"
CREATE INDEX `objective_created_at` ON `objectives` (`created_at`);
-- create "organizations" table
CREATE TABLE `organizations` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `kind` text NOT NULL, `email` text NULL, `phone` text NULL, `website` text NULL, `address` text NULL, `organization_municipality` text NULL, PRIMARY KEY (`id`), CONSTRAINT `organizations_municipalities_municipality` FOREIGN KEY (`organization_municipality`) REFERENCES `municipalities` (`id`) ON DELETE SET NULL);
-- create index "organizations_name_key" to table: "organizations"
CREATE UNIQUE INDEX `organizations_name_key` ON `organizations` (`name`);
-- create index "organization_created_at" to table: "organizations"
CREATE INDEX `organization_created_at` ON `organizations` (`created_at`);
-- create index "organization_kind" to table: "organizations"
CREATE INDEX `organization_kind` ON `organizations` (`kind`);
-- create "outcomes" table
CREATE TABLE `outcomes` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `value_dimension` text NOT NULL, `achieved_on` datetime NOT NULL, `evidence` text NULL, `follow_up_due_on` datetime NULL, `followed_up_on` datetime NULL, `still_held` bool NULL, `outcome_case` text NOT NULL, `outcome_intervention` text NULL, `outcome_verified_by` text NULL, PRIMARY KEY (`id`), CONSTRAINT `outcomes_cases_case` FOREIGN KEY (`outcome_case`) REFERENCES `cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `outcomes_interventions_intervention` FOREIGN KEY (`outcome_intervention`) REFERENCES `interventions` (`id`) ON DELETE SET NULL, CONSTRAINT `outcomes_users_verified_by` FOREIGN KEY (`outcome_verified_by`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- create index "outcome_created_at" to table: "outcomes"
CREATE INDEX `outcome_created_at` ON `outcomes` (`created_at`);
-- create index "outcome_kind" to table: "outcomes"
CREATE INDEX `outcome_kind` ON `outcomes` (`kind`);
-- create index "outcome_achieved_on" to table: "outcomes"
CREATE INDEX `outcome_achieved_on` ON `outcomes` (`achieved_on`);
-- create index "outcome_outcome_case" to table: "outcomes"
CREATE INDEX `outcome_outcome_case` ON `outcomes` (`outcome_case`);
-- create "pacts" table
CREATE TABLE `pacts` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `signed_on` datetime NOT NULL, `description` text NULL, PRIMARY KEY (`id`));
-- create index "pact_created_at" to table: "pacts"
CREATE INDEX `pact_created_at` ON `pacts` (`created_at`);
-- create "persons" table
CREATE TABLE `persons` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `pseudonym` text NOT NULL, `birth_year` integer NOT NULL, `gender` text NOT NULL, `household_size` integer NOT NULL DEFAULT (1), `citizenship_area` text NOT NULL, `person_municipality` text NULL, PRIMARY KEY (`id`), CONSTRAINT `persons_municipalities_municipality` FOREIGN KEY (`person_municipality`) REFERENCES `municipalities` (`id`) ON DELETE SET NULL);
-- create index "persons_pseudonym_key" to table: "persons"
CREATE UNIQUE INDEX `persons_pseudonym_key` ON `persons` (`pseudonym`);
-- create index "person_created_at" to table: "persons"
CREATE INDEX `person_created_at` ON `persons` (`created_at`);
-- create index "person_birth_year" to table: "persons"
CREATE INDEX `person_birth_year` ON `persons` (`birth_year`);
-- create index "person_gender" to table: "persons"
CREATE INDEX `person_gender` ON `persons` (`gender`);
-- create "person_identities" table
CREATE TABLE `person_identities` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `first_name` text NOT NULL, `last_name` text NOT NULL, `tax_code` text NULL, `birth_date` datetime NOT NULL, `birth_place` text NULL, `email` text NULL, `phone` text NULL, `address` text NULL, `postal_code` text NULL, `city` text NULL, `person_identity` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `person_identities_persons_identity` FOREIGN KEY (`person_identity`) REFERENCES `persons` (`id`) ON DELETE NO ACTION);
-- create index "person_identities_tax_code_key" to table: "person_identities"
CREATE UNIQUE INDEX `person_identities_tax_code_key` ON `person_identities` (`tax_code`);
-- create index "person_identities_person_identity_key" to table: "person_identities"
CREATE UNIQUE INDEX `person_identities_person_identity_key` ON `person_identities` (`person_identity`);
-- create index "personidentity_created_at" to table: "person_identities"
CREATE INDEX `personidentity_created_at` ON `person_identities` (`created_at`);
-- create index "personidentity_last_name_first_name_birth_date" to table: "person_identities"
CREATE INDEX `personidentity_last_name_first_name_birth_date` ON `person_identities` (`last_name`, `first_name`, `birth_date`);
-- create "plans" table
CREATE TABLE `plans` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `summary` text NULL, `agreed_on` datetime NULL, `review_on` datetime NULL, `case_file_plan` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `plans_cases_plan` FOREIGN KEY (`case_file_plan`) REFERENCES `cases` (`id`) ON DELETE NO ACTION);
-- create index "plans_case_file_plan_key" to table: "plans"
CREATE UNIQUE INDEX `plans_case_file_plan_key` ON `plans` (`case_file_plan`);
-- create index "plan_created_at" to table: "plans"
CREATE INDEX `plan_created_at` ON `plans` (`created_at`);
-- create "protocols" table
CREATE TABLE `protocols` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `purpose` text NULL, `status` text NOT NULL DEFAULT ('DRAFT'), `signed_on` datetime NULL, `valid_from` datetime NULL, `valid_until` datetime NULL, PRIMARY KEY (`id`));
-- create index "protocol_created_at" to table: "protocols"
CREATE INDEX `protocol_created_at` ON `protocols` (`created_at`);
-- create index "protocol_status" to table: "protocols"
CREATE INDEX `protocol_status` ON `protocols` (`status`);
-- create "protocol_commitments" table
CREATE TABLE `protocol_commitments` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `description` text NOT NULL, `due_on` datetime NULL, `status` text NOT NULL DEFAULT ('OPEN'), `done_on` datetime NULL, `evidence` text NULL, `protocol_commitment_party` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `protocol_commitments_protocol_parties_party` FOREIGN KEY (`protocol_commitment_party`) REFERENCES `protocol_parties` (`id`) ON DELETE NO ACTION);
-- create index "protocolcommitment_created_at" to table: "protocol_commitments"
CREATE INDEX `protocolcommitment_created_at` ON `protocol_commitments` (`created_at`);
-- create index "protocolcommitment_status_due_on" to table: "protocol_commitments"
CREATE INDEX `protocolcommitment_status_due_on` ON `protocol_commitments` (`status`, `due_on`);
-- create "protocol_parties" table
CREATE TABLE `protocol_parties` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `role` text NOT NULL, `operating_mode` text NULL, `protocol_party_protocol` text NOT NULL, `protocol_party_organization` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `protocol_parties_protocols_protocol` FOREIGN KEY (`protocol_party_protocol`) REFERENCES `protocols` (`id`) ON DELETE NO ACTION, CONSTRAINT `protocol_parties_organizations_organization` FOREIGN KEY (`protocol_party_organization`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION);
-- create index "protocolparty_created_at" to table: "protocol_parties"
CREATE INDEX `protocolparty_created_at` ON `protocol_parties` (`created_at`);
-- create index "protocolparty_protocol_party_pr_8e4aecd6a1d93b34cc1deed08ff8c765" to table: "protocol_parties"
CREATE UNIQUE INDEX `protocolparty_protocol_party_pr_8e4aecd6a1d93b34cc1deed08ff8c765` ON `protocol_parties` (`protocol_party_protocol`, `protocol_party_organization`);
-- create "table_memberships" table
CREATE TABLE `table_memberships` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `profession` text NOT NULL, `joined_on` datetime NOT NULL, `table_membership_table` text NOT NULL, `table_membership_user` text NOT NULL, `table_membership_organization` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `table_memberships_territorial_tables_table` FOREIGN KEY (`table_membership_table`) REFERENCES `territorial_tables` (`id`) ON DELETE NO ACTION, CONSTRAINT `table_memberships_users_user` FOREIGN KEY (`table_membership_user`) REFERENCES `users` (`id`) ON DELETE NO ACTION, CONSTRAINT `table_memberships_organizations_organization` FOREIGN KEY (`table_membership_organization`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION);
-- create index "tablemembership_created_at" to table: "table_memberships"
CREATE INDEX `tablemembership_created_at` ON `table_memberships` (`created_at`);
-- create index "tablemembership_table_membership_table_table_membership_user" to table: "table_memberships"
CREATE UNIQUE INDEX `tablemembership_table_membership_table_table_membership_user` ON `table_memberships` (`table_membership_table`, `table_membership_user`);
-- create "territorial_tables" table
CREATE TABLE `territorial_tables` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `code` text NOT NULL, `days_to_first_meeting` integer NOT NULL DEFAULT (60), `days_to_plan` integer NOT NULL DEFAULT (120), `territorial_table_coordinator` text NULL, PRIMARY KEY (`id`), CONSTRAINT `territorial_tables_users_coordinator` FOREIGN KEY (`territorial_table_coordinator`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- create index "territorial_tables_name_key" to table: "territorial_tables"
CREATE UNIQUE INDEX `territorial_tables_name_key` ON `territorial_tables` (`name`);
-- create index "territorial_tables_code_key" to table: "territorial_tables"
CREATE UNIQUE INDEX `territorial_tables_code_key` ON `territorial_tables` (`code`);
-- create index "territorialtable_created_at" to table: "territorial_tables"
CREATE INDEX `territorialtable_created_at` ON `territorial_tables` (`created_at`);
-- create "users" table
CREATE TABLE `users` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `name` text NOT NULL, `roles` json NOT NULL, `disabled` bool NOT NULL DEFAULT (false), `user_organization` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `users_organizations_organization` FOREIGN KEY (`user_organization`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION);
-- create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`);
-- create index "user_created_at" to table: "users"
CREATE INDEX `user_created_at` ON `users` (`created_at`);
-- create "directive_tables" table
CREATE TABLE `directive_tables` (`directive_id` text NOT NULL, `territorial_table_id` text NOT NULL, PRIMARY KEY (`directive_id`, `territorial_table_id`), CONSTRAINT `directive_tables_directive_id` FOREIGN KEY (`directive_id`) REFERENCES `directives` (`id`) ON DELETE CASCADE, CONSTRAINT `directive_tables_territorial_table_id` FOREIGN KEY (`territorial_table_id`) REFERENCES `territorial_tables` (`id`) ON DELETE CASCADE);
-- create "meeting_attendees" table
CREATE TABLE `meeting_attendees` (`meeting_id` text NOT NULL, `user_id` text NOT NULL, PRIMARY KEY (`meeting_id`, `user_id`), CONSTRAINT `meeting_attendees_meeting_id` FOREIGN KEY (`meeting_id`) REFERENCES `meetings` (`id`) ON DELETE CASCADE, CONSTRAINT `meeting_attendees_user_id` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE);
-- create "pact_signatories" table
CREATE TABLE `pact_signatories` (`pact_id` text NOT NULL, `organization_id` text NOT NULL, PRIMARY KEY (`pact_id`, `organization_id`), CONSTRAINT `pact_signatories_pact_id` FOREIGN KEY (`pact_id`) REFERENCES `pacts` (`id`) ON DELETE CASCADE, CONSTRAINT `pact_signatories_organization_id` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE CASCADE);
-- create "protocol_objectives" table
CREATE TABLE `protocol_objectives` (`protocol_id` text NOT NULL, `objective_id` text NOT NULL, PRIMARY KEY (`protocol_id`, `objective_id`), CONSTRAINT `protocol_objectives_protocol_id` FOREIGN KEY (`protocol_id`) REFERENCES `protocols` (`id`) ON DELETE CASCADE, CONSTRAINT `protocol_objectives_objective_id` FOREIGN KEY (`objective_id`) REFERENCES `objectives` (`id`) ON DELETE CASCADE);
-- create "territorial_table_municipalities" table
CREATE TABLE `territorial_table_municipalities` (`territorial_table_id` text NOT NULL, `municipality_id` text NOT NULL, PRIMARY KEY (`territorial_table_id`, `municipality_id`), CONSTRAINT `territorial_table_municipalities_territorial_table_id` FOREIGN KEY (`territorial_table_id`) REFERENCES `territorial_tables` (`id`) ON DELETE CASCADE, CONSTRAINT `territorial_table_municipalities_municipality_id` FOREIGN KEY (`municipality_id`) REFERENCES `municipalities` (`id`) ON DELETE CASCADE);
