-- reverse: create index "auditevent_seq" to table: "audit_events"
DROP INDEX "auditevent_seq";
-- reverse: modify "audit_events" table
ALTER TABLE "audit_events" DROP COLUMN "hash", DROP COLUMN "seq";
