package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/schema/rule"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestNodeForEveryType resolves node(id:) and nodes(ids:) for every type
// that implements Node, as the schema lists them: a new type without a
// fixture fails here.
func TestNodeForEveryType(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		f := webtest.SeedOneOfEach(t, a.Client)
		// Identities are read by the members of the table of the open
		// case, and never by the committee: the tester, an administrator,
		// joins the table as an operator.
		a.Client.User.UpdateOneID(a.UserID).SetRoles([]domain.Role{domain.RoleAdmin, domain.RoleOperator}).
			ExecX(rule.SystemContext(context.Background()))
		a.Client.TableMembership.Create().SetTableID(f["Table"]).SetUserID(a.UserID).SetOrganizationID(f["Organization"]).
			SetProfession("OTHER").SetJoinedOn(domain.Today()).ExecX(rule.SystemContext(context.Background()))
		// Sessions and tokens are seen by their owner only: the tester's.
		f["ApiToken"] = a.TokenID
		f["Session"] = a.Client.Session.Create().SetUserID(a.UserID).SetTokenHash("test-session").
			SetExpiresAt(time.Now().Add(time.Hour)).SaveX(rule.SystemContext(context.Background())).ID
		// Notifications are seen by their recipient only: the tester.
		f["Notification"] = a.Client.Notification.Create().SetKind(domain.EventReferralReceived).SetEventID("obx_node").
			SetRecipientID(a.UserID).SaveX(rule.SystemContext(context.Background())).ID
		// Webhook endpoints and their deliveries are seen by their owner;
		// outgoing mail by administrators: the tester is both.
		hook := a.Client.Webhook.Create().SetURL("https://crm.example/hook").SetKinds([]domain.EventKind{domain.EventCaseChanged}).
			SetSecret("whsec_bm9kZQ").SetOwnerID(a.UserID).SetTokenID(a.TokenID).SaveX(rule.SystemContext(context.Background()))
		f["Webhook"] = hook.ID
		f["WebhookDelivery"] = a.Client.WebhookDelivery.Create().SetWebhook(hook).SetEventID("obx_node").
			SetKind(domain.EventCaseChanged).SetOrderingKey("node").SetPayload("{}").SaveX(rule.SystemContext(context.Background())).ID
		f["OutgoingMail"] = a.Client.OutgoingMail.Create().SetKind(outgoingmail.KindNOTIFICATION).SetToAddress("tester@demo.example").
			SetLanguage(domain.Italian).SetSubject("WIN: prova").SetTextBody("prova").SetHTMLBody("<p>prova</p>").
			SetMessageID("<node@win.example>").SetRecipientID(a.UserID).SaveX(rule.SystemContext(context.Background())).ID
		var schema struct {
			Type struct {
				PossibleTypes []struct{ Name string } `json:"possibleTypes"`
			} `json:"__type"`
		}
		a.OK(`{ __type(name: "Node") { possibleTypes { name } } }`, nil, &schema)
		if len(schema.Type.PossibleTypes) < 20 {
			t.Fatalf("only %d Node types in the schema", len(schema.Type.PossibleTypes))
		}
		var ids []gid.ID
		for _, pt := range schema.Type.PossibleTypes {
			id, ok := f[pt.Name]
			if !ok {
				t.Errorf("type %s has no fixture in seedOneOfEach", pt.Name)
				continue
			}
			ids = append(ids, id)
			var out struct {
				Node struct {
					Typename string `json:"__typename"`
					ID       gid.ID `json:"id"`
				} `json:"node"`
			}
			a.OK(`query($id: ID!) { node(id: $id) { __typename id } }`, map[string]any{"id": id}, &out)
			if out.Node.Typename != pt.Name || out.Node.ID != id {
				t.Errorf("node(%s) = %s %s, want %s", id, out.Node.Typename, out.Node.ID, pt.Name)
			}
		}
		var many struct {
			Nodes []struct {
				ID gid.ID `json:"id"`
			} `json:"nodes"`
		}
		a.OK(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}, &many)
		if len(many.Nodes) != len(ids) {
			t.Fatalf("nodes returned %d of %d", len(many.Nodes), len(ids))
		}
		for i, n := range many.Nodes {
			if n.ID != ids[i] {
				t.Errorf("nodes[%d] = %s, want %s (order must follow the request)", i, n.ID, ids[i])
			}
		}
		// Unknown IDs, of a known type or of none, are NOT_FOUND.
		for _, id := range []gid.ID{gid.New("cas"), gid.New("zzz"), "not-an-id"} {
			r := a.Post(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
			if r.Code() != "NOT_FOUND" {
				t.Errorf("node(%s): code %q, want NOT_FOUND: %s", id, r.Code(), r.Raw)
			}
		}
	})
}

// TestIDsAreOpaque checks that IDs carry their type and nothing else: no
// two alike, and no order to be read from them.
func TestIDsAreOpaque(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		ctx := rule.SystemContext(context.Background())
		var ids []string
		for i := range 20 {
			m := a.Client.Municipality.Create().SetName(fmt.Sprintf("Comune %02d", i)).SetIstatCode(fmt.Sprintf("0480%02d", i)).SetPopulation(1000).SaveX(ctx)
			if !strings.HasPrefix(string(m.ID), "mun_") || len(m.ID) != 30 {
				t.Fatalf("ID %q is not mun_ + 26 characters", m.ID)
			}
			ids = append(ids, string(m.ID))
		}
		ascending := 0
		for i := 1; i < len(ids); i++ {
			if ids[i] > ids[i-1] {
				ascending++
			}
		}
		// Time-ordered IDs would ascend 19 times out of 19.
		if ascending == len(ids)-1 || ascending == 0 {
			t.Errorf("IDs sort in creation order (%d of %d ascending): %v", ascending, len(ids)-1, ids)
		}
	})
}

type pageInfo struct {
	HasNextPage     bool    `json:"hasNextPage"`
	HasPreviousPage bool    `json:"hasPreviousPage"`
	StartCursor     *string `json:"startCursor"`
	EndCursor       *string `json:"endCursor"`
}

type namePage struct {
	Municipalities struct {
		TotalCount int `json:"totalCount"`
		PageInfo   pageInfo
		Edges      []struct {
			Node struct{ Name string }
		}
	}
}

func (p namePage) names() []string {
	var out []string
	for _, e := range p.Municipalities.Edges {
		out = append(out, e.Node.Name)
	}
	return out
}

// TestRelayPagination pages 25 municipalities forward and backward.
func TestRelayPagination(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		ctx := rule.SystemContext(context.Background())
		for i := range 25 {
			a.Client.Municipality.Create().SetName(fmt.Sprintf("Comune %02d", 24-i)).SetIstatCode(fmt.Sprintf("0480%02d", i)).SetPopulation(1000 + i).SaveX(ctx)
		}
		const q = `query($first: Int, $after: Cursor, $last: Int, $before: Cursor) {
			municipalities(first: $first, after: $after, last: $last, before: $before, orderBy: [{field: NAME}]) {
				totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { name } } } }`
		var forward []string
		vars := map[string]any{"first": 10}
		for pages := 0; ; pages++ {
			var p namePage
			a.OK(q, vars, &p)
			if p.Municipalities.TotalCount != 25 {
				t.Fatalf("totalCount = %d, want 25", p.Municipalities.TotalCount)
			}
			forward = append(forward, p.names()...)
			if !p.Municipalities.PageInfo.HasNextPage {
				if pages != 2 || len(p.names()) != 5 {
					t.Fatalf("last page is page %d with %d items, want page 2 with 5", pages, len(p.names()))
				}
				break
			}
			vars = map[string]any{"first": 10, "after": *p.Municipalities.PageInfo.EndCursor}
		}
		for i, name := range forward {
			if want := fmt.Sprintf("Comune %02d", i); name != want {
				t.Fatalf("forward[%d] = %s, want %s", i, name, want)
			}
		}
		var backward []string
		vars = map[string]any{"last": 10}
		for {
			var p namePage
			a.OK(q, vars, &p)
			backward = append(p.names(), backward...)
			if !p.Municipalities.PageInfo.HasPreviousPage {
				break
			}
			vars = map[string]any{"last": 10, "before": *p.Municipalities.PageInfo.StartCursor}
		}
		if strings.Join(backward, ",") != strings.Join(forward, ",") {
			t.Fatalf("backward pages %v differ from forward pages %v", backward, forward)
		}
		// A cursor that was tampered with is refused as bad input.
		r := a.Post(q, map[string]any{"first": 5, "after": "bm90LWEtY3Vyc29y"})
		if r.Code() != "BAD_USER_INPUT" || string(r.Data) != "null" {
			t.Errorf("a forged cursor: %s", r.Raw)
		}
	})
}

// TestFiltersAndOrdering checks where filters, edge filters and
// multi-field ordering.
func TestFiltersAndOrdering(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		f := webtest.SeedOneOfEach(t, a.Client)
		ctx := rule.SystemContext(context.Background())
		for i, kind := range []string{"TRADE_UNION", "TRADE_UNION", "CARITAS", "THIRD_SECTOR"} {
			a.Client.Organization.Create().SetName(fmt.Sprintf("Ente Demo %d", i)).SetKind(organizationKind(kind)).SaveX(ctx)
		}
		var unions struct {
			Organizations struct {
				TotalCount int
				Edges      []struct{ Node struct{ Name, Kind string } }
			}
		}
		a.OK(`{ organizations(first: 50, where: {kind: TRADE_UNION}, orderBy: [{field: NAME, direction: DESC}]) {
			totalCount edges { node { name kind } } } }`, nil, &unions)
		if got := unions.Organizations.TotalCount; got != 2 {
			t.Fatalf("trade unions: %d, want 2", got)
		}
		if e := unions.Organizations.Edges; e[0].Node.Name != "Ente Demo 1" || e[1].Node.Name != "Ente Demo 0" {
			t.Errorf("DESC order by name broken: %+v", e)
		}
		var all struct {
			Organizations struct {
				Edges []struct{ Node struct{ Name, Kind string } }
			}
		}
		a.OK(`{ organizations(first: 50, where: {nameContainsFold: "demo"}, orderBy: [{field: KIND}, {field: NAME, direction: DESC}]) {
			edges { node { name kind } } } }`, nil, &all)
		var got []string
		for _, e := range all.Organizations.Edges {
			got = append(got, e.Node.Kind+":"+e.Node.Name)
		}
		want := "CARITAS:Ente Demo 2,THIRD_SECTOR:Ente Demo 3,TRADE_UNION:Ente Demo 1,TRADE_UNION:Ente Demo 0"
		if strings.Join(got, ",") != want {
			t.Errorf("multi-field order:\n got %s\nwant %s", strings.Join(got, ","), want)
		}
		var cases struct {
			Cases struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						ID    gid.ID
						Table struct{ Code string }
					}
				}
			}
		}
		a.OK(`{ cases(first: 10, where: {status: IN_CHARGE, hasTableWith: {code: "EMP"}, hasPersonWith: {pseudonymHasPrefix: "P-"}}) {
			totalCount edges { node { id table { code } } } } }`, nil, &cases)
		if cases.Cases.TotalCount != 1 || cases.Cases.Edges[0].Node.ID != f["Case"] {
			t.Errorf("edge filter found %+v", cases.Cases)
		}
		a.OK(`{ cases(first: 10, where: {status: CLOSED}) { totalCount edges { node { id table { code } } } } }`, nil, &cases)
		if cases.Cases.TotalCount != 0 {
			t.Errorf("status filter found %d closed cases, want 0", cases.Cases.TotalCount)
		}
	})
}

// TestGraphQLOverHTTP checks the transport rules: queries by GET and POST,
// mutations never by GET, and the status codes of the specification.
func TestGraphQLOverHTTP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		webtest.SeedOneOfEach(t, a.Client)
		if r := a.Get(`{ municipalities(first: 5) { totalCount } }`); r.Status != http.StatusOK || len(r.Errors) > 0 {
			t.Errorf("GET query: %d %s", r.Status, r.Raw)
		}
		r := a.Get(`mutation { createMunicipality(input: {name: "Vinci", istatCode: "048050", population: 14500}) { id } }`)
		if r.Status == http.StatusOK || len(r.Errors) == 0 {
			t.Errorf("GET mutation was accepted: %d %s", r.Status, r.Raw)
		}
		if n := a.Client.Municipality.Query().CountX(rule.SystemContext(context.Background())); n != 1 {
			t.Errorf("GET mutation wrote: %d municipalities", n)
		}
		if r := a.Post(`{ municipalities(first: 5) { nope } }`, nil); r.Status != http.StatusBadRequest || r.Code() != "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("invalid query: %d %q", r.Status, r.Code())
		}
		if r := a.Post(`{ municipalities(first: 5) {`, nil); r.Status != http.StatusBadRequest || r.Code() != "GRAPHQL_PARSE_FAILED" {
			t.Errorf("unparsable query: %d %q", r.Status, r.Code())
		}
	})
}

// TestLimits checks page-size, cost and depth bounds.
func TestLimits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		webtest.SeedOneOfEach(t, a.Client)
		for _, tc := range []struct{ name, query, want string }{
			{"no first or last", `{ municipalities { totalCount } }`, "give `first` or `last`"},
			{"page too large", `{ municipalities(first: 101) { totalCount } }`, "at most 100"},
			{"nested unbounded", `{ tables(first: 5) { edges { node { cases { totalCount } } } } }`, "give `first` or `last`"},
			{"nested page too large", `{ tables(first: 5) { edges { node { cases(last: 500) { totalCount } } } } }`, "at most 100"},
			{"first and last", `{ municipalities(first: 5, last: 5) { totalCount } }`, "not both"},
			{"negative page", `{ municipalities(first: -1) { totalCount } }`, "cannot be less than zero"},
			{"variables count", `query($n: Int) { municipalities(first: $n) { totalCount } }`, "give `first` or `last`"},
			{"too costly", `{ tables(first: 100) { edges { node { cases(first: 100) { edges { node {
				id code status priority referredOn referralReason needAreas version createdAt updatedAt } } } } } } }`, "asks for too much"},
			{"too deep", `{ cases(first: 1) { edges { node { table { municipalities(first: 1) { edges { node {
				tables(first: 1) { edges { node { municipalities(first: 1) { edges { node { id } } } } } } } } } } } } } }`, "deeper than 12"},
		} {
			r := a.Post(tc.query, nil)
			if r.Code() != "BAD_USER_INPUT" || string(r.Data) != "null" && r.Data != nil || !strings.Contains(r.Errors[0].Message, tc.want) {
				t.Errorf("%s: %s", tc.name, r.Raw)
			}
		}
		// GraphiQL's introspection query nests TypeRefs nine deep, and must
		// pass for the documentation explorer to work.
		var schema struct {
			Schema struct {
				Types []struct{ Name string }
			} `json:"__schema"`
		}
		a.OK(introspection, nil, &schema)
		if len(schema.Schema.Types) < 50 {
			t.Errorf("introspection returned %d types", len(schema.Schema.Types))
		}
		var ok struct{ Municipalities struct{ TotalCount int } }
		a.OK(`{ municipalities(first: 0) { totalCount } }`, nil, &ok)
		if ok.Municipalities.TotalCount != 1 {
			t.Errorf("first: 0 count = %d", ok.Municipalities.TotalCount)
		}
	})
}

// introspection is the shape of the query GraphiQL sends (graphql-js's
// getIntrospectionQuery), trimmed to what nests deepest.
const introspection = `query IntrospectionQuery {
	__schema {
		queryType { name } mutationType { name }
		types { ...FullType }
		directives { name description locations args { ...InputValue } }
	}
}
fragment FullType on __Type {
	kind name description
	fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
	inputFields { ...InputValue }
	interfaces { ...TypeRef }
	enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
	possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
	kind name
	ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
		ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}`
