-- reverse: modify "persons" table
ALTER TABLE "persons" ALTER COLUMN "citizenship_area" SET NOT NULL, ALTER COLUMN "household_size" SET NOT NULL, ALTER COLUMN "gender" SET NOT NULL, ALTER COLUMN "birth_year" SET NOT NULL;
-- reverse: modify "cases" table
ALTER TABLE "cases" DROP COLUMN "referrer_entered_identity";
-- reverse: modify "audit_events" table
ALTER TABLE "audit_events" DROP COLUMN "changes";
