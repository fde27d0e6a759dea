-- modify "case_events" table
ALTER TABLE "case_events" ADD COLUMN "detail" character varying NULL, ADD COLUMN "assessment_level" character varying NULL, ADD COLUMN "intervention_kind" character varying NULL, ADD COLUMN "intervention_status" character varying NULL, ADD COLUMN "outcome_kind" character varying NULL, ADD COLUMN "still_held" boolean NULL, ADD COLUMN "closure_reason" character varying NULL, ADD COLUMN "day" date NULL, ADD COLUMN "case_event_assignee" character varying NULL, ADD COLUMN "case_event_from_table" character varying NULL, ADD COLUMN "case_event_to_table" character varying NULL, ADD COLUMN "case_event_related_case" character varying NULL, ADD CONSTRAINT "case_events_cases_related_case" FOREIGN KEY ("case_event_related_case") REFERENCES "cases" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "case_events_territorial_tables_from_table" FOREIGN KEY ("case_event_from_table") REFERENCES "territorial_tables" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "case_events_territorial_tables_to_table" FOREIGN KEY ("case_event_to_table") REFERENCES "territorial_tables" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "case_events_users_assignee" FOREIGN KEY ("case_event_assignee") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Events written before they carried values: the server wrote what a step
-- involved as English words or codes in the note. They become values, and
-- the note keeps only what the user typed (a reason, a goal).
UPDATE "case_events" SET "assessment_level" = CASE "note" WHEN 'preliminary analysis' THEN 'PRELIMINARY' ELSE 'IN_DEPTH' END, "note" = NULL
  WHERE "kind" = 'ASSESSMENT_RECORDED' AND "note" IN ('preliminary analysis', 'in-depth analysis');
UPDATE "case_events" SET "intervention_kind" = "note", "note" = NULL
  WHERE "kind" = 'INTERVENTION_ADDED' AND "note" ~ '^[A-Z_]+$';
UPDATE "case_events" SET "intervention_kind" = split_part("note", ' ', 1), "intervention_status" = split_part("note", ' ', 2), "note" = NULL
  WHERE "kind" = 'INTERVENTION_UPDATED' AND "note" ~ '^[A-Z_]+ [A-Z_]+$';
UPDATE "case_events" SET "outcome_kind" = "note", "note" = NULL
  WHERE "kind" = 'OUTCOME_RECORDED' AND "note" ~ '^[A-Z_]+$';
UPDATE "case_events" SET "outcome_kind" = substring("note" FROM '^[A-Z_]+'),
  "still_held" = substring("note" FROM '^[A-Z_]+ (still|no longer) held') = 'still',
  "note" = NULLIF(btrim(regexp_replace("note", '^[A-Z_]+ (still|no longer) held(: )?', '')), '')
  WHERE "kind" = 'FOLLOW_UP_RECORDED' AND "note" ~ '^[A-Z_]+ (still|no longer) held(: |$)';
UPDATE "case_events" SET "closure_reason" = substring("note" FROM '^[A-Z_]+'), "note" = NULLIF(btrim(regexp_replace("note", '^[A-Z_]+', '')), '')
  WHERE "kind" = 'CLOSED' AND "note" ~ '^[A-Z_]+( |$)';
UPDATE "case_events" SET "day" = to_date(substring("note" FROM '[0-9]{2}/[0-9]{2}/[0-9]{4}$'), 'DD/MM/YYYY'), "note" = NULL
  WHERE "kind" IN ('MONITORING_MEETING_SCHEDULED', 'MONITORING_MEETING_HELD') AND "note" ~ '^(planned|held) on [0-9]{2}/[0-9]{2}/[0-9]{4}$';
UPDATE "case_events" SET "note" = NULL WHERE "kind" = 'PLAN_UPDATED' AND "note" = 'plan changed';
UPDATE "case_events" SET
  "detail" = CASE substring("note" FROM '^(goal added|goal changed|commitment added|commitment changed): ')
    WHEN 'goal added' THEN 'GOAL_ADDED' WHEN 'goal changed' THEN 'GOAL_CHANGED' WHEN 'commitment added' THEN 'COMMITMENT_ADDED' ELSE 'COMMITMENT_CHANGED' END,
  "note" = regexp_replace("note", '^(goal added|goal changed|commitment added|commitment changed): ', '')
  WHERE "kind" = 'PLAN_UPDATED' AND "note" ~ '^(goal added|goal changed|commitment added|commitment changed): ';
UPDATE "case_events" SET "detail" = 'REOPENED_AS', "note" = NULL,
  "case_event_related_case" = (SELECT "id" FROM "cases" WHERE "code" = substring("note" FROM 13))
  WHERE "kind" = 'REOPENED' AND "note" LIKE 'reopened as %';
UPDATE "case_events" SET "detail" = 'REOPENS', "note" = NULLIF(btrim(regexp_replace("note", '^reopens [^:]+: ', '')), ''),
  "case_event_related_case" = (SELECT "id" FROM "cases" WHERE "code" = substring("note" FROM '^reopens ([^:]+): '))
  WHERE "kind" = 'REOPENED' AND "note" ~ '^reopens [^:]+: ';
UPDATE "case_events" e SET "case_event_to_table" = t."id", "note" = NULLIF(btrim(substr(e."note", length('to ' || t."name" || ': ') + 1)), '')
  FROM "territorial_tables" t
  WHERE e."kind" IN ('TRANSFER_REQUESTED', 'TRANSFER_DECLINED') AND starts_with(e."note", 'to ' || t."name" || ': ');
UPDATE "case_events" e SET "case_event_from_table" = f."id", "case_event_to_table" = t."id", "note" = NULL
  FROM "territorial_tables" f, "territorial_tables" t
  WHERE e."kind" = 'TRANSFERRED' AND e."note" = 'from ' || f."name" || ' to ' || t."name";
-- The demonstration data wrote Italian sentences of their own.
UPDATE "case_events" SET "assessment_level" = 'PRELIMINARY', "note" = NULL
  WHERE "kind" = 'ASSESSMENT_RECORDED' AND "note" = 'Analisi preliminare registrata.';
UPDATE "case_events" SET "note" = NULL WHERE "note" IN ('Segnalazione ricevuta dal tavolo.', 'Avviata l''analisi preliminare.',
  'Segnalazione non accolta.', 'Presa in carico e progetto concordato.', 'Avvio del monitoraggio.', 'Incontro di monitoraggio programmato.', 'Caso chiuso.');
-- The demonstration data wrote Italian sentences of their own.
UPDATE "case_events" SET "assessment_level" = 'PRELIMINARY', "note" = NULL
  WHERE "kind" = 'ASSESSMENT_RECORDED' AND "note" = 'Analisi preliminare registrata.';
UPDATE "case_events" SET "note" = NULL WHERE "note" IN ('Segnalazione ricevuta dal tavolo.', 'Avviata l''analisi preliminare.',
  'Segnalazione non accolta.', 'Presa in carico e progetto concordato.', 'Avvio del monitoraggio.', 'Incontro di monitoraggio programmato.', 'Caso chiuso.');
