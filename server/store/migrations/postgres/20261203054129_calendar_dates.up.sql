-- Calendar days become dates: each stored instant (midnight in Rome, as
-- the code wrote them) becomes its Italian day.
-- modify "assessments" table
ALTER TABLE "assessments" ALTER COLUMN "assessed_on" TYPE date USING ("assessed_on" AT TIME ZONE 'Europe/Rome')::date;
-- modify "cases" table
ALTER TABLE "cases" ALTER COLUMN "referred_on" TYPE date USING ("referred_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "taken_in_charge_on" TYPE date USING ("taken_in_charge_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "closed_on" TYPE date USING ("closed_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "first_meeting_on" TYPE date USING ("first_meeting_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "first_meeting_due_on" TYPE date USING ("first_meeting_due_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "plan_due_on" TYPE date USING ("plan_due_on" AT TIME ZONE 'Europe/Rome')::date;
-- modify "commitments" table
ALTER TABLE "commitments" ALTER COLUMN "due_on" TYPE date USING ("due_on" AT TIME ZONE 'Europe/Rome')::date;
-- modify "directives" table
ALTER TABLE "directives" ALTER COLUMN "issued_on" TYPE date USING ("issued_on" AT TIME ZONE 'Europe/Rome')::date;
-- modify "goals" table
ALTER TABLE "goals" ALTER COLUMN "due_on" TYPE date USING ("due_on" AT TIME ZONE 'Europe/Rome')::date;
-- modify "interventions" table
ALTER TABLE "interventions" ALTER COLUMN "starts_on" TYPE date USING ("starts_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "ends_on" TYPE date USING ("ends_on" AT TIME ZONE 'Europe/Rome')::date;
-- modify "monitoring_meetings" table
ALTER TABLE "monitoring_meetings" ALTER COLUMN "planned_on" TYPE date USING ("planned_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "held_on" TYPE date USING ("held_on" AT TIME ZONE 'Europe/Rome')::date;
-- modify "objectives" table
ALTER TABLE "objectives" ALTER COLUMN "period_start" TYPE date USING ("period_start" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "period_end" TYPE date USING ("period_end" AT TIME ZONE 'Europe/Rome')::date;
-- modify "outcomes" table
ALTER TABLE "outcomes" ALTER COLUMN "achieved_on" TYPE date USING ("achieved_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "follow_up_due_on" TYPE date USING ("follow_up_due_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "followed_up_on" TYPE date USING ("followed_up_on" AT TIME ZONE 'Europe/Rome')::date;
-- modify "pacts" table
ALTER TABLE "pacts" ALTER COLUMN "signed_on" TYPE date USING ("signed_on" AT TIME ZONE 'Europe/Rome')::date;
-- modify "person_identities" table
ALTER TABLE "person_identities" ALTER COLUMN "birth_date" TYPE date USING ("birth_date" AT TIME ZONE 'Europe/Rome')::date;
-- modify "plans" table
ALTER TABLE "plans" ALTER COLUMN "agreed_on" TYPE date USING ("agreed_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "review_on" TYPE date USING ("review_on" AT TIME ZONE 'Europe/Rome')::date;
-- modify "protocol_commitments" table
ALTER TABLE "protocol_commitments" ALTER COLUMN "due_on" TYPE date USING ("due_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "done_on" TYPE date USING ("done_on" AT TIME ZONE 'Europe/Rome')::date;
-- modify "protocols" table
ALTER TABLE "protocols" ALTER COLUMN "signed_on" TYPE date USING ("signed_on" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "valid_from" TYPE date USING ("valid_from" AT TIME ZONE 'Europe/Rome')::date, ALTER COLUMN "valid_until" TYPE date USING ("valid_until" AT TIME ZONE 'Europe/Rome')::date;
-- modify "table_memberships" table
ALTER TABLE "table_memberships" ALTER COLUMN "joined_on" TYPE date USING ("joined_on" AT TIME ZONE 'Europe/Rome')::date;
