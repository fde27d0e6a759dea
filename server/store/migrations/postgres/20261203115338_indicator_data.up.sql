-- Each server process keeps the indicators it has computed (server/indicator,
-- Cache) until the data they are computed from change. These triggers tell
-- every process, at commit, that some data changed: any table but those
-- store.NotDataTables names (sessions, tokens, the audit trail, the cases'
-- timelines). The notification carries nothing: its listeners forget every
-- result. The channel is the schema's, so that installations sharing a
-- server do not disturb each other's caches. TestDataTriggers checks that
-- every table of the schema but those has its trigger.
CREATE FUNCTION "indicator_data_channel"() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT 'win_indicator_data_' || substr(md5(current_schema()), 1, 16)
$$;
CREATE FUNCTION "indicator_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify("indicator_data_channel"(), '');
  RETURN NULL;
END
$$;
CREATE TRIGGER "assessments_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "assessments"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "cases_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cases"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "commitments_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "commitments"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "decisions_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "decisions"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "directives_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "directives"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "directive_acknowledgements_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "directive_acknowledgements"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "funds_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "funds"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "goals_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "goals"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "interventions_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "interventions"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "meetings_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "monitoring_items_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "monitoring_items"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "monitoring_meetings_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "monitoring_meetings"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "municipalities_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "municipalities"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "objectives_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "objectives"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "organizations_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "outcomes_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "outcomes"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "pacts_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pacts"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "persons_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "persons"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "person_identities_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "person_identities"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "plans_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "protocols_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "protocols"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "protocol_commitments_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "protocol_commitments"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "protocol_parties_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "protocol_parties"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "table_memberships_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "table_memberships"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "territorial_tables_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "territorial_tables"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "users_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "case_file_team_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "case_file_team"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "directive_tables_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "directive_tables"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "meeting_attendees_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meeting_attendees"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "objective_tables_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "objective_tables"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "objective_municipalities_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "objective_municipalities"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "pact_signatories_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pact_signatories"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "protocol_objectives_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "protocol_objectives"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "territorial_table_municipalities_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "territorial_table_municipalities"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
