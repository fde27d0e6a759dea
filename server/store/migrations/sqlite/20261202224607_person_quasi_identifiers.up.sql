-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_persons" table
CREATE TABLE `new_persons` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `pseudonym` text NOT NULL, `birth_year` integer NULL, `gender` text NULL, `household_size` integer NULL DEFAULT (1), `citizenship_area` text NULL, `person_municipality` text NULL, PRIMARY KEY (`id`), CONSTRAINT `persons_municipalities_municipality` FOREIGN KEY (`person_municipality`) REFERENCES `municipalities` (`id`) ON DELETE SET NULL);
-- copy rows from old table "persons" to new temporary table "new_persons"
INSERT INTO `new_persons` (`id`, `created_at`, `updated_at`, `pseudonym`, `birth_year`, `gender`, `household_size`, `citizenship_area`, `person_municipality`) SELECT `id`, `created_at`, `updated_at`, `pseudonym`, `birth_year`, `gender`, `household_size`, `citizenship_area`, `person_municipality` FROM `persons`;
-- drop "persons" table after copying rows
DROP TABLE `persons`;
-- rename temporary table "new_persons" to "persons"
ALTER TABLE `new_persons` RENAME TO `persons`;
-- create index "persons_pseudonym_key" to table: "persons"
CREATE UNIQUE INDEX `persons_pseudonym_key` ON `persons` (`pseudonym`);
-- create index "person_created_at" to table: "persons"
CREATE INDEX `person_created_at` ON `persons` (`created_at`);
-- create index "person_birth_year" to table: "persons"
CREATE INDEX `person_birth_year` ON `persons` (`birth_year`);
-- create index "person_gender" to table: "persons"
CREATE INDEX `person_gender` ON `persons` (`gender`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
