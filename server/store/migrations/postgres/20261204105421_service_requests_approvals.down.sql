-- reverse: create index "servicerequest_status_service_request_organization" to table: "service_requests"
DROP INDEX "servicerequest_status_service_request_organization";
-- reverse: create index "servicerequest_service_request_case" to table: "service_requests"
DROP INDEX "servicerequest_service_request_case";
-- reverse: create index "servicerequest_created_at" to table: "service_requests"
DROP INDEX "servicerequest_created_at";
-- reverse: create "service_requests" table
DROP TABLE "service_requests";
-- reverse: modify "territorial_tables" table
ALTER TABLE "territorial_tables" DROP COLUMN "closure_needs_approval", DROP COLUMN "plan_needs_approval";
-- reverse: modify "case_events" table
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_organizations_organization", DROP COLUMN "case_event_organization", DROP COLUMN "approval_kind", DROP COLUMN "successful", DROP COLUMN "completion_reason", DROP COLUMN "decline_reason";
-- reverse: create index "approval_status_approval_case" to table: "approvals"
DROP INDEX "approval_status_approval_case";
-- reverse: create index "approval_created_at" to table: "approvals"
DROP INDEX "approval_created_at";
-- reverse: create "approvals" table
DROP TABLE "approvals";
