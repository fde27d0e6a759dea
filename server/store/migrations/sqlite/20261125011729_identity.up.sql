-- add column "password_hash" to table: "users"
ALTER TABLE `users` ADD COLUMN `password_hash` text NULL;
-- add column "password_changed_at" to table: "users"
ALTER TABLE `users` ADD COLUMN `password_changed_at` datetime NULL;
-- create "api_tokens" table
CREATE TABLE `api_tokens` (`id` text NOT NULL, `name` text NOT NULL, `token_hash` text NOT NULL, `scope` text NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `last_used_at` datetime NULL, `revoked_at` datetime NULL, `api_token_user` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `api_tokens_users_user` FOREIGN KEY (`api_token_user`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- create index "api_tokens_token_hash_key" to table: "api_tokens"
CREATE UNIQUE INDEX `api_tokens_token_hash_key` ON `api_tokens` (`token_hash`);
-- create "sessions" table
CREATE TABLE `sessions` (`id` text NOT NULL, `token_hash` text NOT NULL, `created_at` datetime NOT NULL, `last_seen_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `client_address` text NULL, `user_agent` text NULL, `session_user` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `sessions_users_user` FOREIGN KEY (`session_user`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- create index "sessions_token_hash_key" to table: "sessions"
CREATE UNIQUE INDEX `sessions_token_hash_key` ON `sessions` (`token_hash`);
-- create index "session_expires_at" to table: "sessions"
CREATE INDEX `session_expires_at` ON `sessions` (`expires_at`);
