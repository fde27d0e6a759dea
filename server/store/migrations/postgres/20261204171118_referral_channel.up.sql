-- modify "cases" table
ALTER TABLE "cases" ADD COLUMN "referral_channel" character varying NULL;
