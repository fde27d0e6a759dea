-- modify "audit_events" table
ALTER TABLE "audit_events" ADD COLUMN "changes" text NULL;
-- modify "cases" table
ALTER TABLE "cases" ADD COLUMN "referrer_entered_identity" boolean NOT NULL DEFAULT false;
-- modify "persons" table
ALTER TABLE "persons" ALTER COLUMN "birth_year" DROP NOT NULL, ALTER COLUMN "gender" DROP NOT NULL, ALTER COLUMN "household_size" DROP NOT NULL, ALTER COLUMN "citizenship_area" DROP NOT NULL;
-- a person's first case is the referral that entered their identity: its
-- referrer keeps reading it, as before (later links learn nothing more)
UPDATE cases SET referrer_entered_identity = true WHERE NOT EXISTS (
  SELECT 1 FROM cases AS earlier WHERE earlier.case_file_person = cases.case_file_person
  AND (earlier.created_at < cases.created_at OR (earlier.created_at = cases.created_at AND earlier.id < cases.id)));
