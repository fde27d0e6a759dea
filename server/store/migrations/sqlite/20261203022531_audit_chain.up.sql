-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_audit_events" table
CREATE TABLE `new_audit_events` (`id` text NOT NULL, `occurred_at` datetime NOT NULL, `action` text NOT NULL, `entity_type` text NULL, `entity_id` text NULL, `request_id` text NULL, `client_address` text NULL, `changes` text NULL, `seq` integer NULL, `hash` text NULL, `audit_event_actor` text NULL, `audit_event_organization` text NULL, PRIMARY KEY (`id`), CONSTRAINT `audit_events_users_actor` FOREIGN KEY (`audit_event_actor`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `audit_events_organizations_organization` FOREIGN KEY (`audit_event_organization`) REFERENCES `organizations` (`id`) ON DELETE SET NULL);
-- copy rows from old table "audit_events" to new temporary table "new_audit_events"
INSERT INTO `new_audit_events` (`id`, `occurred_at`, `action`, `entity_type`, `entity_id`, `request_id`, `client_address`, `changes`, `audit_event_actor`, `audit_event_organization`) SELECT `id`, `occurred_at`, `action`, `entity_type`, `entity_id`, `request_id`, `client_address`, `changes`, `audit_event_actor`, `audit_event_organization` FROM `audit_events`;
-- drop "audit_events" table after copying rows
DROP TABLE `audit_events`;
-- rename temporary table "new_audit_events" to "audit_events"
ALTER TABLE `new_audit_events` RENAME TO `audit_events`;
-- create index "auditevent_occurred_at" to table: "audit_events"
CREATE INDEX `auditevent_occurred_at` ON `audit_events` (`occurred_at`);
-- create index "auditevent_entity_id" to table: "audit_events"
CREATE INDEX `auditevent_entity_id` ON `audit_events` (`entity_id`);
-- create index "auditevent_action" to table: "audit_events"
CREATE INDEX `auditevent_action` ON `audit_events` (`action`);
-- create index "auditevent_seq" to table: "audit_events"
CREATE UNIQUE INDEX `auditevent_seq` ON `audit_events` (`seq`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
