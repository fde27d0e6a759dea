-- modify "users" table
ALTER TABLE "users" ADD COLUMN "password_hash" character varying NULL, ADD COLUMN "password_changed_at" timestamptz NULL;
-- create "api_tokens" table
CREATE TABLE "api_tokens" ("id" character varying NOT NULL, "name" character varying NOT NULL, "token_hash" character varying NOT NULL, "scope" character varying NOT NULL, "created_at" timestamptz NOT NULL, "expires_at" timestamptz NOT NULL, "last_used_at" timestamptz NULL, "revoked_at" timestamptz NULL, "api_token_user" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "api_tokens_users_user" FOREIGN KEY ("api_token_user") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "api_tokens_token_hash_key" to table: "api_tokens"
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" ("token_hash");
-- create "sessions" table
CREATE TABLE "sessions" ("id" character varying NOT NULL, "token_hash" character varying NOT NULL, "created_at" timestamptz NOT NULL, "last_seen_at" timestamptz NOT NULL, "expires_at" timestamptz NOT NULL, "client_address" character varying NULL, "user_agent" character varying NULL, "session_user" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "sessions_users_user" FOREIGN KEY ("session_user") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "session_expires_at" to table: "sessions"
CREATE INDEX "session_expires_at" ON "sessions" ("expires_at");
-- create index "sessions_token_hash_key" to table: "sessions"
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" ("token_hash");
