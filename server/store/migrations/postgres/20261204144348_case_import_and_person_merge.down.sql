-- reverse: create index "personmerge_person_merge_survivor" to table: "person_merges"
DROP INDEX "personmerge_person_merge_survivor";
-- reverse: create index "personmerge_person_merge_merged" to table: "person_merges"
DROP INDEX "personmerge_person_merge_merged";
-- reverse: create index "personmerge_created_at" to table: "person_merges"
DROP INDEX "personmerge_created_at";
-- reverse: create "person_merges" table
DROP TABLE "person_merges";
-- reverse: create index "cases_import_key_key" to table: "cases"
DROP INDEX "cases_import_key_key";
-- reverse: modify "cases" table
ALTER TABLE "cases" DROP COLUMN "import_key";
