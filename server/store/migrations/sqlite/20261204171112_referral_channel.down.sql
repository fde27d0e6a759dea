-- reverse: add column "referral_channel" to table: "cases"
ALTER TABLE `cases` DROP COLUMN `referral_channel`;
