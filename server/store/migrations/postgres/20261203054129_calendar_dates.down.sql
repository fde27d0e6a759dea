-- Back to instants: each day becomes its midnight in Rome.
-- reverse: modify "table_memberships" table
ALTER TABLE "table_memberships" ALTER COLUMN "joined_on" TYPE timestamptz USING ("joined_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "protocols" table
ALTER TABLE "protocols" ALTER COLUMN "valid_until" TYPE timestamptz USING ("valid_until"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "valid_from" TYPE timestamptz USING ("valid_from"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "signed_on" TYPE timestamptz USING ("signed_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "protocol_commitments" table
ALTER TABLE "protocol_commitments" ALTER COLUMN "done_on" TYPE timestamptz USING ("done_on"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "due_on" TYPE timestamptz USING ("due_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "plans" table
ALTER TABLE "plans" ALTER COLUMN "review_on" TYPE timestamptz USING ("review_on"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "agreed_on" TYPE timestamptz USING ("agreed_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "person_identities" table
ALTER TABLE "person_identities" ALTER COLUMN "birth_date" TYPE timestamptz USING ("birth_date"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "pacts" table
ALTER TABLE "pacts" ALTER COLUMN "signed_on" TYPE timestamptz USING ("signed_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "outcomes" table
ALTER TABLE "outcomes" ALTER COLUMN "followed_up_on" TYPE timestamptz USING ("followed_up_on"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "follow_up_due_on" TYPE timestamptz USING ("follow_up_due_on"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "achieved_on" TYPE timestamptz USING ("achieved_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "objectives" table
ALTER TABLE "objectives" ALTER COLUMN "period_end" TYPE timestamptz USING ("period_end"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "period_start" TYPE timestamptz USING ("period_start"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "monitoring_meetings" table
ALTER TABLE "monitoring_meetings" ALTER COLUMN "held_on" TYPE timestamptz USING ("held_on"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "planned_on" TYPE timestamptz USING ("planned_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "interventions" table
ALTER TABLE "interventions" ALTER COLUMN "ends_on" TYPE timestamptz USING ("ends_on"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "starts_on" TYPE timestamptz USING ("starts_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "goals" table
ALTER TABLE "goals" ALTER COLUMN "due_on" TYPE timestamptz USING ("due_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "directives" table
ALTER TABLE "directives" ALTER COLUMN "issued_on" TYPE timestamptz USING ("issued_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "commitments" table
ALTER TABLE "commitments" ALTER COLUMN "due_on" TYPE timestamptz USING ("due_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "cases" table
ALTER TABLE "cases" ALTER COLUMN "plan_due_on" TYPE timestamptz USING ("plan_due_on"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "first_meeting_due_on" TYPE timestamptz USING ("first_meeting_due_on"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "first_meeting_on" TYPE timestamptz USING ("first_meeting_on"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "closed_on" TYPE timestamptz USING ("closed_on"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "taken_in_charge_on" TYPE timestamptz USING ("taken_in_charge_on"::timestamp AT TIME ZONE 'Europe/Rome'), ALTER COLUMN "referred_on" TYPE timestamptz USING ("referred_on"::timestamp AT TIME ZONE 'Europe/Rome');
-- reverse: modify "assessments" table
ALTER TABLE "assessments" ALTER COLUMN "assessed_on" TYPE timestamptz USING ("assessed_on"::timestamp AT TIME ZONE 'Europe/Rome');
