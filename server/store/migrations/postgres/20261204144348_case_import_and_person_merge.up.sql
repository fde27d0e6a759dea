-- modify "cases" table
ALTER TABLE "cases" ADD COLUMN "import_key" character varying NULL;
-- create index "cases_import_key_key" to table: "cases"
CREATE UNIQUE INDEX "cases_import_key_key" ON "cases" ("import_key");
-- create "person_merges" table
CREATE TABLE "person_merges" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "survivor_identity" jsonb NULL, "merged_identity" jsonb NULL, "moved_cases" jsonb NOT NULL, "moved_consents" jsonb NOT NULL, "undone_at" timestamptz NULL, "person_merge_survivor" character varying NOT NULL, "person_merge_merged" character varying NOT NULL, "person_merge_merged_by" character varying NOT NULL, "person_merge_undone_by" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "person_merges_persons_merged" FOREIGN KEY ("person_merge_merged") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "person_merges_persons_survivor" FOREIGN KEY ("person_merge_survivor") REFERENCES "persons" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "person_merges_users_merged_by" FOREIGN KEY ("person_merge_merged_by") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "person_merges_users_undone_by" FOREIGN KEY ("person_merge_undone_by") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "personmerge_created_at" to table: "person_merges"
CREATE INDEX "personmerge_created_at" ON "person_merges" ("created_at");
-- create index "personmerge_person_merge_merged" to table: "person_merges"
CREATE INDEX "personmerge_person_merge_merged" ON "person_merges" ("person_merge_merged");
-- create index "personmerge_person_merge_survivor" to table: "person_merges"
CREATE INDEX "personmerge_person_merge_survivor" ON "person_merges" ("person_merge_survivor");
