-- add column "referral_channel" to table: "cases"
ALTER TABLE `cases` ADD COLUMN `referral_channel` text NULL;
