package web_test

import (
	"context"
	"testing"

	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestCaseScoping probes, as each demo account, what cases, persons and
// identities it reaches, through every path a client has.
func TestCaseScoping(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		base := webtest.DemoAPI(t, db, 3, 150)
		total := base.Client.CaseFile.Query().CountX(ctx)
		vinciOp := base.Client.User.Query().Where(user.Email(demo.OperatorVinciEmail)).OnlyX(ctx)
		inVinci := casefile.Or(casefile.HasTableWith(territorialtable.Code("VIN")), casefile.HasReferringOperatorWith(user.ID(vinciOp.ID)))
		vinciCases := base.Client.CaseFile.Query().Where(inVinci).CountX(ctx)
		empoliCase := base.Client.CaseFile.Query().Where(casefile.HasTableWith(territorialtable.Code("EMP")),
			casefile.StatusIn(casefile.StatusInCharge, casefile.StatusMonitoring)).WithPerson().FirstX(ctx)
		empoliIdentity := empoliCase.Edges.Person.QueryIdentity().OnlyIDX(ctx)
		empTable := base.Client.TerritorialTable.Query().Where(territorialtable.Code("EMP")).OnlyIDX(ctx)

		vinci := webtest.As(t, base, demo.OperatorVinciEmail)
		if got := vinci.Count(`{ cases(first: 0) { totalCount } }`, nil); got != vinciCases || got == 0 || got == total {
			t.Errorf("Vinci operator counts %d cases; his are %d of %d", got, vinciCases, total)
		}
		id := map[string]any{"id": empoliCase.ID}
		if r := vinci.Post(`query($id: ID!) { node(id: $id) { id } }`, id); r.Code() != "NOT_FOUND" {
			t.Errorf("node(Empoli case) for the Vinci operator: %s", r.Raw)
		}
		if r := vinci.Post(`query($id: ID!) { nodes(ids: [$id]) { id } }`, id); r.Code() != "NOT_FOUND" {
			t.Errorf("nodes(Empoli case): %s", r.Raw)
		}
		nested := `query($id: ID!) { node(id: $id) { ... on Table { cases(first: 0) { totalCount } } } }`
		var tab struct {
			Node struct{ Cases struct{ TotalCount int } }
		}
		vinci.OK(nested, map[string]any{"id": empTable}, &tab)
		if tab.Node.Cases.TotalCount != 0 {
			t.Errorf("Empoli table's cases counted %d for the Vinci operator", tab.Node.Cases.TotalCount)
		}
		if got := vinci.Count(`{ cases(first: 0, where: {hasTableWith: {code: "EMP"}}) { totalCount } }`, nil); got != 0 {
			t.Errorf("filter on the Empoli table found %d", got)
		}
		// Identity fields cannot be filtered or ordered on at all: a filter
		// on a hidden identity would tell whether it matches.
		for _, q := range []string{
			`{ persons(first: 0, where: {hasIdentityWith: {lastName: "Rossi"}}) { totalCount } }`,
			`{ cases(first: 0, where: {hasPersonWith: {hasIdentityWith: {taxCodeHasPrefix: "RSS"}}}) { totalCount } }`,
		} {
			if r := webtest.As(t, base, demo.SteeringEmail).Post(q, nil); r.Code() != "GRAPHQL_VALIDATION_FAILED" {
				t.Errorf("a filter on identity fields ran: %s", r.Raw)
			}
		}
		if got := vinci.Count(`{ cases(first: 0, orderBy: [{field: TABLE_NAME}]) { totalCount } }`, nil); got != vinciCases {
			t.Errorf("ordering changed the count: %d", got)
		}
		visiblePersons := base.Client.Person.Query().Where(person.HasCasesWith(inVinci)).CountX(ctx)
		if got := vinci.Count(`{ persons(first: 0) { totalCount } }`, nil); got != visiblePersons {
			t.Errorf("Vinci operator counts %d persons, his are %d", got, visiblePersons)
		}
		if r := vinci.Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": empoliIdentity}); r.Code() != "NOT_FOUND" {
			t.Errorf("node(Empoli identity): %s", r.Raw)
		}

		// The Empoli operator reads the identity of a person with an open
		// Empoli case; the committee and analysts see the case, never the
		// identity; the administrator, at no table, sees no case.
		const identity = `query($id: ID!) { node(id: $id) { ... on Case { person { pseudonym identity { lastName } } } } }`
		type caseView struct {
			Node *struct {
				Person struct {
					Pseudonym string
					Identity  *struct{ LastName string }
				}
			}
		}
		var seen caseView
		webtest.As(t, base, demo.OperatorEmail).OK(identity, id, &seen)
		if seen.Node == nil || seen.Node.Person.Identity == nil || seen.Node.Person.Identity.LastName == "" {
			t.Errorf("the Empoli operator cannot read the identity of an Empoli person: %+v", seen.Node)
		}
		for _, email := range []string{demo.SteeringEmail, demo.AnalystEmail} {
			b := webtest.As(t, base, email)
			if got := b.Count(`{ cases(first: 0) { totalCount } }`, nil); got != total {
				t.Errorf("%s counts %d cases of %d", email, got, total)
			}
			var pseudo caseView
			b.OK(identity, id, &pseudo)
			if pseudo.Node == nil || pseudo.Node.Person.Pseudonym == "" || pseudo.Node.Person.Identity != nil {
				t.Errorf("%s: the case should show with its pseudonym only: %+v", email, pseudo.Node)
			}
			if r := b.Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": empoliIdentity}); r.Code() != "NOT_FOUND" {
				t.Errorf("%s reads an identity by ID: %s", email, r.Raw)
			}
		}
		if got := webtest.As(t, base, demo.AdminEmail).Count(`{ cases(first: 0) { totalCount } }`, nil); got != 0 {
			t.Errorf("the administrator counts %d cases", got)
		}
	})
}
