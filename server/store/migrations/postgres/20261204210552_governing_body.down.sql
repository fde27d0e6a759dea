-- (hand-written: the signatories go back to the join table they were in,
-- without role nor dates)
CREATE TABLE "pact_signatories" ("pact_id" character varying NOT NULL, "organization_id" character varying NOT NULL, PRIMARY KEY ("pact_id", "organization_id"), CONSTRAINT "pact_signatories_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT "pact_signatories_pact_id" FOREIGN KEY ("pact_id") REFERENCES "pacts" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);
INSERT INTO "pact_signatories" ("pact_id", "organization_id") SELECT DISTINCT "pact_signatory_pact", "pact_signatory_organization" FROM "pact_signatures" WHERE "left_on" IS NULL;
CREATE TRIGGER "pact_signatories_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pact_signatories"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
-- reverse: create index "pactsignatory_pact_signatory_pact_pact_signatory_organization" to table: "pact_signatures"
DROP INDEX "pactsignatory_pact_signatory_pact_pact_signatory_organization";
-- reverse: create index "pactsignatory_created_at" to table: "pact_signatures"
DROP INDEX "pactsignatory_created_at";
-- reverse: create "pact_signatures" table
DROP TABLE "pact_signatures";
-- reverse: create "pact_amendments" table
DROP TABLE "pact_amendments";
-- reverse: modify "pacts" table
ALTER TABLE "pacts" DROP COLUMN "text";
-- reverse: create index "intervention_intervention_protocol" to table: "interventions"
DROP INDEX "intervention_intervention_protocol";
-- reverse: modify "interventions" table
ALTER TABLE "interventions" DROP CONSTRAINT "interventions_protocols_protocol", DROP COLUMN "intervention_protocol";
-- reverse: modify "documents" table
ALTER TABLE "documents" DROP CONSTRAINT "documents_directive_acknowledgements_directive_progress", DROP COLUMN "document_directive_progress";
-- reverse: modify "directive_acknowledgements" table
ALTER TABLE "directive_acknowledgements" DROP COLUMN "reason", DROP COLUMN "evidence", DROP COLUMN "status_on", DROP COLUMN "status";
-- reverse: create "community_activity_organizers" table
DROP TABLE "community_activity_organizers";
-- reverse: create index "communityactivity_held_on" to table: "community_activities"
DROP INDEX "communityactivity_held_on";
-- reverse: create index "communityactivity_created_at" to table: "community_activities"
DROP INDEX "communityactivity_created_at";
-- reverse: create "community_activities" table
DROP TABLE "community_activities";
-- reverse: modify "directives" table
ALTER TABLE "directives" DROP COLUMN "level", DROP COLUMN "due_on";
-- reverse: create index "committeemember_until_on" to table: "committee_members"
DROP INDEX "committeemember_until_on";
-- reverse: create index "committeemember_created_at" to table: "committee_members"
DROP INDEX "committeemember_created_at";
-- reverse: create "committee_members" table
DROP TABLE "committee_members";
-- reverse: modify "protocol_parties" table
ALTER TABLE "protocol_parties" DROP COLUMN "signer_role", DROP COLUMN "signer_name", DROP COLUMN "signed_on";
-- reverse: modify "decisions" table
ALTER TABLE "decisions" DROP COLUMN "level";
