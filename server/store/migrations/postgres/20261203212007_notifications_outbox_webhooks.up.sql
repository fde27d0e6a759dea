-- modify "users" table
ALTER TABLE "users" ADD COLUMN "language" character varying NOT NULL DEFAULT 'IT';
-- create "outbox_events" table
CREATE TABLE "outbox_events" ("id" character varying NOT NULL, "kind" character varying NOT NULL, "occurred_at" timestamptz NOT NULL, "actor_id" character varying NULL, "case_id" character varying NULL, "table_id" character varying NULL, "other_table_id" character varying NULL, "directive_id" character varying NULL, "user_id" character varying NULL, "object_id" character varying NULL, "day" date NULL, "ordering_key" character varying NOT NULL, "dedupe_key" character varying NULL, "dispatched_at" timestamptz NULL, "claimed_until" timestamptz NULL, "attempts" bigint NOT NULL DEFAULT 0, "last_error" character varying NULL, PRIMARY KEY ("id"));
-- create index "outbox_events_dedupe_key_key" to table: "outbox_events"
CREATE UNIQUE INDEX "outbox_events_dedupe_key_key" ON "outbox_events" ("dedupe_key");
-- create index "outboxevent_dispatched_at_occurred_at" to table: "outbox_events"
CREATE INDEX "outboxevent_dispatched_at_occurred_at" ON "outbox_events" ("dispatched_at", "occurred_at");
-- create index "outboxevent_ordering_key" to table: "outbox_events"
CREATE INDEX "outboxevent_ordering_key" ON "outbox_events" ("ordering_key");
-- create "notification_preferences" table
CREATE TABLE "notification_preferences" ("id" character varying NOT NULL, "kind" character varying NOT NULL, "delivery" character varying NOT NULL, "notification_preference_user" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "notification_preferences_users_user" FOREIGN KEY ("notification_preference_user") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "notificationpreference_kind_notification_preference_user" to table: "notification_preferences"
CREATE UNIQUE INDEX "notificationpreference_kind_notification_preference_user" ON "notification_preferences" ("kind", "notification_preference_user");
-- create "notifications" table
CREATE TABLE "notifications" ("id" character varying NOT NULL, "kind" character varying NOT NULL, "created_at" timestamptz NOT NULL, "read_at" timestamptz NULL, "event_id" character varying NOT NULL, "case_code" character varying NULL, "day" date NULL, "emailed_at" timestamptz NULL, "notification_recipient" character varying NOT NULL, "notification_case" character varying NULL, "notification_table" character varying NULL, "notification_other_table" character varying NULL, "notification_directive" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "notifications_cases_case" FOREIGN KEY ("notification_case") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "notifications_directives_directive" FOREIGN KEY ("notification_directive") REFERENCES "directives" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "notifications_territorial_tables_other_table" FOREIGN KEY ("notification_other_table") REFERENCES "territorial_tables" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "notifications_territorial_tables_table" FOREIGN KEY ("notification_table") REFERENCES "territorial_tables" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "notifications_users_recipient" FOREIGN KEY ("notification_recipient") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "notification_created_at_notification_recipient" to table: "notifications"
CREATE INDEX "notification_created_at_notification_recipient" ON "notifications" ("created_at", "notification_recipient");
-- create index "notification_event_id_notification_recipient" to table: "notifications"
CREATE UNIQUE INDEX "notification_event_id_notification_recipient" ON "notifications" ("event_id", "notification_recipient");
-- create index "notification_read_at_notification_recipient" to table: "notifications"
CREATE INDEX "notification_read_at_notification_recipient" ON "notifications" ("read_at", "notification_recipient");
-- create "outgoing_mails" table
CREATE TABLE "outgoing_mails" ("id" character varying NOT NULL, "kind" character varying NOT NULL, "to_address" character varying NOT NULL, "language" character varying NOT NULL, "subject" character varying NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "message_id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "state" character varying NOT NULL DEFAULT 'PENDING', "attempts" bigint NOT NULL DEFAULT 0, "next_attempt_at" timestamptz NULL, "claimed_until" timestamptz NULL, "sent_at" timestamptz NULL, "last_error" character varying NULL, "outgoing_mail_recipient" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "outgoing_mails_users_recipient" FOREIGN KEY ("outgoing_mail_recipient") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "outgoing_mails_message_id_key" to table: "outgoing_mails"
CREATE UNIQUE INDEX "outgoing_mails_message_id_key" ON "outgoing_mails" ("message_id");
-- create index "outgoingmail_created_at" to table: "outgoing_mails"
CREATE INDEX "outgoingmail_created_at" ON "outgoing_mails" ("created_at");
-- create index "outgoingmail_state_next_attempt_at" to table: "outgoing_mails"
CREATE INDEX "outgoingmail_state_next_attempt_at" ON "outgoing_mails" ("state", "next_attempt_at");
-- create "password_tokens" table
CREATE TABLE "password_tokens" ("id" character varying NOT NULL, "token_hash" character varying NOT NULL, "purpose" character varying NOT NULL, "created_at" timestamptz NOT NULL, "expires_at" timestamptz NOT NULL, "used_at" timestamptz NULL, "password_token_user" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "password_tokens_users_user" FOREIGN KEY ("password_token_user") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "password_tokens_token_hash_key" to table: "password_tokens"
CREATE UNIQUE INDEX "password_tokens_token_hash_key" ON "password_tokens" ("token_hash");
-- create index "passwordtoken_expires_at" to table: "password_tokens"
CREATE INDEX "passwordtoken_expires_at" ON "password_tokens" ("expires_at");
-- create "webhooks" table
CREATE TABLE "webhooks" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "url" character varying NOT NULL, "description" character varying NULL, "kinds" jsonb NOT NULL, "secret" character varying NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "disabled_reason" character varying NULL, "failing_since" timestamptz NULL, "webhook_owner" character varying NOT NULL, "webhook_token" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "webhooks_api_tokens_token" FOREIGN KEY ("webhook_token") REFERENCES "api_tokens" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "webhooks_users_owner" FOREIGN KEY ("webhook_owner") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "webhook_created_at" to table: "webhooks"
CREATE INDEX "webhook_created_at" ON "webhooks" ("created_at");
-- create "webhook_deliveries" table
CREATE TABLE "webhook_deliveries" ("id" character varying NOT NULL, "event_id" character varying NOT NULL, "kind" character varying NOT NULL, "ordering_key" character varying NOT NULL, "payload" text NOT NULL, "state" character varying NOT NULL DEFAULT 'PENDING', "attempts" bigint NOT NULL DEFAULT 0, "created_at" timestamptz NOT NULL, "next_attempt_at" timestamptz NULL, "claimed_until" timestamptz NULL, "last_status" bigint NULL, "last_duration_ms" bigint NULL, "last_error" character varying NULL, "delivered_at" timestamptz NULL, "webhook_delivery_webhook" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "webhook_deliveries_webhooks_webhook" FOREIGN KEY ("webhook_delivery_webhook") REFERENCES "webhooks" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "webhookdelivery_event_id_webhook_delivery_webhook" to table: "webhook_deliveries"
CREATE UNIQUE INDEX "webhookdelivery_event_id_webhook_delivery_webhook" ON "webhook_deliveries" ("event_id", "webhook_delivery_webhook");
-- create index "webhookdelivery_ordering_key_c_4e2eff37c9875403a6c2542d6bca23bd" to table: "webhook_deliveries"
CREATE INDEX "webhookdelivery_ordering_key_c_4e2eff37c9875403a6c2542d6bca23bd" ON "webhook_deliveries" ("ordering_key", "created_at", "webhook_delivery_webhook");
-- create index "webhookdelivery_state_next_attempt_at" to table: "webhook_deliveries"
CREATE INDEX "webhookdelivery_state_next_attempt_at" ON "webhook_deliveries" ("state", "next_attempt_at");
