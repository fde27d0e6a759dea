-- reverse: create index "personmerge_person_merge_survivor" to table: "person_merges"
DROP INDEX `personmerge_person_merge_survivor`;
-- reverse: create index "personmerge_person_merge_merged" to table: "person_merges"
DROP INDEX `personmerge_person_merge_merged`;
-- reverse: create index "personmerge_created_at" to table: "person_merges"
DROP INDEX `personmerge_created_at`;
-- reverse: create "person_merges" table
DROP TABLE `person_merges`;
-- reverse: add column "import_key" to table "cases" (the up migration rebuilt the table to place it; dropping the column leaves the rest as it was)
DROP INDEX `cases_import_key_key`;
ALTER TABLE `cases` DROP COLUMN `import_key`;
