-- reverse: modify "audit_events" table
ALTER TABLE "audit_events" DROP COLUMN "changes";
