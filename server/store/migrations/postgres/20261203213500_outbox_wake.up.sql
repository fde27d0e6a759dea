-- Every server process's outbox dispatcher (server/outbox) listens on
-- the schema's outbox channel: an event written by any process wakes
-- them at its commit (this trigger's empty notification), and a
-- dispatcher tells all of them what it dispatched (a notification with
-- the event), for their live subscribers. The channel is the schema's,
-- so that installations sharing a server do not disturb each other.
CREATE FUNCTION "outbox_channel"() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT 'win_outbox_' || substr(md5(current_schema()), 1, 16)
$$;
CREATE FUNCTION "outbox_written"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify("outbox_channel"(), '');
  RETURN NULL;
END
$$;
CREATE TRIGGER "outbox_events_wake" AFTER INSERT ON "outbox_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "outbox_written"();
