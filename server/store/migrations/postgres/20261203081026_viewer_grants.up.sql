-- Each server process keeps the viewers of recent sessions and tokens in
-- cache for a few seconds (server/auth, Cache). These triggers tell every
-- process, at commit, that some viewer may have changed: a session ended,
-- a token revoked, a user's roles or state changed, a table's members or
-- coordinator changed. The notification carries nothing: its listeners
-- forget their whole cache. The channel is the schema's, so that
-- installations sharing a server do not disturb each other's caches.
CREATE FUNCTION "viewer_grants_channel"() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT 'win_viewer_grants_' || substr(md5(current_schema()), 1, 16)
$$;
CREATE FUNCTION "viewer_grants_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify("viewer_grants_channel"(), '');
  RETURN NULL;
END
$$;
CREATE TRIGGER "sessions_viewer_grants" AFTER DELETE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "viewer_grants_changed"();
CREATE TRIGGER "api_tokens_viewer_grants" AFTER UPDATE OF "revoked_at", "expires_at", "scope", "api_token_user" OR DELETE ON "api_tokens"
  FOR EACH STATEMENT EXECUTE FUNCTION "viewer_grants_changed"();
CREATE TRIGGER "users_viewer_grants" AFTER UPDATE OR DELETE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "viewer_grants_changed"();
CREATE TRIGGER "table_memberships_viewer_grants" AFTER INSERT OR UPDATE OR DELETE ON "table_memberships"
  FOR EACH STATEMENT EXECUTE FUNCTION "viewer_grants_changed"();
CREATE TRIGGER "territorial_tables_viewer_grants" AFTER INSERT OR UPDATE OR DELETE ON "territorial_tables"
  FOR EACH STATEMENT EXECUTE FUNCTION "viewer_grants_changed"();
