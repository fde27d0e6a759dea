DROP TRIGGER "territorial_tables_viewer_grants" ON "territorial_tables";
DROP TRIGGER "table_memberships_viewer_grants" ON "table_memberships";
DROP TRIGGER "users_viewer_grants" ON "users";
DROP TRIGGER "api_tokens_viewer_grants" ON "api_tokens";
DROP TRIGGER "sessions_viewer_grants" ON "sessions";
DROP FUNCTION "viewer_grants_changed"();
DROP FUNCTION "viewer_grants_channel"();
