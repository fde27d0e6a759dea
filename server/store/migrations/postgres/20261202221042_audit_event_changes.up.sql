-- modify "audit_events" table
ALTER TABLE "audit_events" ADD COLUMN "changes" text NULL;
