-- Written by hand: atlas reverses the rebuild of "users" by dropping it.
-- The new tables go (their indexes with them), then the users' language.
DROP TABLE `webhook_deliveries`;
DROP TABLE `webhooks`;
DROP TABLE `password_tokens`;
DROP TABLE `outgoing_mails`;
DROP TABLE `outbox_events`;
DROP TABLE `notification_preferences`;
DROP TABLE `notifications`;
ALTER TABLE `users` DROP COLUMN `language`;
