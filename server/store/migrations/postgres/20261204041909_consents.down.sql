-- reverse: create index "consent_purpose_withdrawn_on_person_consents" to table: "consents"
DROP INDEX "consent_purpose_withdrawn_on_person_consents";
-- reverse: create index "consent_created_at" to table: "consents"
DROP INDEX "consent_created_at";
-- reverse: create "consents" table
DROP TABLE "consents";
