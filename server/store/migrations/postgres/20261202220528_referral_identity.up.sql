-- modify "cases" table
ALTER TABLE "cases" ADD COLUMN "referrer_entered_identity" boolean NOT NULL DEFAULT false;
