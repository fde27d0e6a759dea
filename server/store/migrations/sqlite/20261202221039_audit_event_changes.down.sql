-- reverse: add column "changes" to table: "audit_events"
ALTER TABLE `audit_events` DROP COLUMN `changes`;
