-- reverse: create "objective_municipalities" table
DROP TABLE `objective_municipalities`;
-- reverse: create "objective_tables" table
DROP TABLE `objective_tables`;
-- reverse: create index "directiveacknowledgement_direct_4d5042793a19dcc9a90ba66b3ccae3eb" to table: "directive_acknowledgements"
DROP INDEX `directiveacknowledgement_direct_4d5042793a19dcc9a90ba66b3ccae3eb`;
-- reverse: create index "directiveacknowledgement_created_at" to table: "directive_acknowledgements"
DROP INDEX `directiveacknowledgement_created_at`;
-- reverse: create "directive_acknowledgements" table
DROP TABLE `directive_acknowledgements`;
-- reverse: add column "need_areas" to table: "objectives"
ALTER TABLE `objectives` DROP COLUMN `need_areas`;
