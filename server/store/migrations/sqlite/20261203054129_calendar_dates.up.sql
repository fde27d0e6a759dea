-- Calendar days become dates: each stored instant (midnight in Rome, as
-- the code wrote them) becomes the text YYYY-MM-DD of its Italian day.
-- SQLite keeps the columns' declared type (datetime; atlas sees no
-- difference from date) and the values change: italian_day is
-- domain.DayOf, registered with the driver by the store package, so this
-- migration runs through the server (store.Migrate), not the sqlite3 shell.
UPDATE "assessments" SET "assessed_on" = italian_day("assessed_on") WHERE "assessed_on" IS NOT NULL;
UPDATE "cases" SET "referred_on" = italian_day("referred_on") WHERE "referred_on" IS NOT NULL;
UPDATE "cases" SET "taken_in_charge_on" = italian_day("taken_in_charge_on") WHERE "taken_in_charge_on" IS NOT NULL;
UPDATE "cases" SET "closed_on" = italian_day("closed_on") WHERE "closed_on" IS NOT NULL;
UPDATE "cases" SET "first_meeting_on" = italian_day("first_meeting_on") WHERE "first_meeting_on" IS NOT NULL;
UPDATE "cases" SET "first_meeting_due_on" = italian_day("first_meeting_due_on") WHERE "first_meeting_due_on" IS NOT NULL;
UPDATE "cases" SET "plan_due_on" = italian_day("plan_due_on") WHERE "plan_due_on" IS NOT NULL;
UPDATE "commitments" SET "due_on" = italian_day("due_on") WHERE "due_on" IS NOT NULL;
UPDATE "directives" SET "issued_on" = italian_day("issued_on") WHERE "issued_on" IS NOT NULL;
UPDATE "goals" SET "due_on" = italian_day("due_on") WHERE "due_on" IS NOT NULL;
UPDATE "interventions" SET "starts_on" = italian_day("starts_on") WHERE "starts_on" IS NOT NULL;
UPDATE "interventions" SET "ends_on" = italian_day("ends_on") WHERE "ends_on" IS NOT NULL;
UPDATE "monitoring_meetings" SET "planned_on" = italian_day("planned_on") WHERE "planned_on" IS NOT NULL;
UPDATE "monitoring_meetings" SET "held_on" = italian_day("held_on") WHERE "held_on" IS NOT NULL;
UPDATE "objectives" SET "period_start" = italian_day("period_start") WHERE "period_start" IS NOT NULL;
UPDATE "objectives" SET "period_end" = italian_day("period_end") WHERE "period_end" IS NOT NULL;
UPDATE "outcomes" SET "achieved_on" = italian_day("achieved_on") WHERE "achieved_on" IS NOT NULL;
UPDATE "outcomes" SET "follow_up_due_on" = italian_day("follow_up_due_on") WHERE "follow_up_due_on" IS NOT NULL;
UPDATE "outcomes" SET "followed_up_on" = italian_day("followed_up_on") WHERE "followed_up_on" IS NOT NULL;
UPDATE "pacts" SET "signed_on" = italian_day("signed_on") WHERE "signed_on" IS NOT NULL;
UPDATE "person_identities" SET "birth_date" = italian_day("birth_date") WHERE "birth_date" IS NOT NULL;
UPDATE "plans" SET "agreed_on" = italian_day("agreed_on") WHERE "agreed_on" IS NOT NULL;
UPDATE "plans" SET "review_on" = italian_day("review_on") WHERE "review_on" IS NOT NULL;
UPDATE "protocol_commitments" SET "due_on" = italian_day("due_on") WHERE "due_on" IS NOT NULL;
UPDATE "protocol_commitments" SET "done_on" = italian_day("done_on") WHERE "done_on" IS NOT NULL;
UPDATE "protocols" SET "signed_on" = italian_day("signed_on") WHERE "signed_on" IS NOT NULL;
UPDATE "protocols" SET "valid_from" = italian_day("valid_from") WHERE "valid_from" IS NOT NULL;
UPDATE "protocols" SET "valid_until" = italian_day("valid_until") WHERE "valid_until" IS NOT NULL;
UPDATE "table_memberships" SET "joined_on" = italian_day("joined_on") WHERE "joined_on" IS NOT NULL;
