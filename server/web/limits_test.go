package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// aliased repeats a selection under n aliases.
func aliased(n int, selection string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: %s", i, selection)
	}
	b.WriteString(" }")
	return b.String()
}

// nested returns a where input n has…With levels deep.
func nested(n int) map[string]any {
	where := map[string]any{"name": "Empoli"}
	for range n {
		where = map[string]any{"hasTablesWith": []any{map[string]any{"hasMunicipalitiesWith": []any{where}}}}
	}
	return where
}

// TestCostCountsWhatRuns checks that the cost limit counts what a request
// really makes the server do: aliases, introspection, the IDs of nodes,
// the values of filters, literal or in variables; and that a request
// without sign-in has a much smaller budget.
func TestCostCountsWhatRuns(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		signedIn := webtest.NewAPI(t, db)
		f := webtest.SeedOneOfEach(t, signedIn.Client)
		anonymous := &webtest.API{T: t, Handler: signedIn.Handler, Client: signedIn.Client}
		refusedAs := func(code string, a *webtest.API, name, query string, vars map[string]any, want string) {
			t.Helper()
			r := a.Post(query, vars)
			if r.Status != http.StatusOK || r.Code() != code || string(r.Data) != "null" || !strings.Contains(r.Errors[0].Message, want) {
				t.Errorf("%s: %d %.300s", name, r.Status, r.Raw)
			}
		}
		refused := func(a *webtest.API, name, query string, vars map[string]any, want string) {
			t.Helper()
			refusedAs("BAD_USER_INPUT", a, name, query, vars, want)
		}
		// Past the anonymous budget but within a signed-in user's, the
		// answer is to sign in: the web app, its session ended, goes
		// back to sign-in from any page.
		unauthenticated := func(a *webtest.API, name, query string, vars map[string]any) {
			t.Helper()
			refusedAs("UNAUTHENTICATED", a, name, query, vars, "sign in")
		}
		passes := func(a *webtest.API, name, query string, vars map[string]any) {
			t.Helper()
			if r := a.Post(query, vars); r.Status != http.StatusOK || len(r.Errors) > 0 {
				t.Errorf("%s: %d %.300s", name, r.Status, r.Raw)
			}
		}

		// One schema load, as GraphiQL's, is allowed to anyone; five
		// hundred aliased ones returned 310 MB.
		passes(anonymous, "one introspection", introspection, nil)
		// (Five hundred no longer parse: see TestDocumentSize.)
		unauthenticated(anonymous, "aliased introspection", aliased(3, "__schema { types { name fields { name } } }"), nil)
		refused(anonymous, "many aliased introspections", aliased(40, "__schema { types { name fields { name } } }"), nil, "too much")
		refused(signedIn, "aliased introspection signed in", aliased(40, "__schema { types { name fields { name } } }"), nil, "too much")
		refused(signedIn, "aliased type lookups", aliased(40, `__type(name: "Case") { fields { name } }`), nil, "too much")

		// Fragments spread twice in each other: 2^25 fields in 200 tokens.
		var fan strings.Builder
		fan.WriteString("query { organizations(first: 1) { edges { node { ...F0 } } } }")
		for i := range 25 {
			fmt.Fprintf(&fan, " fragment F%d on Organization { name ...F%d ...F%d }", i, i+1, i+1)
		}
		fan.WriteString(" fragment F25 on Organization { name }")
		refused(signedIn, "fragments fanning out", fan.String(), nil, "too much")

		// Twenty pages of organisations: each alias counts, and the
		// anonymous budget is a tenth of a signed-in user's.
		pages := aliased(20, "organizations(first: 100) { edges { node { id name } } }")
		unauthenticated(anonymous, "aliased pages anonymous", pages, nil)
		passes(signedIn, "aliased pages signed in", pages, nil)

		// nodes(ids:) returns what it is given: bounded like a page, and
		// each ID an item.
		ids := make([]gid.ID, 101)
		for i := range ids {
			ids[i] = f["Municipality"]
		}
		refused(signedIn, "101 IDs", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}, "at most 100 IDs")
		passes(signedIn, "100 IDs", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids[:100]})
		refused(signedIn, "a page under each of 100 nodes", `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Municipality {
			tables(first: 100) { edges { node { __typename id name code } } } } } }`, map[string]any{"ids": ids[:100]}, "too much")

		// Filters become SQL: their size and depth are bounded, literal or
		// sent as variables.
		var or []string
		for i := range 210 {
			or = append(or, fmt.Sprintf(`{name: "m%d"}`, i))
		}
		refused(signedIn, "literal filter too large", `{ municipalities(first: 1, where: {or: [`+strings.Join(or, ", ")+`]}) { totalCount } }`, nil, "more than 200 values")
		branches := make([]any, 300)
		for i := range branches {
			branches[i] = map[string]any{"hasTablesWith": []any{map[string]any{"code": fmt.Sprint(i)}}}
		}
		const where = `query($w: MunicipalityWhereInput) { municipalities(first: 1, where: $w) { totalCount } }`
		refused(signedIn, "filter too large in variables", where, map[string]any{"w": map[string]any{"or": branches}}, "more than 200 values")
		refused(signedIn, "filter too deep in variables", where, map[string]any{"w": nested(3)}, "deeper than 10")
		passes(signedIn, "a filter through two edges", where, map[string]any{"w": nested(2)})
	})
}

// TestDocumentSize checks that a document's tokens are bounded before it
// is validated: gqlparser's validation is quadratic in repeated fields.
func TestDocumentSize(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		query := "{ municipalities(first: 1) { " + strings.Repeat("totalCount ", 1500) + "} }"
		if r := a.Post(query, nil); r.Status != http.StatusBadRequest || r.Code() != "GRAPHQL_PARSE_FAILED" {
			t.Errorf("1,500 repeated fields: %d %.300s", r.Status, r.Raw)
		}
	})
}
