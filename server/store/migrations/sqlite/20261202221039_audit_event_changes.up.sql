-- add column "changes" to table: "audit_events"
ALTER TABLE `audit_events` ADD COLUMN `changes` text NULL;
