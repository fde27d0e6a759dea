-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_case_events" table
CREATE TABLE `new_case_events` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `occurred_at` datetime NOT NULL, `note` text NULL, `detail` text NULL, `assessment_level` text NULL, `intervention_kind` text NULL, `intervention_status` text NULL, `outcome_kind` text NULL, `still_held` bool NULL, `closure_reason` text NULL, `day` date NULL, `case_event_case` text NOT NULL, `case_event_actor` text NULL, `case_event_assignee` text NULL, `case_event_from_table` text NULL, `case_event_to_table` text NULL, `case_event_related_case` text NULL, PRIMARY KEY (`id`), CONSTRAINT `case_events_cases_case` FOREIGN KEY (`case_event_case`) REFERENCES `cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `case_events_users_actor` FOREIGN KEY (`case_event_actor`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_users_assignee` FOREIGN KEY (`case_event_assignee`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_territorial_tables_from_table` FOREIGN KEY (`case_event_from_table`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_territorial_tables_to_table` FOREIGN KEY (`case_event_to_table`) REFERENCES `territorial_tables` (`id`) ON DELETE SET NULL, CONSTRAINT `case_events_cases_related_case` FOREIGN KEY (`case_event_related_case`) REFERENCES `cases` (`id`) ON DELETE SET NULL);
-- copy rows from old table "case_events" to new temporary table "new_case_events"
INSERT INTO `new_case_events` (`id`, `created_at`, `updated_at`, `kind`, `occurred_at`, `note`, `case_event_case`, `case_event_actor`) SELECT `id`, `created_at`, `updated_at`, `kind`, `occurred_at`, `note`, `case_event_case`, `case_event_actor` FROM `case_events`;
-- drop "case_events" table after copying rows
DROP TABLE `case_events`;
-- rename temporary table "new_case_events" to "case_events"
ALTER TABLE `new_case_events` RENAME TO `case_events`;
-- create index "caseevent_created_at" to table: "case_events"
CREATE INDEX `caseevent_created_at` ON `case_events` (`created_at`);
-- create index "caseevent_case_event_case" to table: "case_events"
CREATE INDEX `caseevent_case_event_case` ON `case_events` (`case_event_case`);
-- create index "caseevent_occurred_at" to table: "case_events"
CREATE INDEX `caseevent_occurred_at` ON `case_events` (`occurred_at`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
-- Events written before they carried values: the server wrote what a step
-- involved as English words or codes in the note. They become values, and
-- the note keeps only what the user typed (a reason, a goal).
UPDATE `case_events` SET `assessment_level` = CASE `note` WHEN 'preliminary analysis' THEN 'PRELIMINARY' ELSE 'IN_DEPTH' END, `note` = NULL
  WHERE `kind` = 'ASSESSMENT_RECORDED' AND `note` IN ('preliminary analysis', 'in-depth analysis');
UPDATE `case_events` SET `intervention_kind` = `note`, `note` = NULL
  WHERE `kind` = 'INTERVENTION_ADDED' AND `note` NOT GLOB '*[^A-Z_]*';
UPDATE `case_events` SET `intervention_kind` = substr(`note`, 1, instr(`note`, ' ') - 1), `intervention_status` = substr(`note`, instr(`note`, ' ') + 1), `note` = NULL
  WHERE `kind` = 'INTERVENTION_UPDATED' AND `note` GLOB '[A-Z]* [A-Z]*' AND replace(`note`, ' ', '') NOT GLOB '*[^A-Z_]*';
UPDATE `case_events` SET `outcome_kind` = `note`, `note` = NULL
  WHERE `kind` = 'OUTCOME_RECORDED' AND `note` NOT GLOB '*[^A-Z_]*';
UPDATE `case_events` SET `outcome_kind` = substr(`note`, 1, instr(`note`, ' ') - 1),
  `still_held` = (substr(`note`, instr(`note`, ' ') + 1, 10) = 'still held'),
  `note` = NULLIF(trim(ltrim(substr(`note`, instr(`note`, ' held') + 5), ':')), '')
  WHERE `kind` = 'FOLLOW_UP_RECORDED' AND instr(`note`, ' ') > 1 AND substr(`note`, 1, instr(`note`, ' ') - 1) NOT GLOB '*[^A-Z_]*'
    AND (substr(`note`, instr(`note`, ' ') + 1) GLOB 'still held*' OR substr(`note`, instr(`note`, ' ') + 1) GLOB 'no longer held*');
UPDATE `case_events` SET `closure_reason` = `note`, `note` = NULL
  WHERE `kind` = 'CLOSED' AND `note` NOT GLOB '*[^A-Z_]*';
UPDATE `case_events` SET `closure_reason` = substr(`note`, 1, instr(`note`, ' ') - 1), `note` = NULLIF(trim(substr(`note`, instr(`note`, ' ') + 1)), '')
  WHERE `kind` = 'CLOSED' AND instr(`note`, ' ') > 1 AND substr(`note`, 1, instr(`note`, ' ') - 1) NOT GLOB '*[^A-Z_]*';
UPDATE `case_events` SET `day` = substr(`note`, -4) || '-' || substr(`note`, -7, 2) || '-' || substr(`note`, -10, 2), `note` = NULL
  WHERE `kind` IN ('MONITORING_MEETING_SCHEDULED', 'MONITORING_MEETING_HELD')
    AND (`note` GLOB 'planned on [0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]' OR `note` GLOB 'held on [0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]');
UPDATE `case_events` SET `note` = NULL WHERE `kind` = 'PLAN_UPDATED' AND `note` = 'plan changed';
UPDATE `case_events` SET `detail` = 'GOAL_ADDED', `note` = substr(`note`, 13) WHERE `kind` = 'PLAN_UPDATED' AND `note` GLOB 'goal added: *';
UPDATE `case_events` SET `detail` = 'GOAL_CHANGED', `note` = substr(`note`, 15) WHERE `kind` = 'PLAN_UPDATED' AND `note` GLOB 'goal changed: *';
UPDATE `case_events` SET `detail` = 'COMMITMENT_ADDED', `note` = substr(`note`, 19) WHERE `kind` = 'PLAN_UPDATED' AND `note` GLOB 'commitment added: *';
UPDATE `case_events` SET `detail` = 'COMMITMENT_CHANGED', `note` = substr(`note`, 21) WHERE `kind` = 'PLAN_UPDATED' AND `note` GLOB 'commitment changed: *';
UPDATE `case_events` SET `detail` = 'REOPENED_AS', `note` = NULL,
  `case_event_related_case` = (SELECT `id` FROM `cases` WHERE `code` = substr(`case_events`.`note`, 13))
  WHERE `kind` = 'REOPENED' AND `note` GLOB 'reopened as *';
UPDATE `case_events` SET `detail` = 'REOPENS', `note` = NULLIF(trim(substr(`note`, instr(`note`, ': ') + 2)), ''),
  `case_event_related_case` = (SELECT `id` FROM `cases` WHERE `code` = substr(`case_events`.`note`, 9, instr(`case_events`.`note`, ': ') - 9))
  WHERE `kind` = 'REOPENED' AND `note` GLOB 'reopens *: *';
UPDATE `case_events` SET
  `case_event_to_table` = (SELECT t.`id` FROM `territorial_tables` t WHERE substr(`case_events`.`note`, 1, length('to ' || t.`name` || ': ')) = 'to ' || t.`name` || ': '),
  `note` = (SELECT NULLIF(trim(substr(`case_events`.`note`, length('to ' || t.`name` || ': ') + 1)), '') FROM `territorial_tables` t
    WHERE substr(`case_events`.`note`, 1, length('to ' || t.`name` || ': ')) = 'to ' || t.`name` || ': ')
  WHERE `kind` IN ('TRANSFER_REQUESTED', 'TRANSFER_DECLINED') AND EXISTS (SELECT 1 FROM `territorial_tables` t
    WHERE substr(`case_events`.`note`, 1, length('to ' || t.`name` || ': ')) = 'to ' || t.`name` || ': ');
UPDATE `case_events` SET
  `case_event_from_table` = (SELECT f.`id` FROM `territorial_tables` f, `territorial_tables` t WHERE `case_events`.`note` = 'from ' || f.`name` || ' to ' || t.`name`),
  `case_event_to_table` = (SELECT t.`id` FROM `territorial_tables` f, `territorial_tables` t WHERE `case_events`.`note` = 'from ' || f.`name` || ' to ' || t.`name`),
  `note` = NULL
  WHERE `kind` = 'TRANSFERRED' AND EXISTS (SELECT 1 FROM `territorial_tables` f, `territorial_tables` t WHERE `case_events`.`note` = 'from ' || f.`name` || ' to ' || t.`name`);
-- The demonstration data wrote Italian sentences of their own.
UPDATE `case_events` SET `assessment_level` = 'PRELIMINARY', `note` = NULL
  WHERE `kind` = 'ASSESSMENT_RECORDED' AND `note` = 'Analisi preliminare registrata.';
UPDATE `case_events` SET `note` = NULL WHERE `note` IN ('Segnalazione ricevuta dal tavolo.', 'Avviata l''analisi preliminare.',
  'Segnalazione non accolta.', 'Presa in carico e progetto concordato.', 'Avvio del monitoraggio.', 'Incontro di monitoraggio programmato.', 'Caso chiuso.');
