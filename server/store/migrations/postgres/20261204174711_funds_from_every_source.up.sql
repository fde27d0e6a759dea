-- drop index "fund_year_fund_municipality" from table: "funds"
DROP INDEX "fund_year_fund_municipality";
-- modify "funds" table
ALTER TABLE "funds" DROP CONSTRAINT "funds_municipalities_municipality", ALTER COLUMN "fund_municipality" DROP NOT NULL, ADD COLUMN "source" character varying NOT NULL DEFAULT 'MUNICIPAL_BUDGET', ADD COLUMN "closed_on" date NULL, ADD COLUMN "closure_reason" character varying NULL, ADD COLUMN "fund_owner" character varying NULL, ADD CONSTRAINT "funds_municipalities_municipality" FOREIGN KEY ("fund_municipality") REFERENCES "municipalities" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "funds_organizations_owner" FOREIGN KEY ("fund_owner") REFERENCES "organizations" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- existing funds are their municipality's (hand-written: a column
-- added NOT NULL needs its values first)
UPDATE "funds" SET "fund_owner" = (SELECT o.id FROM "organizations" o WHERE o.kind = 'MUNICIPALITY' AND o.organization_municipality = funds.fund_municipality ORDER BY o.id LIMIT 1);
ALTER TABLE "funds" ALTER COLUMN "fund_owner" SET NOT NULL;
-- create index "fund_fund_municipality" to table: "funds"
CREATE INDEX "fund_fund_municipality" ON "funds" ("fund_municipality");
-- create index "fund_year_name_fund_owner" to table: "funds"
CREATE UNIQUE INDEX "fund_year_name_fund_owner" ON "funds" ("year", "name", "fund_owner");
-- create "fund_amendments" table
CREATE TABLE "fund_amendments" ("id" character varying NOT NULL, "previous_cents" bigint NOT NULL, "allocated_cents" bigint NOT NULL, "reason" character varying NOT NULL, "amended_at" timestamptz NOT NULL, "fund_amendment_fund" character varying NOT NULL, "fund_amendment_amended_by" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "fund_amendments_funds_fund" FOREIGN KEY ("fund_amendment_fund") REFERENCES "funds" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "fund_amendments_users_amended_by" FOREIGN KEY ("fund_amendment_amended_by") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
