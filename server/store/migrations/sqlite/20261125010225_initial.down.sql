-- reverse: create "territorial_table_municipalities" table
DROP TABLE `territorial_table_municipalities`;
-- reverse: create "protocol_objectives" table
DROP TABLE `protocol_objectives`;
-- reverse: create "pact_signatories" table
DROP TABLE `pact_signatories`;
-- reverse: create "meeting_attendees" table
DROP TABLE `meeting_attendees`;
-- reverse: create "directive_tables" table
DROP TABLE `directive_tables`;
-- reverse: create index "user_created_at" to table: "users"
DROP INDEX `user_created_at`;
-- reverse: create index "users_email_key" to table: "users"
DROP INDEX `users_email_key`;
-- reverse: create "users" table
DROP TABLE `users`;
-- reverse: create index "territorialtable_created_at" to table: "territorial_tables"
DROP INDEX `territorialtable_created_at`;
-- reverse: create index "territorial_tables_code_key" to table: "territorial_tables"
DROP INDEX `territorial_tables_code_key`;
-- reverse: create index "territorial_tables_name_key" to table: "territorial_tables"
DROP INDEX `territorial_tables_name_key`;
-- reverse: create "territorial_tables" table
DROP TABLE `territorial_tables`;
-- reverse: create index "tablemembership_table_membership_table_table_membership_user" to table: "table_memberships"
DROP INDEX `tablemembership_table_membership_table_table_membership_user`;
-- reverse: create index "tablemembership_created_at" to table: "table_memberships"
DROP INDEX `tablemembership_created_at`;
-- reverse: create "table_memberships" table
DROP TABLE `table_memberships`;
-- reverse: create index "protocolparty_protocol_party_pr_8e4aecd6a1d93b34cc1deed08ff8c765" to table: "protocol_parties"
DROP INDEX `protocolparty_protocol_party_pr_8e4aecd6a1d93b34cc1deed08ff8c765`;
-- reverse: create index "protocolparty_created_at" to table: "protocol_parties"
DROP INDEX `protocolparty_created_at`;
-- reverse: create "protocol_parties" table
DROP TABLE `protocol_parties`;
-- reverse: create index "protocolcommitment_status_due_on" to table: "protocol_commitments"
DROP INDEX `protocolcommitment_status_due_on`;
-- reverse: create index "protocolcommitment_created_at" to table: "protocol_commitments"
DROP INDEX `protocolcommitment_created_at`;
-- reverse: create "protocol_commitments" table
DROP TABLE `protocol_commitments`;
-- reverse: create index "protocol_status" to table: "protocols"
DROP INDEX `protocol_status`;
-- reverse: create index "protocol_created_at" to table: "protocols"
DROP INDEX `protocol_created_at`;
-- reverse: create "protocols" table
DROP TABLE `protocols`;
-- reverse: create index "plan_created_at" to table: "plans"
DROP INDEX `plan_created_at`;
-- reverse: create index "plans_case_file_plan_key" to table: "plans"
DROP INDEX `plans_case_file_plan_key`;
-- reverse: create "plans" table
DROP TABLE `plans`;
-- reverse: create index "personidentity_last_name_first_name_birth_date" to table: "person_identities"
DROP INDEX `personidentity_last_name_first_name_birth_date`;
-- reverse: create index "personidentity_created_at" to table: "person_identities"
DROP INDEX `personidentity_created_at`;
-- reverse: create index "person_identities_person_identity_key" to table: "person_identities"
DROP INDEX `person_identities_person_identity_key`;
-- reverse: create index "person_identities_tax_code_key" to table: "person_identities"
DROP INDEX `person_identities_tax_code_key`;
-- reverse: create "person_identities" table
DROP TABLE `person_identities`;
-- reverse: create index "person_gender" to table: "persons"
DROP INDEX `person_gender`;
-- reverse: create index "person_birth_year" to table: "persons"
DROP INDEX `person_birth_year`;
-- reverse: create index "person_created_at" to table: "persons"
DROP INDEX `person_created_at`;
-- reverse: create index "persons_pseudonym_key" to table: "persons"
DROP INDEX `persons_pseudonym_key`;
-- reverse: create "persons" table
DROP TABLE `persons`;
-- reverse: create index "pact_created_at" to table: "pacts"
DROP INDEX `pact_created_at`;
-- reverse: create "pacts" table
DROP TABLE `pacts`;
-- reverse: create index "outcome_outcome_case" to table: "outcomes"
DROP INDEX `outcome_outcome_case`;
-- reverse: create index "outcome_achieved_on" to table: "outcomes"
DROP INDEX `outcome_achieved_on`;
-- reverse: create index "outcome_kind" to table: "outcomes"
DROP INDEX `outcome_kind`;
-- reverse: create index "outcome_created_at" to table: "outcomes"
DROP INDEX `outcome_created_at`;
-- reverse: create "outcomes" table
DROP TABLE `outcomes`;
-- reverse: create index "organization_kind" to table: "organizations"
DROP INDEX `organization_kind`;
-- reverse: create index "organization_created_at" to table: "organizations"
DROP INDEX `organization_created_at`;
-- reverse: create index "organizations_name_key" to table: "organizations"
DROP INDEX `organizations_name_key`;
-- reverse: create "organizations" table
DROP TABLE `organizations`;
-- reverse: create index "objective_created_at" to table: "objectives"
DROP INDEX `objective_created_at`;
-- reverse: create "objectives" table
DROP TABLE `objectives`;
-- reverse: create index "municipality_created_at" to table: "municipalities"
DROP INDEX `municipality_created_at`;
-- reverse: create index "municipalities_istat_code_key" to table: "municipalities"
DROP INDEX `municipalities_istat_code_key`;
-- reverse: create index "municipalities_name_key" to table: "municipalities"
DROP INDEX `municipalities_name_key`;
-- reverse: create "municipalities" table
DROP TABLE `municipalities`;
-- reverse: create index "meeting_body_held_at" to table: "meetings"
DROP INDEX `meeting_body_held_at`;
-- reverse: create index "meeting_created_at" to table: "meetings"
DROP INDEX `meeting_created_at`;
-- reverse: create "meetings" table
DROP TABLE `meetings`;
-- reverse: create index "intervention_intervention_case" to table: "interventions"
DROP INDEX `intervention_intervention_case`;
-- reverse: create index "intervention_starts_on" to table: "interventions"
DROP INDEX `intervention_starts_on`;
-- reverse: create index "intervention_status" to table: "interventions"
DROP INDEX `intervention_status`;
-- reverse: create index "intervention_created_at" to table: "interventions"
DROP INDEX `intervention_created_at`;
-- reverse: create "interventions" table
DROP TABLE `interventions`;
-- reverse: create index "goal_created_at" to table: "goals"
DROP INDEX `goal_created_at`;
-- reverse: create "goals" table
DROP TABLE `goals`;
-- reverse: create index "fund_year_fund_municipality" to table: "funds"
DROP INDEX `fund_year_fund_municipality`;
-- reverse: create index "fund_created_at" to table: "funds"
DROP INDEX `fund_created_at`;
-- reverse: create "funds" table
DROP TABLE `funds`;
-- reverse: create index "directive_created_at" to table: "directives"
DROP INDEX `directive_created_at`;
-- reverse: create "directives" table
DROP TABLE `directives`;
-- reverse: create index "decision_created_at" to table: "decisions"
DROP INDEX `decision_created_at`;
-- reverse: create "decisions" table
DROP TABLE `decisions`;
-- reverse: create index "commitment_created_at" to table: "commitments"
DROP INDEX `commitment_created_at`;
-- reverse: create "commitments" table
DROP TABLE `commitments`;
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
-- reverse: create index "cases_code_key" to table: "cases"
DROP INDEX `cases_code_key`;
-- reverse: create "cases" table
DROP TABLE `cases`;
-- reverse: create index "caseevent_occurred_at_case_event_case" to table: "case_events"
DROP INDEX `caseevent_occurred_at_case_event_case`;
-- reverse: create index "caseevent_created_at" to table: "case_events"
DROP INDEX `caseevent_created_at`;
-- reverse: create "case_events" table
DROP TABLE `case_events`;
-- reverse: create index "auditevent_action" to table: "audit_events"
DROP INDEX `auditevent_action`;
-- reverse: create index "auditevent_entity_id" to table: "audit_events"
DROP INDEX `auditevent_entity_id`;
-- reverse: create index "auditevent_occurred_at" to table: "audit_events"
DROP INDEX `auditevent_occurred_at`;
-- reverse: create "audit_events" table
DROP TABLE `audit_events`;
