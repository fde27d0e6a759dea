-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- add column "level" to table: "decisions"
ALTER TABLE `decisions` ADD COLUMN `level` text NULL;
-- create "new_directives" table
CREATE TABLE `new_directives` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `body` text NOT NULL, `issued_on` date NOT NULL, `all_tables` bool NOT NULL DEFAULT (false), `due_on` date NULL, `level` text NOT NULL DEFAULT ('STRATEGIC'), PRIMARY KEY (`id`));
-- copy rows from old table "directives" to new temporary table "new_directives"
INSERT INTO `new_directives` (`id`, `created_at`, `updated_at`, `title`, `body`, `issued_on`, `all_tables`) SELECT `id`, `created_at`, `updated_at`, `title`, `body`, `issued_on`, `all_tables` FROM `directives`;
-- drop "directives" table after copying rows
DROP TABLE `directives`;
-- rename temporary table "new_directives" to "directives"
ALTER TABLE `new_directives` RENAME TO `directives`;
-- create index "directive_created_at" to table: "directives"
CREATE INDEX `directive_created_at` ON `directives` (`created_at`);
-- create "new_interventions" table
CREATE TABLE `new_interventions` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `description` text NULL, `starts_on` date NOT NULL, `ends_on` date NULL, `status` text NOT NULL DEFAULT ('PLANNED'), `cost_cents` integer NOT NULL DEFAULT (0), `intervention_case` text NOT NULL, `intervention_provider` text NOT NULL, `intervention_fund` text NULL, `intervention_protocol` text NULL, PRIMARY KEY (`id`), CONSTRAINT `interventions_cases_case` FOREIGN KEY (`intervention_case`) REFERENCES `cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `interventions_organizations_provider` FOREIGN KEY (`intervention_provider`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION, CONSTRAINT `interventions_funds_fund` FOREIGN KEY (`intervention_fund`) REFERENCES `funds` (`id`) ON DELETE SET NULL, CONSTRAINT `interventions_protocols_protocol` FOREIGN KEY (`intervention_protocol`) REFERENCES `protocols` (`id`) ON DELETE SET NULL);
-- copy rows from old table "interventions" to new temporary table "new_interventions"
INSERT INTO `new_interventions` (`id`, `created_at`, `updated_at`, `kind`, `description`, `starts_on`, `ends_on`, `status`, `cost_cents`, `intervention_case`, `intervention_provider`, `intervention_fund`) SELECT `id`, `created_at`, `updated_at`, `kind`, `description`, `starts_on`, `ends_on`, `status`, `cost_cents`, `intervention_case`, `intervention_provider`, `intervention_fund` FROM `interventions`;
-- drop "interventions" table after copying rows
DROP TABLE `interventions`;
-- rename temporary table "new_interventions" to "interventions"
ALTER TABLE `new_interventions` RENAME TO `interventions`;
-- create index "intervention_created_at" to table: "interventions"
CREATE INDEX `intervention_created_at` ON `interventions` (`created_at`);
-- create index "intervention_status" to table: "interventions"
CREATE INDEX `intervention_status` ON `interventions` (`status`);
-- create index "intervention_starts_on" to table: "interventions"
CREATE INDEX `intervention_starts_on` ON `interventions` (`starts_on`);
-- create index "intervention_intervention_case" to table: "interventions"
CREATE INDEX `intervention_intervention_case` ON `interventions` (`intervention_case`);
-- create index "intervention_intervention_fund" to table: "interventions"
CREATE INDEX `intervention_intervention_fund` ON `interventions` (`intervention_fund`);
-- create index "intervention_intervention_protocol" to table: "interventions"
CREATE INDEX `intervention_intervention_protocol` ON `interventions` (`intervention_protocol`);
-- add column "text" to table: "pacts"
ALTER TABLE `pacts` ADD COLUMN `text` text NULL;
-- add column "signed_on" to table: "protocol_parties"
ALTER TABLE `protocol_parties` ADD COLUMN `signed_on` date NULL;
-- add column "signer_name" to table: "protocol_parties"
ALTER TABLE `protocol_parties` ADD COLUMN `signer_name` text NULL;
-- add column "signer_role" to table: "protocol_parties"
ALTER TABLE `protocol_parties` ADD COLUMN `signer_role` text NULL;
-- create "new_directive_acknowledgements" table
CREATE TABLE `new_directive_acknowledgements` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `acknowledged_at` datetime NOT NULL, `note` text NULL, `status` text NOT NULL DEFAULT ('ACKNOWLEDGED'), `status_on` date NULL, `evidence` text NULL, `reason` text NULL, `directive_acknowledgement_directive` text NOT NULL, `directive_acknowledgement_table` text NOT NULL, `directive_acknowledgement_acknowledged_by` text NULL, PRIMARY KEY (`id`), CONSTRAINT `directive_acknowledgements_directives_directive` FOREIGN KEY (`directive_acknowledgement_directive`) REFERENCES `directives` (`id`) ON DELETE NO ACTION, CONSTRAINT `directive_acknowledgements_territorial_tables_table` FOREIGN KEY (`directive_acknowledgement_table`) REFERENCES `territorial_tables` (`id`) ON DELETE NO ACTION, CONSTRAINT `directive_acknowledgements_users_acknowledged_by` FOREIGN KEY (`directive_acknowledgement_acknowledged_by`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- copy rows from old table "directive_acknowledgements" to new temporary table "new_directive_acknowledgements"
INSERT INTO `new_directive_acknowledgements` (`id`, `created_at`, `updated_at`, `acknowledged_at`, `note`, `directive_acknowledgement_directive`, `directive_acknowledgement_table`, `directive_acknowledgement_acknowledged_by`) SELECT `id`, `created_at`, `updated_at`, `acknowledged_at`, `note`, `directive_acknowledgement_directive`, `directive_acknowledgement_table`, `directive_acknowledgement_acknowledged_by` FROM `directive_acknowledgements`;
-- drop "directive_acknowledgements" table after copying rows
DROP TABLE `directive_acknowledgements`;
-- rename temporary table "new_directive_acknowledgements" to "directive_acknowledgements"
ALTER TABLE `new_directive_acknowledgements` RENAME TO `directive_acknowledgements`;
-- create index "directiveacknowledgement_created_at" to table: "directive_acknowledgements"
CREATE INDEX `directiveacknowledgement_created_at` ON `directive_acknowledgements` (`created_at`);
-- create index "directiveacknowledgement_direct_4d5042793a19dcc9a90ba66b3ccae3eb" to table: "directive_acknowledgements"
CREATE UNIQUE INDEX `directiveacknowledgement_direct_4d5042793a19dcc9a90ba66b3ccae3eb` ON `directive_acknowledgements` (`directive_acknowledgement_directive`, `directive_acknowledgement_table`);
-- create "new_documents" table
CREATE TABLE `new_documents` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `file_name` text NOT NULL, `media_type` text NOT NULL, `size` integer NOT NULL, `sha256` text NOT NULL, `removed_at` datetime NULL, `removal_reason` text NULL, `erased_at` datetime NULL, `document_case` text NULL, `document_monitoring_meeting` text NULL, `document_commitment` text NULL, `document_meeting` text NULL, `document_directive_progress` text NULL, `document_consent` text NULL, `document_uploaded_by` text NULL, `document_removed_by` text NULL, PRIMARY KEY (`id`), CONSTRAINT `documents_cases_case` FOREIGN KEY (`document_case`) REFERENCES `cases` (`id`) ON DELETE SET NULL, CONSTRAINT `documents_monitoring_meetings_monitoring_meeting` FOREIGN KEY (`document_monitoring_meeting`) REFERENCES `monitoring_meetings` (`id`) ON DELETE SET NULL, CONSTRAINT `documents_protocol_commitments_commitment` FOREIGN KEY (`document_commitment`) REFERENCES `protocol_commitments` (`id`) ON DELETE SET NULL, CONSTRAINT `documents_meetings_meeting` FOREIGN KEY (`document_meeting`) REFERENCES `meetings` (`id`) ON DELETE SET NULL, CONSTRAINT `documents_directive_acknowledgements_directive_progress` FOREIGN KEY (`document_directive_progress`) REFERENCES `directive_acknowledgements` (`id`) ON DELETE SET NULL, CONSTRAINT `documents_consents_consent` FOREIGN KEY (`document_consent`) REFERENCES `consents` (`id`) ON DELETE SET NULL, CONSTRAINT `documents_users_uploaded_by` FOREIGN KEY (`document_uploaded_by`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `documents_users_removed_by` FOREIGN KEY (`document_removed_by`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- copy rows from old table "documents" to new temporary table "new_documents"
INSERT INTO `new_documents` (`id`, `created_at`, `updated_at`, `kind`, `file_name`, `media_type`, `size`, `sha256`, `removed_at`, `removal_reason`, `erased_at`, `document_case`, `document_monitoring_meeting`, `document_commitment`, `document_meeting`, `document_consent`, `document_uploaded_by`, `document_removed_by`) SELECT `id`, `created_at`, `updated_at`, `kind`, `file_name`, `media_type`, `size`, `sha256`, `removed_at`, `removal_reason`, `erased_at`, `document_case`, `document_monitoring_meeting`, `document_commitment`, `document_meeting`, `document_consent`, `document_uploaded_by`, `document_removed_by` FROM `documents`;
-- drop "documents" table after copying rows
DROP TABLE `documents`;
-- rename temporary table "new_documents" to "documents"
ALTER TABLE `new_documents` RENAME TO `documents`;
-- create index "document_created_at" to table: "documents"
CREATE INDEX `document_created_at` ON `documents` (`created_at`);
-- create index "document_document_case" to table: "documents"
CREATE INDEX `document_document_case` ON `documents` (`document_case`);
-- create index "document_document_monitoring_meeting" to table: "documents"
CREATE INDEX `document_document_monitoring_meeting` ON `documents` (`document_monitoring_meeting`);
-- create index "document_document_commitment" to table: "documents"
CREATE INDEX `document_document_commitment` ON `documents` (`document_commitment`);
-- create index "document_document_meeting" to table: "documents"
CREATE INDEX `document_document_meeting` ON `documents` (`document_meeting`);
-- create index "document_document_consent" to table: "documents"
CREATE INDEX `document_document_consent` ON `documents` (`document_consent`);
-- create index "document_sha256" to table: "documents"
CREATE INDEX `document_sha256` ON `documents` (`sha256`);
-- create "committee_members" table
CREATE TABLE `committee_members` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `role` text NOT NULL, `from_on` date NOT NULL, `until_on` date NULL, `committee_member_organization` text NOT NULL, `committee_member_representative` text NULL, PRIMARY KEY (`id`), CONSTRAINT `committee_members_organizations_organization` FOREIGN KEY (`committee_member_organization`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION, CONSTRAINT `committee_members_users_representative` FOREIGN KEY (`committee_member_representative`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- create index "committeemember_created_at" to table: "committee_members"
CREATE INDEX `committeemember_created_at` ON `committee_members` (`created_at`);
-- create index "committeemember_until_on" to table: "committee_members"
CREATE INDEX `committeemember_until_on` ON `committee_members` (`until_on`);
-- create "community_activities" table
CREATE TABLE `community_activities` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `kind` text NOT NULL, `held_on` date NOT NULL, `participants` integer NOT NULL, `value_dimension` text NOT NULL, `description` text NULL, `community_activity_municipality` text NULL, `community_activity_protocol` text NULL, `community_activity_directive` text NULL, PRIMARY KEY (`id`), CONSTRAINT `community_activities_municipalities_municipality` FOREIGN KEY (`community_activity_municipality`) REFERENCES `municipalities` (`id`) ON DELETE SET NULL, CONSTRAINT `community_activities_protocols_protocol` FOREIGN KEY (`community_activity_protocol`) REFERENCES `protocols` (`id`) ON DELETE SET NULL, CONSTRAINT `community_activities_directives_directive` FOREIGN KEY (`community_activity_directive`) REFERENCES `directives` (`id`) ON DELETE SET NULL);
-- create index "communityactivity_created_at" to table: "community_activities"
CREATE INDEX `communityactivity_created_at` ON `community_activities` (`created_at`);
-- create index "communityactivity_held_on" to table: "community_activities"
CREATE INDEX `communityactivity_held_on` ON `community_activities` (`held_on`);
-- create "pact_amendments" table
CREATE TABLE `pact_amendments` (`id` text NOT NULL, `amended_on` date NOT NULL, `summary` text NOT NULL, `previous_text` text NULL, `recorded_at` datetime NOT NULL, `pact_amendment_pact` text NOT NULL, `pact_amendment_recorded_by` text NULL, PRIMARY KEY (`id`), CONSTRAINT `pact_amendments_pacts_pact` FOREIGN KEY (`pact_amendment_pact`) REFERENCES `pacts` (`id`) ON DELETE NO ACTION, CONSTRAINT `pact_amendments_users_recorded_by` FOREIGN KEY (`pact_amendment_recorded_by`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- create "pact_signatures" table
CREATE TABLE `pact_signatures` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `role` text NOT NULL, `joined_on` date NOT NULL, `left_on` date NULL, `leaving_reason` text NULL, `signer_name` text NULL, `signer_role` text NULL, `pact_signatory_pact` text NOT NULL, `pact_signatory_organization` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `pact_signatures_pacts_pact` FOREIGN KEY (`pact_signatory_pact`) REFERENCES `pacts` (`id`) ON DELETE NO ACTION, CONSTRAINT `pact_signatures_organizations_organization` FOREIGN KEY (`pact_signatory_organization`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION);
-- create index "pactsignatory_created_at" to table: "pact_signatures"
CREATE INDEX `pactsignatory_created_at` ON `pact_signatures` (`created_at`);
-- create index "pactsignatory_pact_signatory_pact_pact_signatory_organization" to table: "pact_signatures"
CREATE INDEX `pactsignatory_pact_signatory_pact_pact_signatory_organization` ON `pact_signatures` (`pact_signatory_pact`, `pact_signatory_organization`);
-- create "community_activity_organizers" table
CREATE TABLE `community_activity_organizers` (`community_activity_id` text NOT NULL, `organization_id` text NOT NULL, PRIMARY KEY (`community_activity_id`, `organization_id`), CONSTRAINT `community_activity_organizers_community_activity_id` FOREIGN KEY (`community_activity_id`) REFERENCES `community_activities` (`id`) ON DELETE CASCADE, CONSTRAINT `community_activity_organizers_organization_id` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE CASCADE);
-- enable back the enforcement of foreign-keys constraints
-- the signatories of before become the pact's promoters, on the day it
-- was signed (hand-written: the join table had no role nor dates; each
-- gets a fresh ID of the kind gid.New writes)
INSERT INTO `pact_signatures` (`id`, `created_at`, `updated_at`, `role`, `joined_on`, `pact_signatory_pact`, `pact_signatory_organization`)
SELECT 'psg_' || replace(replace(replace(replace(lower(hex(randomblob(13))), '0', 'w'), '1', 'x'), '8', 'y'), '9', 'z'), datetime('now'), datetime('now'), 'PROMOTER', p.`signed_on`, ps.`pact_id`, ps.`organization_id`
FROM `pact_signatories` ps JOIN `pacts` p ON p.`id` = ps.`pact_id`;
DROP TABLE `pact_signatories`;
PRAGMA foreign_keys = on;
