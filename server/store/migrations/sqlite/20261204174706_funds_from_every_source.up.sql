-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_funds" table
CREATE TABLE `new_funds` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `year` integer NOT NULL, `source` text NOT NULL DEFAULT ('MUNICIPAL_BUDGET'), `allocated_cents` integer NOT NULL, `closed_on` date NULL, `closure_reason` text NULL, `fund_owner` text NOT NULL, `fund_municipality` text NULL, PRIMARY KEY (`id`), CONSTRAINT `funds_organizations_owner` FOREIGN KEY (`fund_owner`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION, CONSTRAINT `funds_municipalities_municipality` FOREIGN KEY (`fund_municipality`) REFERENCES `municipalities` (`id`) ON DELETE SET NULL);
-- copy rows from old table "funds" to new temporary table "new_funds"
-- (hand-written: existing funds are their municipality's)
INSERT INTO `new_funds` (`id`, `created_at`, `updated_at`, `name`, `year`, `allocated_cents`, `fund_owner`, `fund_municipality`) SELECT `id`, `created_at`, `updated_at`, `name`, `year`, `allocated_cents`, (SELECT o.id FROM organizations o WHERE o.kind = 'MUNICIPALITY' AND o.organization_municipality = funds.fund_municipality ORDER BY o.id LIMIT 1), `fund_municipality` FROM `funds`;
-- drop "funds" table after copying rows
DROP TABLE `funds`;
-- rename temporary table "new_funds" to "funds"
ALTER TABLE `new_funds` RENAME TO `funds`;
-- create index "fund_created_at" to table: "funds"
CREATE INDEX `fund_created_at` ON `funds` (`created_at`);
-- create index "fund_year_name_fund_owner" to table: "funds"
CREATE UNIQUE INDEX `fund_year_name_fund_owner` ON `funds` (`year`, `name`, `fund_owner`);
-- create index "fund_fund_municipality" to table: "funds"
CREATE INDEX `fund_fund_municipality` ON `funds` (`fund_municipality`);
-- create "fund_amendments" table
CREATE TABLE `fund_amendments` (`id` text NOT NULL, `previous_cents` integer NOT NULL, `allocated_cents` integer NOT NULL, `reason` text NOT NULL, `amended_at` datetime NOT NULL, `fund_amendment_fund` text NOT NULL, `fund_amendment_amended_by` text NULL, PRIMARY KEY (`id`), CONSTRAINT `fund_amendments_funds_fund` FOREIGN KEY (`fund_amendment_fund`) REFERENCES `funds` (`id`) ON DELETE NO ACTION, CONSTRAINT `fund_amendments_users_amended_by` FOREIGN KEY (`fund_amendment_amended_by`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
