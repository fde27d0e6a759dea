-- create "municipalities" table
CREATE TABLE "municipalities" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "istat_code" character varying NOT NULL, "population" bigint NOT NULL, "province" character varying NOT NULL DEFAULT 'FI', PRIMARY KEY ("id"));
-- create index "municipalities_istat_code_key" to table: "municipalities"
CREATE UNIQUE INDEX "municipalities_istat_code_key" ON "municipalities" ("istat_code");
-- create index "municipalities_name_key" to table: "municipalities"
CREATE UNIQUE INDEX "municipalities_name_key" ON "municipalities" ("name");
-- create index "municipality_created_at" to table: "municipalities"
CREATE INDEX "municipality_created_at" ON "municipalities" ("created_at");
-- create "organizations" table
CREATE TABLE "organizations" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "kind" character varying NOT NULL, "email" character varying NULL, "phone" character varying NULL, "website" character varying NULL, "address" character varying NULL, "organization_municipality" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "organizations_municipalities_municipality" FOREIGN KEY ("organization_municipality") REFERENCES "municipalities" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "organization_created_at" to table: "organizations"
CREATE INDEX "organization_created_at" ON "organizations" ("created_at");
-- create index "organization_kind" to table: "organizations"
CREATE INDEX "organization_kind" ON "organizations" ("kind");
-- create index "organizations_name_key" to table: "organizations"
CREATE UNIQUE INDEX "organizations_name_key" ON "organizations" ("name");
-- create "users" table
CREATE TABLE "users" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "email" character varying NOT NULL, "name" character varying NOT NULL, "roles" jsonb NOT NULL, "disabled" boolean NOT NULL DEFAULT false, "user_organization" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "users_organizations_organization" FOREIGN KEY ("user_organization") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "user_created_at" to table: "users"
CREATE INDEX "user_created_at" ON "users" ("created_at");
-- create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");
-- create "audit_events" table
CREATE TABLE "audit_events" ("id" character varying NOT NULL, "occurred_at" timestamptz NOT NULL, "action" character varying NOT NULL, "entity_type" character varying NULL, "entity_id" character varying NULL, "request_id" character varying NULL, "client_address" character varying NULL, "audit_event_actor" character varying NULL, "audit_event_organization" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "audit_events_organizations_organization" FOREIGN KEY ("audit_event_organization") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "audit_events_users_actor" FOREIGN KEY ("audit_event_actor") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "auditevent_action" to table: "audit_events"
CREATE INDEX "auditevent_action" ON "audit_events" ("action");
-- create index "auditevent_entity_id" to table: "audit_events"
CREATE INDEX "auditevent_entity_id" ON "audit_events" ("entity_id");
-- create index "auditevent_occurred_at" to table: "audit_events"
CREATE INDEX "auditevent_occurred_at" ON "audit_events" ("occurred_at");
-- create "persons" table
CREATE TABLE "persons" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "pseudonym" character varying NOT NULL, "birth_year" bigint NOT NULL, "gender" character varying NOT NULL, "household_size" bigint NOT NULL DEFAULT 1, "citizenship_area" character varying NOT NULL, "person_municipality" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "persons_municipalities_municipality" FOREIGN KEY ("person_municipality") REFERENCES "municipalities" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "person_birth_year" to table: "persons"
CREATE INDEX "person_birth_year" ON "persons" ("birth_year");
-- create index "person_created_at" to table: "persons"
CREATE INDEX "person_created_at" ON "persons" ("created_at");
-- create index "person_gender" to table: "persons"
CREATE INDEX "person_gender" ON "persons" ("gender");
-- create index "persons_pseudonym_key" to table: "persons"
CREATE UNIQUE INDEX "persons_pseudonym_key" ON "persons" ("pseudonym");
-- create "territorial_tables" table
CREATE TABLE "territorial_tables" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "code" character varying NOT NULL, "days_to_first_meeting" bigint NOT NULL DEFAULT 60, "days_to_plan" bigint NOT NULL DEFAULT 120, "territorial_table_coordinator" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "territorial_tables_users_coordinator" FOREIGN KEY ("territorial_table_coordinator") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "territorial_tables_code_key" to table: "territorial_tables"
CREATE UNIQUE INDEX "territorial_tables_code_key" ON "territorial_tables" ("code");
-- create index "territorial_tables_name_key" to table: "territorial_tables"
CREATE UNIQUE INDEX "territorial_tables_name_key" ON "territorial_tables" ("name");
-- create index "territorialtable_created_at" to table: "territorial_tables"
CREATE INDEX "territorialtable_created_at" ON "territorial_tables" ("created_at");
-- create "cases" table
CREATE TABLE "cases" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "code" character varying NOT NULL, "referred_on" timestamptz NOT NULL, "referral_reason" text NOT NULL, "need_areas" jsonb NOT NULL, "status" character varying NOT NULL DEFAULT 'REFERRED', "priority" character varying NOT NULL DEFAULT 'MEDIUM', "taken_in_charge_on" timestamptz NULL, "closed_on" timestamptz NULL, "closure_reason" character varying NULL, "decline_reason" text NULL, "consent_given_at" timestamptz NULL, "version" bigint NOT NULL DEFAULT 1, "case_file_person" character varying NOT NULL, "case_file_table" character varying NOT NULL, "case_file_referring_organization" character varying NOT NULL, "case_file_referring_operator" character varying NULL, "case_file_case_manager" character varying NULL, "case_file_next_case" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "cases_cases_next_case" FOREIGN KEY ("case_file_next_case") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "cases_organizations_referring_organization" FOREIGN KEY ("case_file_referring_organization") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "cases_persons_person" FOREIGN KEY ("case_file_person") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "cases_territorial_tables_table" FOREIGN KEY ("case_file_table") REFERENCES "territorial_tables" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "cases_users_case_manager" FOREIGN KEY ("case_file_case_manager") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "cases_users_referring_operator" FOREIGN KEY ("case_file_referring_operator") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "casefile_case_file_person" to table: "cases"
CREATE INDEX "casefile_case_file_person" ON "cases" ("case_file_person");
-- create index "casefile_created_at" to table: "cases"
CREATE INDEX "casefile_created_at" ON "cases" ("created_at");
-- create index "casefile_referred_on" to table: "cases"
CREATE INDEX "casefile_referred_on" ON "cases" ("referred_on");
-- create index "casefile_status" to table: "cases"
CREATE INDEX "casefile_status" ON "cases" ("status");
-- create index "casefile_status_case_file_table" to table: "cases"
CREATE INDEX "casefile_status_case_file_table" ON "cases" ("status", "case_file_table");
-- create index "cases_case_file_next_case_key" to table: "cases"
CREATE UNIQUE INDEX "cases_case_file_next_case_key" ON "cases" ("case_file_next_case");
-- create index "cases_code_key" to table: "cases"
CREATE UNIQUE INDEX "cases_code_key" ON "cases" ("code");
-- create "case_events" table
CREATE TABLE "case_events" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "occurred_at" timestamptz NOT NULL, "note" text NULL, "case_event_case" character varying NOT NULL, "case_event_actor" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "case_events_cases_case" FOREIGN KEY ("case_event_case") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "case_events_users_actor" FOREIGN KEY ("case_event_actor") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "caseevent_created_at" to table: "case_events"
CREATE INDEX "caseevent_created_at" ON "case_events" ("created_at");
-- create index "caseevent_occurred_at_case_event_case" to table: "case_events"
CREATE INDEX "caseevent_occurred_at_case_event_case" ON "case_events" ("occurred_at", "case_event_case");
-- create "plans" table
CREATE TABLE "plans" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "summary" text NULL, "agreed_on" timestamptz NULL, "review_on" timestamptz NULL, "case_file_plan" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "plans_cases_plan" FOREIGN KEY ("case_file_plan") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "plan_created_at" to table: "plans"
CREATE INDEX "plan_created_at" ON "plans" ("created_at");
-- create index "plans_case_file_plan_key" to table: "plans"
CREATE UNIQUE INDEX "plans_case_file_plan_key" ON "plans" ("case_file_plan");
-- create "commitments" table
CREATE TABLE "commitments" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "description" text NOT NULL, "hours_agreed" bigint NOT NULL, "hours_done" bigint NOT NULL DEFAULT 0, "due_on" timestamptz NULL, "commitment_plan" character varying NOT NULL, "commitment_host" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "commitments_organizations_host" FOREIGN KEY ("commitment_host") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "commitments_plans_plan" FOREIGN KEY ("commitment_plan") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "commitment_created_at" to table: "commitments"
CREATE INDEX "commitment_created_at" ON "commitments" ("created_at");
-- create "directives" table
CREATE TABLE "directives" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "title" character varying NOT NULL, "body" text NOT NULL, "issued_on" timestamptz NOT NULL, "all_tables" boolean NOT NULL DEFAULT false, PRIMARY KEY ("id"));
-- create index "directive_created_at" to table: "directives"
CREATE INDEX "directive_created_at" ON "directives" ("created_at");
-- create "meetings" table
CREATE TABLE "meetings" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "body" character varying NOT NULL, "held_at" timestamptz NOT NULL, "title" character varying NOT NULL, "minutes" text NULL, "meeting_table" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "meetings_territorial_tables_table" FOREIGN KEY ("meeting_table") REFERENCES "territorial_tables" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "meeting_body_held_at" to table: "meetings"
CREATE INDEX "meeting_body_held_at" ON "meetings" ("body", "held_at");
-- create index "meeting_created_at" to table: "meetings"
CREATE INDEX "meeting_created_at" ON "meetings" ("created_at");
-- create "protocols" table
CREATE TABLE "protocols" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "title" character varying NOT NULL, "purpose" text NULL, "status" character varying NOT NULL DEFAULT 'DRAFT', "signed_on" timestamptz NULL, "valid_from" timestamptz NULL, "valid_until" timestamptz NULL, PRIMARY KEY ("id"));
-- create index "protocol_created_at" to table: "protocols"
CREATE INDEX "protocol_created_at" ON "protocols" ("created_at");
-- create index "protocol_status" to table: "protocols"
CREATE INDEX "protocol_status" ON "protocols" ("status");
-- create "decisions" table
CREATE TABLE "decisions" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "text" text NOT NULL, "decision_meeting" character varying NOT NULL, "decision_directive" character varying NULL, "decision_protocol" character varying NULL, "decision_case" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "decisions_cases_case" FOREIGN KEY ("decision_case") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "decisions_directives_directive" FOREIGN KEY ("decision_directive") REFERENCES "directives" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "decisions_meetings_meeting" FOREIGN KEY ("decision_meeting") REFERENCES "meetings" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "decisions_protocols_protocol" FOREIGN KEY ("decision_protocol") REFERENCES "protocols" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "decision_created_at" to table: "decisions"
CREATE INDEX "decision_created_at" ON "decisions" ("created_at");
-- create "directive_tables" table
CREATE TABLE "directive_tables" ("directive_id" character varying NOT NULL, "territorial_table_id" character varying NOT NULL, PRIMARY KEY ("directive_id", "territorial_table_id"), CONSTRAINT "directive_tables_directive_id" FOREIGN KEY ("directive_id") REFERENCES "directives" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT "directive_tables_territorial_table_id" FOREIGN KEY ("territorial_table_id") REFERENCES "territorial_tables" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);
-- create "funds" table
CREATE TABLE "funds" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "year" bigint NOT NULL, "allocated_cents" bigint NOT NULL, "fund_municipality" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "funds_municipalities_municipality" FOREIGN KEY ("fund_municipality") REFERENCES "municipalities" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "fund_created_at" to table: "funds"
CREATE INDEX "fund_created_at" ON "funds" ("created_at");
-- create index "fund_year_fund_municipality" to table: "funds"
CREATE UNIQUE INDEX "fund_year_fund_municipality" ON "funds" ("year", "fund_municipality");
-- create "goals" table
CREATE TABLE "goals" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "area" character varying NOT NULL, "description" text NOT NULL, "due_on" timestamptz NULL, "status" character varying NOT NULL DEFAULT 'OPEN', "goal_plan" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "goals_plans_plan" FOREIGN KEY ("goal_plan") REFERENCES "plans" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "goal_created_at" to table: "goals"
CREATE INDEX "goal_created_at" ON "goals" ("created_at");
-- create "interventions" table
CREATE TABLE "interventions" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "description" text NULL, "starts_on" timestamptz NOT NULL, "ends_on" timestamptz NULL, "status" character varying NOT NULL DEFAULT 'PLANNED', "cost_cents" bigint NOT NULL DEFAULT 0, "intervention_case" character varying NOT NULL, "intervention_provider" character varying NOT NULL, "intervention_fund" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "interventions_cases_case" FOREIGN KEY ("intervention_case") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "interventions_funds_fund" FOREIGN KEY ("intervention_fund") REFERENCES "funds" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "interventions_organizations_provider" FOREIGN KEY ("intervention_provider") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "intervention_created_at" to table: "interventions"
CREATE INDEX "intervention_created_at" ON "interventions" ("created_at");
-- create index "intervention_intervention_case" to table: "interventions"
CREATE INDEX "intervention_intervention_case" ON "interventions" ("intervention_case");
-- create index "intervention_starts_on" to table: "interventions"
CREATE INDEX "intervention_starts_on" ON "interventions" ("starts_on");
-- create index "intervention_status" to table: "interventions"
CREATE INDEX "intervention_status" ON "interventions" ("status");
-- create "meeting_attendees" table
CREATE TABLE "meeting_attendees" ("meeting_id" character varying NOT NULL, "user_id" character varying NOT NULL, PRIMARY KEY ("meeting_id", "user_id"), CONSTRAINT "meeting_attendees_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT "meeting_attendees_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);
-- create "outcomes" table
CREATE TABLE "outcomes" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "value_dimension" character varying NOT NULL, "achieved_on" timestamptz NOT NULL, "evidence" text NULL, "follow_up_due_on" timestamptz NULL, "followed_up_on" timestamptz NULL, "still_held" boolean NULL, "outcome_case" character varying NOT NULL, "outcome_intervention" character varying NULL, "outcome_verified_by" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "outcomes_cases_case" FOREIGN KEY ("outcome_case") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "outcomes_interventions_intervention" FOREIGN KEY ("outcome_intervention") REFERENCES "interventions" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "outcomes_users_verified_by" FOREIGN KEY ("outcome_verified_by") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "outcome_achieved_on" to table: "outcomes"
CREATE INDEX "outcome_achieved_on" ON "outcomes" ("achieved_on");
-- create index "outcome_created_at" to table: "outcomes"
CREATE INDEX "outcome_created_at" ON "outcomes" ("created_at");
-- create index "outcome_kind" to table: "outcomes"
CREATE INDEX "outcome_kind" ON "outcomes" ("kind");
-- create index "outcome_outcome_case" to table: "outcomes"
CREATE INDEX "outcome_outcome_case" ON "outcomes" ("outcome_case");
-- create "pacts" table
CREATE TABLE "pacts" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "signed_on" timestamptz NOT NULL, "description" text NULL, PRIMARY KEY ("id"));
-- create index "pact_created_at" to table: "pacts"
CREATE INDEX "pact_created_at" ON "pacts" ("created_at");
-- create "pact_signatories" table
CREATE TABLE "pact_signatories" ("pact_id" character varying NOT NULL, "organization_id" character varying NOT NULL, PRIMARY KEY ("pact_id", "organization_id"), CONSTRAINT "pact_signatories_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT "pact_signatories_pact_id" FOREIGN KEY ("pact_id") REFERENCES "pacts" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);
-- create "person_identities" table
CREATE TABLE "person_identities" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "first_name" character varying NOT NULL, "last_name" character varying NOT NULL, "tax_code" character varying NULL, "birth_date" timestamptz NOT NULL, "birth_place" character varying NULL, "email" character varying NULL, "phone" character varying NULL, "address" character varying NULL, "postal_code" character varying NULL, "city" character varying NULL, "person_identity" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "person_identities_persons_identity" FOREIGN KEY ("person_identity") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "person_identities_person_identity_key" to table: "person_identities"
CREATE UNIQUE INDEX "person_identities_person_identity_key" ON "person_identities" ("person_identity");
-- create index "person_identities_tax_code_key" to table: "person_identities"
CREATE UNIQUE INDEX "person_identities_tax_code_key" ON "person_identities" ("tax_code");
-- create index "personidentity_created_at" to table: "person_identities"
CREATE INDEX "personidentity_created_at" ON "person_identities" ("created_at");
-- create index "personidentity_last_name_first_name_birth_date" to table: "person_identities"
CREATE INDEX "personidentity_last_name_first_name_birth_date" ON "person_identities" ("last_name", "first_name", "birth_date");
-- create "protocol_parties" table
CREATE TABLE "protocol_parties" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "role" character varying NOT NULL, "operating_mode" text NULL, "protocol_party_protocol" character varying NOT NULL, "protocol_party_organization" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "protocol_parties_organizations_organization" FOREIGN KEY ("protocol_party_organization") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "protocol_parties_protocols_protocol" FOREIGN KEY ("protocol_party_protocol") REFERENCES "protocols" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "protocolparty_created_at" to table: "protocol_parties"
CREATE INDEX "protocolparty_created_at" ON "protocol_parties" ("created_at");
-- create index "protocolparty_protocol_party_p_afaeca21f9b511a2042db1fc4d22c1bf" to table: "protocol_parties"
CREATE UNIQUE INDEX "protocolparty_protocol_party_p_afaeca21f9b511a2042db1fc4d22c1bf" ON "protocol_parties" ("protocol_party_protocol", "protocol_party_organization");
-- create "protocol_commitments" table
CREATE TABLE "protocol_commitments" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "description" text NOT NULL, "due_on" timestamptz NULL, "status" character varying NOT NULL DEFAULT 'OPEN', "done_on" timestamptz NULL, "evidence" text NULL, "protocol_commitment_party" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "protocol_commitments_protocol_parties_party" FOREIGN KEY ("protocol_commitment_party") REFERENCES "protocol_parties" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "protocolcommitment_created_at" to table: "protocol_commitments"
CREATE INDEX "protocolcommitment_created_at" ON "protocol_commitments" ("created_at");
-- create index "protocolcommitment_status_due_on" to table: "protocol_commitments"
CREATE INDEX "protocolcommitment_status_due_on" ON "protocol_commitments" ("status", "due_on");
-- create "objectives" table
CREATE TABLE "objectives" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "title" character varying NOT NULL, "indicator" character varying NOT NULL, "target" double precision NOT NULL, "lower_is_better" boolean NOT NULL DEFAULT false, "period_start" timestamptz NOT NULL, "period_end" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- create index "objective_created_at" to table: "objectives"
CREATE INDEX "objective_created_at" ON "objectives" ("created_at");
-- create "protocol_objectives" table
CREATE TABLE "protocol_objectives" ("protocol_id" character varying NOT NULL, "objective_id" character varying NOT NULL, PRIMARY KEY ("protocol_id", "objective_id"), CONSTRAINT "protocol_objectives_objective_id" FOREIGN KEY ("objective_id") REFERENCES "objectives" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT "protocol_objectives_protocol_id" FOREIGN KEY ("protocol_id") REFERENCES "protocols" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);
-- create "table_memberships" table
CREATE TABLE "table_memberships" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "profession" character varying NOT NULL, "joined_on" timestamptz NOT NULL, "table_membership_table" character varying NOT NULL, "table_membership_user" character varying NOT NULL, "table_membership_organization" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "table_memberships_organizations_organization" FOREIGN KEY ("table_membership_organization") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "table_memberships_territorial_tables_table" FOREIGN KEY ("table_membership_table") REFERENCES "territorial_tables" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "table_memberships_users_user" FOREIGN KEY ("table_membership_user") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "tablemembership_created_at" to table: "table_memberships"
CREATE INDEX "tablemembership_created_at" ON "table_memberships" ("created_at");
-- create index "tablemembership_table_membership_table_table_membership_user" to table: "table_memberships"
CREATE UNIQUE INDEX "tablemembership_table_membership_table_table_membership_user" ON "table_memberships" ("table_membership_table", "table_membership_user");
-- create "territorial_table_municipalities" table
CREATE TABLE "territorial_table_municipalities" ("territorial_table_id" character varying NOT NULL, "municipality_id" character varying NOT NULL, PRIMARY KEY ("territorial_table_id", "municipality_id"), CONSTRAINT "territorial_table_municipalities_municipality_id" FOREIGN KEY ("municipality_id") REFERENCES "municipalities" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT "territorial_table_municipalities_territorial_table_id" FOREIGN KEY ("territorial_table_id") REFERENCES "territorial_tables" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);
