-- reverse: create "fund_amendments" table
DROP TABLE "fund_amendments";
-- reverse: create index "fund_year_name_fund_owner" to table: "funds"
DROP INDEX "fund_year_name_fund_owner";
-- reverse: create index "fund_fund_municipality" to table: "funds"
DROP INDEX "fund_fund_municipality";
-- reverse: modify "funds" table
ALTER TABLE "funds" DROP CONSTRAINT "funds_organizations_owner", DROP CONSTRAINT "funds_municipalities_municipality", DROP COLUMN "fund_owner", DROP COLUMN "closure_reason", DROP COLUMN "closed_on", DROP COLUMN "source", ALTER COLUMN "fund_municipality" SET NOT NULL, ADD CONSTRAINT "funds_municipalities_municipality" FOREIGN KEY ("fund_municipality") REFERENCES "municipalities" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- reverse: drop index "fund_year_fund_municipality" from table: "funds"
CREATE UNIQUE INDEX "fund_year_fund_municipality" ON "funds" ("year", "fund_municipality");
