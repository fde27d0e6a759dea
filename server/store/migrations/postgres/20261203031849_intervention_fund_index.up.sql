-- create index "intervention_intervention_fund" to table: "interventions"
CREATE INDEX "intervention_intervention_fund" ON "interventions" ("intervention_fund");
