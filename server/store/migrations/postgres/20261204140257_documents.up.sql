-- create "documents" table
CREATE TABLE "documents" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "file_name" character varying NOT NULL, "media_type" character varying NOT NULL, "size" bigint NOT NULL, "sha256" character varying NOT NULL, "removed_at" timestamptz NULL, "removal_reason" text NULL, "erased_at" timestamptz NULL, "document_case" character varying NULL, "document_monitoring_meeting" character varying NULL, "document_commitment" character varying NULL, "document_meeting" character varying NULL, "document_consent" character varying NULL, "document_uploaded_by" character varying NULL, "document_removed_by" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "documents_cases_case" FOREIGN KEY ("document_case") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "documents_consents_consent" FOREIGN KEY ("document_consent") REFERENCES "consents" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "documents_meetings_meeting" FOREIGN KEY ("document_meeting") REFERENCES "meetings" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "documents_monitoring_meetings_monitoring_meeting" FOREIGN KEY ("document_monitoring_meeting") REFERENCES "monitoring_meetings" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "documents_protocol_commitments_commitment" FOREIGN KEY ("document_commitment") REFERENCES "protocol_commitments" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "documents_users_removed_by" FOREIGN KEY ("document_removed_by") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "documents_users_uploaded_by" FOREIGN KEY ("document_uploaded_by") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "document_created_at" to table: "documents"
CREATE INDEX "document_created_at" ON "documents" ("created_at");
-- create index "document_document_case" to table: "documents"
CREATE INDEX "document_document_case" ON "documents" ("document_case");
-- create index "document_document_commitment" to table: "documents"
CREATE INDEX "document_document_commitment" ON "documents" ("document_commitment");
-- create index "document_document_consent" to table: "documents"
CREATE INDEX "document_document_consent" ON "documents" ("document_consent");
-- create index "document_document_meeting" to table: "documents"
CREATE INDEX "document_document_meeting" ON "documents" ("document_meeting");
-- create index "document_document_monitoring_meeting" to table: "documents"
CREATE INDEX "document_document_monitoring_meeting" ON "documents" ("document_monitoring_meeting");
-- create index "document_sha256" to table: "documents"
CREATE INDEX "document_sha256" ON "documents" ("sha256");
-- create "document_contents" table
CREATE TABLE "document_contents" ("id" character varying NOT NULL, "data" bytea NOT NULL, "document_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "document_contents_documents_document" FOREIGN KEY ("document_id") REFERENCES "documents" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "documentcontent_document_id" to table: "document_contents"
CREATE UNIQUE INDEX "documentcontent_document_id" ON "document_contents" ("document_id");
