-- reverse: create "objective_tables" table
DROP TABLE "objective_tables";
-- reverse: create "objective_municipalities" table
DROP TABLE "objective_municipalities";
-- reverse: modify "objectives" table
ALTER TABLE "objectives" DROP COLUMN "need_areas";
-- reverse: create index "directiveacknowledgement_direc_67ee485a28f440b4a8154585fff44398" to table: "directive_acknowledgements"
DROP INDEX "directiveacknowledgement_direc_67ee485a28f440b4a8154585fff44398";
-- reverse: create index "directiveacknowledgement_created_at" to table: "directive_acknowledgements"
DROP INDEX "directiveacknowledgement_created_at";
-- reverse: create "directive_acknowledgements" table
DROP TABLE "directive_acknowledgements";
