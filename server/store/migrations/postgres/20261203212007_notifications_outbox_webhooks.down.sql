-- reverse: create index "webhookdelivery_state_next_attempt_at" to table: "webhook_deliveries"
DROP INDEX "webhookdelivery_state_next_attempt_at";
-- reverse: create index "webhookdelivery_ordering_key_c_4e2eff37c9875403a6c2542d6bca23bd" to table: "webhook_deliveries"
DROP INDEX "webhookdelivery_ordering_key_c_4e2eff37c9875403a6c2542d6bca23bd";
-- reverse: create index "webhookdelivery_event_id_webhook_delivery_webhook" to table: "webhook_deliveries"
DROP INDEX "webhookdelivery_event_id_webhook_delivery_webhook";
-- reverse: create "webhook_deliveries" table
DROP TABLE "webhook_deliveries";
-- reverse: create index "webhook_created_at" to table: "webhooks"
DROP INDEX "webhook_created_at";
-- reverse: create "webhooks" table
DROP TABLE "webhooks";
-- reverse: create index "passwordtoken_expires_at" to table: "password_tokens"
DROP INDEX "passwordtoken_expires_at";
-- reverse: create index "password_tokens_token_hash_key" to table: "password_tokens"
DROP INDEX "password_tokens_token_hash_key";
-- reverse: create "password_tokens" table
DROP TABLE "password_tokens";
-- reverse: create index "outgoingmail_state_next_attempt_at" to table: "outgoing_mails"
DROP INDEX "outgoingmail_state_next_attempt_at";
-- reverse: create index "outgoingmail_created_at" to table: "outgoing_mails"
DROP INDEX "outgoingmail_created_at";
-- reverse: create index "outgoing_mails_message_id_key" to table: "outgoing_mails"
DROP INDEX "outgoing_mails_message_id_key";
-- reverse: create "outgoing_mails" table
DROP TABLE "outgoing_mails";
-- reverse: create index "notification_read_at_notification_recipient" to table: "notifications"
DROP INDEX "notification_read_at_notification_recipient";
-- reverse: create index "notification_event_id_notification_recipient" to table: "notifications"
DROP INDEX "notification_event_id_notification_recipient";
-- reverse: create index "notification_created_at_notification_recipient" to table: "notifications"
DROP INDEX "notification_created_at_notification_recipient";
-- reverse: create "notifications" table
DROP TABLE "notifications";
-- reverse: create index "notificationpreference_kind_notification_preference_user" to table: "notification_preferences"
DROP INDEX "notificationpreference_kind_notification_preference_user";
-- reverse: create "notification_preferences" table
DROP TABLE "notification_preferences";
-- reverse: create index "outboxevent_ordering_key" to table: "outbox_events"
DROP INDEX "outboxevent_ordering_key";
-- reverse: create index "outboxevent_dispatched_at_occurred_at" to table: "outbox_events"
DROP INDEX "outboxevent_dispatched_at_occurred_at";
-- reverse: create index "outbox_events_dedupe_key_key" to table: "outbox_events"
DROP INDEX "outbox_events_dedupe_key_key";
-- reverse: create "outbox_events" table
DROP TABLE "outbox_events";
-- reverse: modify "users" table
ALTER TABLE "users" DROP COLUMN "language";
