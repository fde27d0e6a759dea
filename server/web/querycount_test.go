package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/progetto-win/win/ent/schema/rule"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// nestedCases is the query of the guard: cases with their person, table,
// interventions (with provider) and outcomes.
const nestedCases = `query($first: Int!) {
	cases(first: $first, orderBy: [{field: REFERRED_ON, direction: DESC}]) {
		totalCount
		edges { node {
			code status
			person { pseudonym birthYear gender }
			table { name code }
			interventions(first: 20, orderBy: [{field: STARTS_ON}]) { totalCount edges { node { kind status costCents provider { name } } } }
			outcomes(first: 20) { edges { node { kind valueDimension achievedOn } } }
		} }
	} }`

// TestNestedQueryCount runs the nested query at first: 10 and first: 100
// and counts the SQL statements: field collection must eager-load each
// level once, so the count does not grow with the page.
func TestNestedQueryCount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		// The database counts every statement of the server's client
		// (store.CountStatements, as the server's metrics do per request).
		a := webtest.NewAPI(t, db)
		seedCases(t, a.Client, 120)

		// Authenticating the request (the token, the viewer's roles and
		// tables; none while cached) costs the same for every query:
		// measured on the smallest one and subtracted.
		var none struct {
			Typename string `json:"__typename"`
		}
		// The first request also records the token's use of the day,
		// behind it: the second is measured, once that is written.
		a.OK(`{ __typename }`, nil, &none)
		a.Accounts.Flush()
		from := db.Statements()
		a.OK(`{ __typename }`, nil, &none)
		authn := db.Statements() - from

		counts := map[int]int64{}
		for _, first := range []int{10, 100} {
			var out struct {
				Cases struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							Interventions struct {
								TotalCount int
								Edges      []struct {
									Node struct{ Provider struct{ Name string } }
								}
							}
							Outcomes struct {
								Edges []struct{ Node struct{ Kind string } }
							}
						}
					}
				}
			}
			from := db.Statements()
			a.OK(nestedCases, map[string]any{"first": first}, &out)
			counts[first] = db.Statements() - from - authn
			if len(out.Cases.Edges) != first || out.Cases.TotalCount != 121 {
				t.Fatalf("first %d: %d edges of %d", first, len(out.Cases.Edges), out.Cases.TotalCount)
			}
			for _, e := range out.Cases.Edges {
				// ent#4144: totalCount beside edges must still count.
				if e.Node.Interventions.TotalCount != 2 || len(e.Node.Interventions.Edges) != 2 || e.Node.Interventions.Edges[0].Node.Provider.Name == "" || len(e.Node.Outcomes.Edges) != 1 {
					t.Fatalf("interventions not loaded: %+v", e.Node)
				}
			}
		}
		t.Logf("%s: SQL statements for the nested query: first 10 → %d, first 100 → %d (plus %d to authenticate)", db.Dialect, counts[10], counts[100], authn)
		if counts[10] != counts[100] {
			t.Errorf("statements grow with the page: first 10 → %d, first 100 → %d", counts[10], counts[100])
		}
		if counts[100] > 10 {
			t.Errorf("%d statements for a five-level query; expected one per level", counts[100])
		}
	})
}

// seedCases adds n cases, each with two interventions and an outcome, to
// the fixture's table.
func seedCases(t *testing.T, c *ent.Client, n int) {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	f := webtest.SeedOneOfEach(t, c)
	tab := c.TerritorialTable.GetX(ctx, f["Table"])
	org := c.Organization.GetX(ctx, f["Organization"])
	persons := make([]*ent.PersonCreate, n)
	for i := range persons {
		persons[i] = c.Person.Create().SetBirthYear(1950 + i%50).SetGender(person.GenderMale).SetCitizenshipArea(person.CitizenshipAreaItaly)
	}
	people := c.Person.CreateBulk(persons...).SaveX(ctx)
	cases := make([]*ent.CaseFileCreate, n)
	for i, p := range people {
		cases[i] = c.CaseFile.Create().SetCode(fmt.Sprintf("EMP-2026-%04d", i+1)).SetPerson(p).SetTable(tab).
			SetReferringOrganization(org).SetReferredOn(webtest.Day(2026, 1, 1+i%28)).SetReferralReason("Disoccupazione").
			SetStatus(casefile.StatusInCharge)
	}
	saved := c.CaseFile.CreateBulk(cases...).SaveX(ctx)
	var items []*ent.InterventionCreate
	var results []*ent.OutcomeCreate
	for _, cs := range saved {
		for k := range 2 {
			items = append(items, c.Intervention.Create().SetCase(cs).SetProvider(org).SetKind(intervention.KindTraining).
				SetStartsOn(webtest.Day(2026, 2, 1+k)).SetCostCents(10_000))
		}
		results = append(results, c.Outcome.Create().SetCase(cs).SetKind(outcome.KindTrainingCompleted).
			SetValueDimension(outcome.ValueDimensionSocial).SetAchievedOn(webtest.Day(2026, 6, 1)))
	}
	c.Intervention.CreateBulk(items...).SaveX(ctx)
	c.Outcome.CreateBulk(results...).SaveX(ctx)
}
