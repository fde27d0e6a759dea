-- (hand-written: the table is rebuilt as it was; as on PostgreSQL, it
-- fails while a fund of no municipality exists)
PRAGMA foreign_keys = off;
DROP TABLE `fund_amendments`;
CREATE TABLE `old_funds` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `year` integer NOT NULL, `allocated_cents` integer NOT NULL, `fund_municipality` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `funds_municipalities_municipality` FOREIGN KEY (`fund_municipality`) REFERENCES `municipalities` (`id`) ON DELETE NO ACTION);
INSERT INTO `old_funds` (`id`, `created_at`, `updated_at`, `name`, `year`, `allocated_cents`, `fund_municipality`) SELECT `id`, `created_at`, `updated_at`, `name`, `year`, `allocated_cents`, `fund_municipality` FROM `funds`;
DROP TABLE `funds`;
ALTER TABLE `old_funds` RENAME TO `funds`;
CREATE INDEX `fund_created_at` ON `funds` (`created_at`);
CREATE UNIQUE INDEX `fund_year_fund_municipality` ON `funds` (`year`, `fund_municipality`);
PRAGMA foreign_keys = on;
