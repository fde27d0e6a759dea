-- reverse: create index "documentcontent_document_id" to table: "document_contents"
DROP INDEX "documentcontent_document_id";
-- reverse: create "document_contents" table
DROP TABLE "document_contents";
-- reverse: create index "document_sha256" to table: "documents"
DROP INDEX "document_sha256";
-- reverse: create index "document_document_monitoring_meeting" to table: "documents"
DROP INDEX "document_document_monitoring_meeting";
-- reverse: create index "document_document_meeting" to table: "documents"
DROP INDEX "document_document_meeting";
-- reverse: create index "document_document_consent" to table: "documents"
DROP INDEX "document_document_consent";
-- reverse: create index "document_document_commitment" to table: "documents"
DROP INDEX "document_document_commitment";
-- reverse: create index "document_document_case" to table: "documents"
DROP INDEX "document_document_case";
-- reverse: create index "document_created_at" to table: "documents"
DROP INDEX "document_created_at";
-- reverse: create "documents" table
DROP TABLE "documents";
