-- modify "audit_events" table
ALTER TABLE "audit_events" ADD COLUMN "seq" bigint NULL, ADD COLUMN "hash" character varying NULL;
-- create index "auditevent_seq" to table: "audit_events"
CREATE UNIQUE INDEX "auditevent_seq" ON "audit_events" ("seq");
