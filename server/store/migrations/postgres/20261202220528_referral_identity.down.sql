-- reverse: modify "cases" table
ALTER TABLE "cases" DROP COLUMN "referrer_entered_identity";
