-- reverse: create index "auditevent_seq" to table: "audit_events"
DROP INDEX `auditevent_seq`;
-- reverse: create index "auditevent_action" to table: "audit_events"
DROP INDEX `auditevent_action`;
-- reverse: create index "auditevent_entity_id" to table: "audit_events"
DROP INDEX `auditevent_entity_id`;
-- reverse: create index "auditevent_occurred_at" to table: "audit_events"
DROP INDEX `auditevent_occurred_at`;
-- reverse: create "new_audit_events" table
DROP TABLE `new_audit_events`;
