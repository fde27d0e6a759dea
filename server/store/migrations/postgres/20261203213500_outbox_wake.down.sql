DROP TRIGGER "outbox_events_wake" ON "outbox_events";
DROP FUNCTION "outbox_written"();
DROP FUNCTION "outbox_channel"();
