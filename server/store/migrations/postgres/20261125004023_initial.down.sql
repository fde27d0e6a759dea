-- reverse: modify "territorial_table_municipalities" table
ALTER TABLE "territorial_table_municipalities" DROP CONSTRAINT "territorial_table_municipalities_territorial_table_id", DROP CONSTRAINT "territorial_table_municipalities_municipality_id";
-- reverse: modify "protocol_objectives" table
ALTER TABLE "protocol_objectives" DROP CONSTRAINT "protocol_objectives_protocol_id", DROP CONSTRAINT "protocol_objectives_objective_id";
-- reverse: modify "pact_signatories" table
ALTER TABLE "pact_signatories" DROP CONSTRAINT "pact_signatories_pact_id", DROP CONSTRAINT "pact_signatories_organization_id";
-- reverse: modify "directive_tables" table
ALTER TABLE "directive_tables" DROP CONSTRAINT "directive_tables_territorial_table_id", DROP CONSTRAINT "directive_tables_directive_id";
-- reverse: modify "users" table
ALTER TABLE "users" DROP CONSTRAINT "users_organizations_organization", DROP CONSTRAINT "users_meetings_attendees";
-- reverse: modify "territorial_tables" table
ALTER TABLE "territorial_tables" DROP CONSTRAINT "territorial_tables_users_coordinator";
-- reverse: modify "table_memberships" table
ALTER TABLE "table_memberships" DROP CONSTRAINT "table_memberships_users_user", DROP CONSTRAINT "table_memberships_territorial_tables_table", DROP CONSTRAINT "table_memberships_organizations_organization";
-- reverse: modify "protocol_parties" table
ALTER TABLE "protocol_parties" DROP CONSTRAINT "protocol_parties_protocols_protocol", DROP CONSTRAINT "protocol_parties_organizations_organization";
-- reverse: modify "protocol_commitments" table
ALTER TABLE "protocol_commitments" DROP CONSTRAINT "protocol_commitments_protocol_parties_party";
-- reverse: modify "plans" table
ALTER TABLE "plans" DROP CONSTRAINT "plans_cases_plan";
-- reverse: modify "person_identities" table
ALTER TABLE "person_identities" DROP CONSTRAINT "person_identities_persons_identity";
-- reverse: modify "persons" table
ALTER TABLE "persons" DROP CONSTRAINT "persons_municipalities_municipality";
-- reverse: modify "outcomes" table
ALTER TABLE "outcomes" DROP CONSTRAINT "outcomes_users_verified_by", DROP CONSTRAINT "outcomes_interventions_intervention", DROP CONSTRAINT "outcomes_cases_case";
-- reverse: modify "organizations" table
ALTER TABLE "organizations" DROP CONSTRAINT "organizations_municipalities_municipality";
-- reverse: modify "meetings" table
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_territorial_tables_table";
-- reverse: modify "interventions" table
ALTER TABLE "interventions" DROP CONSTRAINT "interventions_organizations_provider", DROP CONSTRAINT "interventions_funds_fund", DROP CONSTRAINT "interventions_cases_case";
-- reverse: modify "goals" table
ALTER TABLE "goals" DROP CONSTRAINT "goals_plans_plan";
-- reverse: modify "funds" table
ALTER TABLE "funds" DROP CONSTRAINT "funds_municipalities_municipality";
-- reverse: modify "decisions" table
ALTER TABLE "decisions" DROP CONSTRAINT "decisions_protocols_protocol", DROP CONSTRAINT "decisions_meetings_meeting", DROP CONSTRAINT "decisions_directives_directive", DROP CONSTRAINT "decisions_cases_case";
-- reverse: modify "commitments" table
ALTER TABLE "commitments" DROP CONSTRAINT "commitments_plans_plan", DROP CONSTRAINT "commitments_organizations_host";
-- reverse: modify "cases" table
ALTER TABLE "cases" DROP CONSTRAINT "cases_users_referring_operator", DROP CONSTRAINT "cases_users_case_manager", DROP CONSTRAINT "cases_territorial_tables_table", DROP CONSTRAINT "cases_persons_person", DROP CONSTRAINT "cases_organizations_referring_organization";
-- reverse: modify "case_events" table
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_users_actor", DROP CONSTRAINT "case_events_cases_case";
-- reverse: modify "audit_events" table
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_users_actor", DROP CONSTRAINT "audit_events_organizations_organization";
-- reverse: create "territorial_table_municipalities" table
DROP TABLE "territorial_table_municipalities";
-- reverse: create "protocol_objectives" table
DROP TABLE "protocol_objectives";
-- reverse: create "pact_signatories" table
DROP TABLE "pact_signatories";
-- reverse: create "directive_tables" table
DROP TABLE "directive_tables";
-- reverse: create index "users_email_key" to table: "users"
DROP INDEX "users_email_key";
-- reverse: create index "user_created_at" to table: "users"
DROP INDEX "user_created_at";
-- reverse: create "users" table
DROP TABLE "users";
-- reverse: create index "territorialtable_created_at" to table: "territorial_tables"
DROP INDEX "territorialtable_created_at";
-- reverse: create index "territorial_tables_name_key" to table: "territorial_tables"
DROP INDEX "territorial_tables_name_key";
-- reverse: create index "territorial_tables_code_key" to table: "territorial_tables"
DROP INDEX "territorial_tables_code_key";
-- reverse: create "territorial_tables" table
DROP TABLE "territorial_tables";
-- reverse: create index "tablemembership_table_membership_table_table_membership_user" to table: "table_memberships"
DROP INDEX "tablemembership_table_membership_table_table_membership_user";
-- reverse: create index "tablemembership_created_at" to table: "table_memberships"
DROP INDEX "tablemembership_created_at";
-- reverse: create "table_memberships" table
DROP TABLE "table_memberships";
-- reverse: create index "protocolparty_protocol_party_p_afaeca21f9b511a2042db1fc4d22c1bf" to table: "protocol_parties"
DROP INDEX "protocolparty_protocol_party_p_afaeca21f9b511a2042db1fc4d22c1bf";
-- reverse: create index "protocolparty_created_at" to table: "protocol_parties"
DROP INDEX "protocolparty_created_at";
-- reverse: create "protocol_parties" table
DROP TABLE "protocol_parties";
-- reverse: create index "protocolcommitment_status_due_on" to table: "protocol_commitments"
DROP INDEX "protocolcommitment_status_due_on";
-- reverse: create index "protocolcommitment_created_at" to table: "protocol_commitments"
DROP INDEX "protocolcommitment_created_at";
-- reverse: create "protocol_commitments" table
DROP TABLE "protocol_commitments";
-- reverse: create index "protocol_status" to table: "protocols"
DROP INDEX "protocol_status";
-- reverse: create index "protocol_created_at" to table: "protocols"
DROP INDEX "protocol_created_at";
-- reverse: create "protocols" table
DROP TABLE "protocols";
-- reverse: create index "plans_case_file_plan_key" to table: "plans"
DROP INDEX "plans_case_file_plan_key";
-- reverse: create index "plan_created_at" to table: "plans"
DROP INDEX "plan_created_at";
-- reverse: create "plans" table
DROP TABLE "plans";
-- reverse: create index "personidentity_last_name_first_name_birth_date" to table: "person_identities"
DROP INDEX "personidentity_last_name_first_name_birth_date";
-- reverse: create index "personidentity_created_at" to table: "person_identities"
DROP INDEX "personidentity_created_at";
-- reverse: create index "person_identities_tax_code_key" to table: "person_identities"
DROP INDEX "person_identities_tax_code_key";
-- reverse: create index "person_identities_person_identity_key" to table: "person_identities"
DROP INDEX "person_identities_person_identity_key";
-- reverse: create "person_identities" table
DROP TABLE "person_identities";
-- reverse: create index "persons_pseudonym_key" to table: "persons"
DROP INDEX "persons_pseudonym_key";
-- reverse: create index "person_gender" to table: "persons"
DROP INDEX "person_gender";
-- reverse: create index "person_created_at" to table: "persons"
DROP INDEX "person_created_at";
-- reverse: create index "person_birth_year" to table: "persons"
DROP INDEX "person_birth_year";
-- reverse: create "persons" table
DROP TABLE "persons";
-- reverse: create index "pact_created_at" to table: "pacts"
DROP INDEX "pact_created_at";
-- reverse: create "pacts" table
DROP TABLE "pacts";
-- reverse: create index "outcome_outcome_case" to table: "outcomes"
DROP INDEX "outcome_outcome_case";
-- reverse: create index "outcome_kind" to table: "outcomes"
DROP INDEX "outcome_kind";
-- reverse: create index "outcome_created_at" to table: "outcomes"
DROP INDEX "outcome_created_at";
-- reverse: create index "outcome_achieved_on" to table: "outcomes"
DROP INDEX "outcome_achieved_on";
-- reverse: create "outcomes" table
DROP TABLE "outcomes";
-- reverse: create index "organizations_name_key" to table: "organizations"
DROP INDEX "organizations_name_key";
-- reverse: create index "organization_kind" to table: "organizations"
DROP INDEX "organization_kind";
-- reverse: create index "organization_created_at" to table: "organizations"
DROP INDEX "organization_created_at";
-- reverse: create "organizations" table
DROP TABLE "organizations";
-- reverse: create index "objective_created_at" to table: "objectives"
DROP INDEX "objective_created_at";
-- reverse: create "objectives" table
DROP TABLE "objectives";
-- reverse: create index "municipality_created_at" to table: "municipalities"
DROP INDEX "municipality_created_at";
-- reverse: create index "municipalities_name_key" to table: "municipalities"
DROP INDEX "municipalities_name_key";
-- reverse: create index "municipalities_istat_code_key" to table: "municipalities"
DROP INDEX "municipalities_istat_code_key";
-- reverse: create "municipalities" table
DROP TABLE "municipalities";
-- reverse: create index "meeting_created_at" to table: "meetings"
DROP INDEX "meeting_created_at";
-- reverse: create index "meeting_body_held_at" to table: "meetings"
DROP INDEX "meeting_body_held_at";
-- reverse: create "meetings" table
DROP TABLE "meetings";
-- reverse: create index "intervention_status" to table: "interventions"
DROP INDEX "intervention_status";
-- reverse: create index "intervention_starts_on" to table: "interventions"
DROP INDEX "intervention_starts_on";
-- reverse: create index "intervention_intervention_case" to table: "interventions"
DROP INDEX "intervention_intervention_case";
-- reverse: create index "intervention_created_at" to table: "interventions"
DROP INDEX "intervention_created_at";
-- reverse: create "interventions" table
DROP TABLE "interventions";
-- reverse: create index "goal_created_at" to table: "goals"
DROP INDEX "goal_created_at";
-- reverse: create "goals" table
DROP TABLE "goals";
-- reverse: create index "fund_year_fund_municipality" to table: "funds"
DROP INDEX "fund_year_fund_municipality";
-- reverse: create index "fund_created_at" to table: "funds"
DROP INDEX "fund_created_at";
-- reverse: create "funds" table
DROP TABLE "funds";
-- reverse: create index "directive_created_at" to table: "directives"
DROP INDEX "directive_created_at";
-- reverse: create "directives" table
DROP TABLE "directives";
-- reverse: create index "decision_created_at" to table: "decisions"
DROP INDEX "decision_created_at";
-- reverse: create "decisions" table
DROP TABLE "decisions";
-- reverse: create index "commitment_created_at" to table: "commitments"
DROP INDEX "commitment_created_at";
-- reverse: create "commitments" table
DROP TABLE "commitments";
-- reverse: create index "cases_code_key" to table: "cases"
DROP INDEX "cases_code_key";
-- reverse: create index "cases_case_file_next_case_key" to table: "cases"
DROP INDEX "cases_case_file_next_case_key";
-- reverse: create index "casefile_status_case_file_table" to table: "cases"
DROP INDEX "casefile_status_case_file_table";
-- reverse: create index "casefile_status" to table: "cases"
DROP INDEX "casefile_status";
-- reverse: create index "casefile_referred_on" to table: "cases"
DROP INDEX "casefile_referred_on";
-- reverse: create index "casefile_created_at" to table: "cases"
DROP INDEX "casefile_created_at";
-- reverse: create index "casefile_case_file_person" to table: "cases"
DROP INDEX "casefile_case_file_person";
-- reverse: create "cases" table
DROP TABLE "cases";
-- reverse: create index "caseevent_occurred_at_case_event_case" to table: "case_events"
DROP INDEX "caseevent_occurred_at_case_event_case";
-- reverse: create index "caseevent_created_at" to table: "case_events"
DROP INDEX "caseevent_created_at";
-- reverse: create "case_events" table
DROP TABLE "case_events";
-- reverse: create index "auditevent_occurred_at" to table: "audit_events"
DROP INDEX "auditevent_occurred_at";
-- reverse: create index "auditevent_entity_id" to table: "audit_events"
DROP INDEX "auditevent_entity_id";
-- reverse: create index "auditevent_action" to table: "audit_events"
DROP INDEX "auditevent_action";
-- reverse: create "audit_events" table
DROP TABLE "audit_events";
