-- modify "decisions" table
ALTER TABLE "decisions" ADD COLUMN "level" character varying NULL;
-- modify "protocol_parties" table
ALTER TABLE "protocol_parties" ADD COLUMN "signed_on" date NULL, ADD COLUMN "signer_name" character varying NULL, ADD COLUMN "signer_role" character varying NULL;
-- create "committee_members" table
CREATE TABLE "committee_members" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "role" character varying NOT NULL, "from_on" date NOT NULL, "until_on" date NULL, "committee_member_organization" character varying NOT NULL, "committee_member_representative" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "committee_members_organizations_organization" FOREIGN KEY ("committee_member_organization") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "committee_members_users_representative" FOREIGN KEY ("committee_member_representative") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "committeemember_created_at" to table: "committee_members"
CREATE INDEX "committeemember_created_at" ON "committee_members" ("created_at");
-- create index "committeemember_until_on" to table: "committee_members"
CREATE INDEX "committeemember_until_on" ON "committee_members" ("until_on");
-- modify "directives" table
ALTER TABLE "directives" ADD COLUMN "due_on" date NULL, ADD COLUMN "level" character varying NOT NULL DEFAULT 'STRATEGIC';
-- create "community_activities" table
CREATE TABLE "community_activities" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "title" character varying NOT NULL, "kind" character varying NOT NULL, "held_on" date NOT NULL, "participants" bigint NOT NULL, "value_dimension" character varying NOT NULL, "description" text NULL, "community_activity_municipality" character varying NULL, "community_activity_protocol" character varying NULL, "community_activity_directive" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "community_activities_directives_directive" FOREIGN KEY ("community_activity_directive") REFERENCES "directives" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "community_activities_municipalities_municipality" FOREIGN KEY ("community_activity_municipality") REFERENCES "municipalities" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "community_activities_protocols_protocol" FOREIGN KEY ("community_activity_protocol") REFERENCES "protocols" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "communityactivity_created_at" to table: "community_activities"
CREATE INDEX "communityactivity_created_at" ON "community_activities" ("created_at");
-- create index "communityactivity_held_on" to table: "community_activities"
CREATE INDEX "communityactivity_held_on" ON "community_activities" ("held_on");
-- create "community_activity_organizers" table
CREATE TABLE "community_activity_organizers" ("community_activity_id" character varying NOT NULL, "organization_id" character varying NOT NULL, PRIMARY KEY ("community_activity_id", "organization_id"), CONSTRAINT "community_activity_organizers_community_activity_id" FOREIGN KEY ("community_activity_id") REFERENCES "community_activities" ("id") ON UPDATE NO ACTION ON DELETE CASCADE, CONSTRAINT "community_activity_organizers_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);
-- modify "directive_acknowledgements" table
ALTER TABLE "directive_acknowledgements" ADD COLUMN "status" character varying NOT NULL DEFAULT 'ACKNOWLEDGED', ADD COLUMN "status_on" date NULL, ADD COLUMN "evidence" text NULL, ADD COLUMN "reason" text NULL;
-- modify "documents" table
ALTER TABLE "documents" ADD COLUMN "document_directive_progress" character varying NULL, ADD CONSTRAINT "documents_directive_acknowledgements_directive_progress" FOREIGN KEY ("document_directive_progress") REFERENCES "directive_acknowledgements" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- modify "interventions" table
ALTER TABLE "interventions" ADD COLUMN "intervention_protocol" character varying NULL, ADD CONSTRAINT "interventions_protocols_protocol" FOREIGN KEY ("intervention_protocol") REFERENCES "protocols" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- create index "intervention_intervention_protocol" to table: "interventions"
CREATE INDEX "intervention_intervention_protocol" ON "interventions" ("intervention_protocol");
-- modify "pacts" table
ALTER TABLE "pacts" ADD COLUMN "text" text NULL;
-- create "pact_amendments" table
CREATE TABLE "pact_amendments" ("id" character varying NOT NULL, "amended_on" date NOT NULL, "summary" text NOT NULL, "previous_text" text NULL, "recorded_at" timestamptz NOT NULL, "pact_amendment_pact" character varying NOT NULL, "pact_amendment_recorded_by" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "pact_amendments_pacts_pact" FOREIGN KEY ("pact_amendment_pact") REFERENCES "pacts" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "pact_amendments_users_recorded_by" FOREIGN KEY ("pact_amendment_recorded_by") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create "pact_signatures" table
CREATE TABLE "pact_signatures" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "role" character varying NOT NULL, "joined_on" date NOT NULL, "left_on" date NULL, "leaving_reason" text NULL, "signer_name" character varying NULL, "signer_role" character varying NULL, "pact_signatory_pact" character varying NOT NULL, "pact_signatory_organization" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "pact_signatures_organizations_organization" FOREIGN KEY ("pact_signatory_organization") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "pact_signatures_pacts_pact" FOREIGN KEY ("pact_signatory_pact") REFERENCES "pacts" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "pactsignatory_created_at" to table: "pact_signatures"
CREATE INDEX "pactsignatory_created_at" ON "pact_signatures" ("created_at");
-- create index "pactsignatory_pact_signatory_pact_pact_signatory_organization" to table: "pact_signatures"
CREATE INDEX "pactsignatory_pact_signatory_pact_pact_signatory_organization" ON "pact_signatures" ("pact_signatory_pact", "pact_signatory_organization");
-- the signatories of before become the pact's promoters, on the day it
-- was signed (hand-written: the join table had no role nor dates; each
-- gets a fresh ID of the kind gid.New writes)
INSERT INTO "pact_signatures" ("id", "created_at", "updated_at", "role", "joined_on", "pact_signatory_pact", "pact_signatory_organization")
SELECT 'psg_' || translate(substr(md5(random()::text || ps.pact_id || ps.organization_id), 1, 26), '0189', 'wxyz'), now(), now(), 'PROMOTER', p.signed_on, ps.pact_id, ps.organization_id
FROM "pact_signatories" ps JOIN "pacts" p ON p.id = ps.pact_id;
DROP TABLE "pact_signatories";
-- community activities count in the indicators (see indicator_data); the
-- pact's signatories and amendments and the committee's seats do not
CREATE TRIGGER "community_activities_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "community_activities"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
CREATE TRIGGER "community_activity_organizers_indicator_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "community_activity_organizers"
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_data_changed"();
