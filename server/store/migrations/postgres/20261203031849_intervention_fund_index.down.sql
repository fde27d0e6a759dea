-- reverse: create index "intervention_intervention_fund" to table: "interventions"
DROP INDEX "intervention_intervention_fund";
