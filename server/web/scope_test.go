package web_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
)

// demoAPI loads demo data into the empty database and returns an API over
// it with no credentials; as signs its accounts in.
func demoAPI(t *testing.T, db *store.DB, seed int64, cases int) *api {
	t.Helper()
	client := db.Client()
	if _, err := demo.Load(rule.SystemContext(context.Background()), client, demo.Options{Seed: seed, Cases: cases, Today: time.Now()}); err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	return &api{t: t, client: client, handler: web.New(web.Options{Client: client, DB: db, Ping: db.Ping, Logger: logger})}
}

// as signs a demo account in and returns its browser.
func as(t *testing.T, base *api, email string) *api {
	t.Helper()
	b := &api{t: t, handler: base.handler, client: base.client}
	if r := b.signInAs(email, demo.Password); b.cookie == nil {
		t.Fatalf("%s cannot sign in: %s", email, r.Raw)
	}
	return b
}

func (a *api) count(query string, vars map[string]any) int {
	a.t.Helper()
	var out map[string]struct{ TotalCount int }
	a.ok(query, vars, &out)
	for _, v := range out {
		return v.TotalCount
	}
	return -1
}

// TestCaseScoping probes, as each demo account, what cases, persons and
// identities it reaches, through every path a client has.
func TestCaseScoping(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		base := demoAPI(t, db, 3, 150)
		total := base.client.CaseFile.Query().CountX(ctx)
		vinciOp := base.client.User.Query().Where(user.Email(demo.OperatorVinciEmail)).OnlyX(ctx)
		inVinci := casefile.Or(casefile.HasTableWith(territorialtable.Code("VIN")), casefile.HasReferringOperatorWith(user.ID(vinciOp.ID)))
		vinciCases := base.client.CaseFile.Query().Where(inVinci).CountX(ctx)
		empoliCase := base.client.CaseFile.Query().Where(casefile.HasTableWith(territorialtable.Code("EMP")),
			casefile.StatusIn(casefile.StatusInCharge, casefile.StatusMonitoring)).WithPerson().FirstX(ctx)
		empoliIdentity := empoliCase.Edges.Person.QueryIdentity().OnlyIDX(ctx)
		empTable := base.client.TerritorialTable.Query().Where(territorialtable.Code("EMP")).OnlyIDX(ctx)

		vinci := as(t, base, demo.OperatorVinciEmail)
		if got := vinci.count(`{ cases(first: 0) { totalCount } }`, nil); got != vinciCases || got == 0 || got == total {
			t.Errorf("Vinci operator counts %d cases; his are %d of %d", got, vinciCases, total)
		}
		id := map[string]any{"id": empoliCase.ID}
		if r := vinci.post(`query($id: ID!) { node(id: $id) { id } }`, id); r.code() != "NOT_FOUND" {
			t.Errorf("node(Empoli case) for the Vinci operator: %s", r.Raw)
		}
		if r := vinci.post(`query($id: ID!) { nodes(ids: [$id]) { id } }`, id); r.code() != "NOT_FOUND" {
			t.Errorf("nodes(Empoli case): %s", r.Raw)
		}
		nested := `query($id: ID!) { node(id: $id) { ... on Table { cases(first: 0) { totalCount } } } }`
		var tab struct {
			Node struct{ Cases struct{ TotalCount int } }
		}
		vinci.ok(nested, map[string]any{"id": empTable}, &tab)
		if tab.Node.Cases.TotalCount != 0 {
			t.Errorf("Empoli table's cases counted %d for the Vinci operator", tab.Node.Cases.TotalCount)
		}
		if got := vinci.count(`{ cases(first: 0, where: {hasTableWith: {code: "EMP"}}) { totalCount } }`, nil); got != 0 {
			t.Errorf("filter on the Empoli table found %d", got)
		}
		// Identity fields cannot be filtered or ordered on at all: a filter
		// on a hidden identity would tell whether it matches.
		for _, q := range []string{
			`{ persons(first: 0, where: {hasIdentityWith: {lastName: "Rossi"}}) { totalCount } }`,
			`{ cases(first: 0, where: {hasPersonWith: {hasIdentityWith: {taxCodeHasPrefix: "RSS"}}}) { totalCount } }`,
		} {
			if r := as(t, base, demo.SteeringEmail).post(q, nil); r.code() != "GRAPHQL_VALIDATION_FAILED" {
				t.Errorf("a filter on identity fields ran: %s", r.Raw)
			}
		}
		if got := vinci.count(`{ cases(first: 0, orderBy: [{field: TABLE_NAME}]) { totalCount } }`, nil); got != vinciCases {
			t.Errorf("ordering changed the count: %d", got)
		}
		visiblePersons := base.client.Person.Query().Where(person.HasCasesWith(inVinci)).CountX(ctx)
		if got := vinci.count(`{ persons(first: 0) { totalCount } }`, nil); got != visiblePersons {
			t.Errorf("Vinci operator counts %d persons, his are %d", got, visiblePersons)
		}
		if r := vinci.post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": empoliIdentity}); r.code() != "NOT_FOUND" {
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
		as(t, base, demo.OperatorEmail).ok(identity, id, &seen)
		if seen.Node == nil || seen.Node.Person.Identity == nil || seen.Node.Person.Identity.LastName == "" {
			t.Errorf("the Empoli operator cannot read the identity of an Empoli person: %+v", seen.Node)
		}
		for _, email := range []string{demo.SteeringEmail, demo.AnalystEmail} {
			b := as(t, base, email)
			if got := b.count(`{ cases(first: 0) { totalCount } }`, nil); got != total {
				t.Errorf("%s counts %d cases of %d", email, got, total)
			}
			var pseudo caseView
			b.ok(identity, id, &pseudo)
			if pseudo.Node == nil || pseudo.Node.Person.Pseudonym == "" || pseudo.Node.Person.Identity != nil {
				t.Errorf("%s: the case should show with its pseudonym only: %+v", email, pseudo.Node)
			}
			if r := b.post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": empoliIdentity}); r.code() != "NOT_FOUND" {
				t.Errorf("%s reads an identity by ID: %s", email, r.Raw)
			}
		}
		if got := as(t, base, demo.AdminEmail).count(`{ cases(first: 0) { totalCount } }`, nil); got != 0 {
			t.Errorf("the administrator counts %d cases", got)
		}
	})
}
