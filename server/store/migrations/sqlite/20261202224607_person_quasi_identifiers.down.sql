-- reverse: create index "person_gender" to table: "persons"
DROP INDEX `person_gender`;
-- reverse: create index "person_birth_year" to table: "persons"
DROP INDEX `person_birth_year`;
-- reverse: create index "person_created_at" to table: "persons"
DROP INDEX `person_created_at`;
-- reverse: create index "persons_pseudonym_key" to table: "persons"
DROP INDEX `persons_pseudonym_key`;
-- reverse: create "new_persons" table
DROP TABLE `new_persons`;
