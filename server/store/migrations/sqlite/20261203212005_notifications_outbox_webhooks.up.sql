-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_users" table
CREATE TABLE `new_users` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `name` text NOT NULL, `roles` json NOT NULL, `disabled` bool NOT NULL DEFAULT (false), `password_hash` text NULL, `language` text NOT NULL DEFAULT ('IT'), `password_changed_at` datetime NULL, `user_organization` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `users_organizations_organization` FOREIGN KEY (`user_organization`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION);
-- copy rows from old table "users" to new temporary table "new_users"
INSERT INTO `new_users` (`id`, `created_at`, `updated_at`, `email`, `name`, `roles`, `disabled`, `password_hash`, `password_changed_at`, `user_organization`) SELECT `id`, `created_at`, `updated_at`, `email`, `name`, `roles`, `disabled`, `password_hash`, `password_changed_at`, `user_organization` FROM `users`;
-- drop "users" table after copying rows
DROP TABLE `users`;
-- rename temporary table "new_users" to "users"
ALTER TABLE `new_users` RENAME TO `users`;
-- create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`);
-- create index "user_created_at" to table: "users"
CREATE INDEX `user_created_at` ON `users` (`created_at`);
-- create "notifications" table
CREATE TABLE `notifications` (`id` text NOT NULL, `kind` text NOT NULL, `created_at` datetime NOT NULL, `read_at` datetime NULL, `event_id` text NOT NULL, `case_code` text NULL, `day` date NULL, `emailed_at` datetime NULL, `notification_recipient` text NOT NULL, `notification_case` text NULL, `notification_table` text NULL, `notification_other_table` text NULL, `notification_directive` text NULL, PRIMARY KEY (`id`), CONSTRAINT `notifications_users_recipient` FOREIGN KEY (`notification_recipient`) REFERENCES `users` (`id`) ON DELETE NO ACTION, CONSTRAINT `notifications_cases_case` FOREIGN KEY (`notification_case`) REFERENCES `cases` (`id`) ON DELETE SET NULL, CONSTRAINT `notifications_territorial_tables_table` FOREIGN KEY (`notification_table`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL, CONSTRAINT `notifications_territorial_tables_other_table` FOREIGN KEY (`notification_other_table`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL, CONSTRAINT `notifications_directives_directive` FOREIGN KEY (`notification_directive`) REFERENCES `directives` (`id`) ON DELETE SET NULL);
-- create index "notification_created_at_notification_recipient" to table: "notifications"
CREATE INDEX `notification_created_at_notification_recipient` ON `notifications` (`created_at`, `notification_recipient`);
-- create index "notification_read_at_notification_recipient" to table: "notifications"
CREATE INDEX `notification_read_at_notification_recipient` ON `notifications` (`read_at`, `notification_recipient`);
-- create index "notification_event_id_notification_recipient" to table: "notifications"
CREATE UNIQUE INDEX `notification_event_id_notification_recipient` ON `notifications` (`event_id`, `notification_recipient`);
-- create "notification_preferences" table
CREATE TABLE `notification_preferences` (`id` text NOT NULL, `kind` text NOT NULL, `delivery` text NOT NULL, `notification_preference_user` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `notification_preferences_users_user` FOREIGN KEY (`notification_preference_user`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- create index "notificationpreference_kind_notification_preference_user" to table: "notification_preferences"
CREATE UNIQUE INDEX `notificationpreference_kind_notification_preference_user` ON `notification_preferences` (`kind`, `notification_preference_user`);
-- create "outbox_events" table
CREATE TABLE `outbox_events` (`id` text NOT NULL, `kind` text NOT NULL, `occurred_at` datetime NOT NULL, `actor_id` text NULL, `case_id` text NULL, `table_id` text NULL, `other_table_id` text NULL, `directive_id` text NULL, `user_id` text NULL, `object_id` text NULL, `day` date NULL, `ordering_key` text NOT NULL, `dedupe_key` text NULL, `dispatched_at` datetime NULL, `claimed_until` datetime NULL, `attempts` integer NOT NULL DEFAULT (0), `last_error` text NULL, PRIMARY KEY (`id`));
-- create index "outbox_events_dedupe_key_key" to table: "outbox_events"
CREATE UNIQUE INDEX `outbox_events_dedupe_key_key` ON `outbox_events` (`dedupe_key`);
-- create index "outboxevent_dispatched_at_occurred_at" to table: "outbox_events"
CREATE INDEX `outboxevent_dispatched_at_occurred_at` ON `outbox_events` (`dispatched_at`, `occurred_at`);
-- create index "outboxevent_ordering_key" to table: "outbox_events"
CREATE INDEX `outboxevent_ordering_key` ON `outbox_events` (`ordering_key`);
-- create "outgoing_mails" table
CREATE TABLE `outgoing_mails` (`id` text NOT NULL, `kind` text NOT NULL, `to_address` text NOT NULL, `language` text NOT NULL, `subject` text NOT NULL, `text_body` text NOT NULL, `html_body` text NOT NULL, `message_id` text NOT NULL, `created_at` datetime NOT NULL, `state` text NOT NULL DEFAULT ('PENDING'), `attempts` integer NOT NULL DEFAULT (0), `next_attempt_at` datetime NULL, `claimed_until` datetime NULL, `sent_at` datetime NULL, `last_error` text NULL, `outgoing_mail_recipient` text NULL, PRIMARY KEY (`id`), CONSTRAINT `outgoing_mails_users_recipient` FOREIGN KEY (`outgoing_mail_recipient`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- create index "outgoing_mails_message_id_key" to table: "outgoing_mails"
CREATE UNIQUE INDEX `outgoing_mails_message_id_key` ON `outgoing_mails` (`message_id`);
-- create index "outgoingmail_state_next_attempt_at" to table: "outgoing_mails"
CREATE INDEX `outgoingmail_state_next_attempt_at` ON `outgoing_mails` (`state`, `next_attempt_at`);
-- create index "outgoingmail_created_at" to table: "outgoing_mails"
CREATE INDEX `outgoingmail_created_at` ON `outgoing_mails` (`created_at`);
-- create "password_tokens" table
CREATE TABLE `password_tokens` (`id` text NOT NULL, `token_hash` text NOT NULL, `purpose` text NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL, `password_token_user` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `password_tokens_users_user` FOREIGN KEY (`password_token_user`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- create index "password_tokens_token_hash_key" to table: "password_tokens"
CREATE UNIQUE INDEX `password_tokens_token_hash_key` ON `password_tokens` (`token_hash`);
-- create index "passwordtoken_expires_at" to table: "password_tokens"
CREATE INDEX `passwordtoken_expires_at` ON `password_tokens` (`expires_at`);
-- create "webhooks" table
CREATE TABLE `webhooks` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `url` text NOT NULL, `description` text NULL, `kinds` json NOT NULL, `secret` text NOT NULL, `enabled` bool NOT NULL DEFAULT (true), `disabled_reason` text NULL, `failing_since` datetime NULL, `webhook_owner` text NOT NULL, `webhook_token` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `webhooks_users_owner` FOREIGN KEY (`webhook_owner`) REFERENCES `users` (`id`) ON DELETE NO ACTION, CONSTRAINT `webhooks_api_tokens_token` FOREIGN KEY (`webhook_token`) REFERENCES `api_tokens` (`id`) ON DELETE NO ACTION);
-- create index "webhook_created_at" to table: "webhooks"
CREATE INDEX `webhook_created_at` ON `webhooks` (`created_at`);
-- create "webhook_deliveries" table
CREATE TABLE `webhook_deliveries` (`id` text NOT NULL, `event_id` text NOT NULL, `kind` text NOT NULL, `ordering_key` text NOT NULL, `payload` text NOT NULL, `state` text NOT NULL DEFAULT ('PENDING'), `attempts` integer NOT NULL DEFAULT (0), `created_at` datetime NOT NULL, `next_attempt_at` datetime NULL, `claimed_until` datetime NULL, `last_status` integer NULL, `last_duration_ms` integer NULL, `last_error` text NULL, `delivered_at` datetime NULL, `webhook_delivery_webhook` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `webhook_deliveries_webhooks_webhook` FOREIGN KEY (`webhook_delivery_webhook`) REFERENCES `webhooks` (`id`) ON DELETE NO ACTION);
-- create index "webhookdelivery_state_next_attempt_at" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_state_next_attempt_at` ON `webhook_deliveries` (`state`, `next_attempt_at`);
-- create index "webhookdelivery_ordering_key_created_at_webhook_delivery_webhook" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_ordering_key_created_at_webhook_delivery_webhook` ON `webhook_deliveries` (`ordering_key`, `created_at`, `webhook_delivery_webhook`);
-- create index "webhookdelivery_event_id_webhook_delivery_webhook" to table: "webhook_deliveries"
CREATE UNIQUE INDEX `webhookdelivery_event_id_webhook_delivery_webhook` ON `webhook_deliveries` (`event_id`, `webhook_delivery_webhook`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
