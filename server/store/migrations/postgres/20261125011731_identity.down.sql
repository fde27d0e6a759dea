-- reverse: create index "sessions_token_hash_key" to table: "sessions"
DROP INDEX "sessions_token_hash_key";
-- reverse: create index "session_expires_at" to table: "sessions"
DROP INDEX "session_expires_at";
-- reverse: create "sessions" table
DROP TABLE "sessions";
-- reverse: create index "api_tokens_token_hash_key" to table: "api_tokens"
DROP INDEX "api_tokens_token_hash_key";
-- reverse: create "api_tokens" table
DROP TABLE "api_tokens";
-- reverse: modify "users" table
ALTER TABLE "users" DROP COLUMN "password_changed_at", DROP COLUMN "password_hash";
