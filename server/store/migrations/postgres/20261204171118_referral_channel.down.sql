-- reverse: modify "cases" table
ALTER TABLE "cases" DROP COLUMN "referral_channel";
