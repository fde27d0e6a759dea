package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// nestedEdge is a connection reached through a parent, asked for in the
// two ways field collection loads it: under a list of parents (one
// windowed query for all of them) and under node(id:) (one parent).
type nestedEdge struct {
	name      string // the edge's field, e.g. "events"
	orderType string // its order input, e.g. "CaseEventOrder"
	field     string // the order field asked for
	list      string // a list of parents with only the one of $id, ending in the nested field's name
	node      string // the same parent through node(id: $id)
}

// orderForms are the ways a client writes orderBy: a list, or a single
// object that GraphQL coerces to a list of one, each literal or through a
// variable.
var orderForms = []struct {
	name     string
	variable bool
	list     bool
}{
	{"literal list", false, true},
	{"literal object", false, false},
	{"variable list", true, true},
	{"variable object", true, false},
}

// page asks the edge of the parent $id for one page and returns the ids
// of its nodes, hasNextPage and endCursor.
func (e nestedEdge) page(t *testing.T, a *webtest.API, node bool, form int, dir string, id gid.ID, first int, after *string) (ids []gid.ID, next bool, end *string) {
	t.Helper()
	f := orderForms[form]
	params, vars := "$id: ID!, $first: Int, $after: Cursor", map[string]any{"id": id, "first": first, "after": after}
	order := fmt.Sprintf("{field: %s, direction: %s}", e.field, dir)
	if f.list {
		order = "[" + order + "]"
	}
	if f.variable {
		params += ", $order: [" + e.orderType + "!]"
		o := map[string]any{"field": e.field, "direction": dir}
		if f.list {
			vars["order"] = []any{o}
		} else {
			vars["order"] = o
		}
		order = "$order"
	}
	parent := e.list
	if node {
		parent = e.node
	}
	q := fmt.Sprintf(`query(%s) { %s(first: $first, after: $after, orderBy: %s) {
		pageInfo { hasNextPage endCursor } edges { node { id } } } %s }`, params, parent, order, closing(parent))
	r := a.Post(q, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("%s: %s", q, r.Raw)
	}
	var conn struct {
		PageInfo struct {
			HasNextPage bool
			EndCursor   *string
		}
		Edges []struct{ Node struct{ ID gid.ID } }
	}
	if err := json.Unmarshal(dig(t, r.Data, e.name), &conn); err != nil {
		t.Fatalf("decoding %s: %v", r.Data, err)
	}
	for _, edge := range conn.Edges {
		ids = append(ids, edge.Node.ID)
	}
	return ids, conn.PageInfo.HasNextPage, conn.PageInfo.EndCursor
}

// closing returns the braces that close the parent selection opened in s.
func closing(s string) string {
	n := 0
	for _, c := range s {
		switch c {
		case '{':
			n++
		case '}':
			n--
		}
	}
	out := ""
	for range n {
		out += "}"
	}
	return out
}

// dig finds the first object member called name, depth first, and
// follows the first element of every list on the way.
func dig(t *testing.T, raw json.RawMessage, name string) json.RawMessage {
	t.Helper()
	var walk func(json.RawMessage) (json.RawMessage, bool)
	walk = func(r json.RawMessage) (json.RawMessage, bool) {
		var obj map[string]json.RawMessage
		if json.Unmarshal(r, &obj) == nil {
			if v, ok := obj[name]; ok {
				return v, true
			}
			for _, v := range obj {
				if found, ok := walk(v); ok {
					return found, true
				}
			}
			return nil, false
		}
		var list []json.RawMessage
		if json.Unmarshal(r, &list) == nil && len(list) > 0 {
			return walk(list[0])
		}
		return nil, false
	}
	v, ok := walk(raw)
	if !ok {
		t.Fatalf("no %q in %s", name, raw)
	}
	return v
}

// checkOrder pages the edge of the parent id three nodes at a time, in
// every form, direction and path, and compares the nodes with want.
func (e nestedEdge) checkOrder(t *testing.T, a *webtest.API, id gid.ID, want map[string][]gid.ID) {
	t.Helper()
	for _, dir := range []string{"ASC", "DESC"} {
		if len(want[dir]) < 4 {
			t.Fatalf("%s: %d nodes, too few to page", e.name, len(want[dir]))
		}
		for form := range orderForms {
			for _, node := range []bool{false, true} {
				path := "list of parents"
				if node {
					path = "node(id:)"
				}
				whole, _, _ := e.page(t, a, node, form, dir, id, 100, nil)
				if !slices.Equal(whole, want[dir]) {
					t.Errorf("%s %s, orderBy as a %s, under a %s:\n got %v\nwant %v", e.name, dir, orderForms[form].name, path, whole, want[dir])
					continue
				}
				var paged []gid.ID
				var after *string
				for pages := 1; ; pages++ {
					ids, next, end := e.page(t, a, node, form, dir, id, 3, after)
					paged = append(paged, ids...)
					if !next {
						break
					}
					if pages > len(want[dir]) {
						t.Fatalf("%s: endless pages", e.name)
					}
					after = end
				}
				if !slices.Equal(paged, want[dir]) {
					t.Errorf("%s %s, orderBy as a %s, under a %s, paged by 3:\n got %v\nwant %v", e.name, dir, orderForms[form].name, path, paged, want[dir])
				}
			}
		}
	}
}

// TestNestedConnectionOrder asks nested connections (a case's events, a
// table's cases) ordered ascending and descending, whole and page by page
// with first/after, and checks that the order asked for is the order
// returned: field collection, which loads these connections, once read
// only a list literal and dropped an orderBy written as a single object.
func TestNestedConnectionOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		base := webtest.DemoAPI(t, db, 11, 40)
		coordinator := webtest.As(t, base, demo.CoordinatorEmail)

		// The Empoli case with the most events; the expected order is
		// entgql's: the field, then the id ascending.
		cases := base.Client.CaseFile.Query().Where(casefile.HasTableWith(territorialtable.Code("EMP")),
			casefile.StatusIn(casefile.StatusInCharge, casefile.StatusMonitoring)).WithEvents().AllX(ctx)
		if len(cases) == 0 {
			t.Fatal("no Empoli case in charge in the demo data")
		}
		cs := slices.MaxFunc(cases, func(a, b *ent.CaseFile) int { return len(a.Edges.Events) - len(b.Edges.Events) })
		events := map[string][]gid.ID{
			"ASC": base.Client.CaseEvent.Query().Where(caseevent.HasCaseWith(casefile.ID(cs.ID))).
				Order(ent.Asc(caseevent.FieldOccurredAt), ent.Asc(caseevent.FieldID)).IDsX(ctx),
			"DESC": base.Client.CaseEvent.Query().Where(caseevent.HasCaseWith(casefile.ID(cs.ID))).
				Order(ent.Desc(caseevent.FieldOccurredAt), ent.Asc(caseevent.FieldID)).IDsX(ctx),
		}
		nestedEdge{
			name: "events", orderType: "CaseEventOrder", field: "OCCURRED_AT",
			list: `cases(first: 5, where: {id: $id}) { edges { node { code events`,
			node: `node(id: $id) { ... on Case { code events`,
		}.checkOrder(t, coordinator, cs.ID, events)

		// Under many parents, one query loads the first three events of
		// each case: each must be its own case's three latest.
		var many struct {
			Cases struct {
				Edges []struct {
					Node struct {
						ID     gid.ID
						Events struct {
							Edges []struct{ Node struct{ ID gid.ID } }
						}
					}
				}
			}
		}
		coordinator.OK(`{ cases(first: 50, where: {hasTableWith: {code: "EMP"}}) { edges { node { id
			events(first: 3, orderBy: {field: OCCURRED_AT, direction: DESC}) { edges { node { id } } } } } } }`, nil, &many)
		if len(many.Cases.Edges) < 2 {
			t.Fatalf("%d Empoli cases, want several", len(many.Cases.Edges))
		}
		for _, e := range many.Cases.Edges {
			want := base.Client.CaseEvent.Query().Where(caseevent.HasCaseWith(casefile.ID(e.Node.ID))).
				Order(ent.Desc(caseevent.FieldOccurredAt), ent.Asc(caseevent.FieldID)).Limit(3).IDsX(ctx)
			var got []gid.ID
			for _, ev := range e.Node.Events.Edges {
				got = append(got, ev.Node.ID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("case %s, latest three events among many cases:\n got %v\nwant %v", e.Node.ID, got, want)
			}
		}

		// The Empoli table's cases, as the root connection orders them
		// for the coordinator.
		table := base.Client.TerritorialTable.Query().Where(territorialtable.Code("EMP")).OnlyIDX(ctx)
		rootOrder := func(dir string) []gid.ID {
			var root struct {
				Cases struct {
					Edges []struct{ Node struct{ ID gid.ID } }
				}
			}
			coordinator.OK(`query($dir: OrderDirection!) { cases(first: 100, where: {hasTableWith: {code: "EMP"}},
				orderBy: [{field: CODE, direction: $dir}]) { edges { node { id } } } }`, map[string]any{"dir": dir}, &root)
			var ids []gid.ID
			for _, e := range root.Cases.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids
		}
		tableCases := map[string][]gid.ID{"ASC": rootOrder("ASC"), "DESC": rootOrder("DESC")}
		if got := len(tableCases["ASC"]); got >= 100 {
			t.Fatalf("%d cases: the root query does not hold them all", got)
		}
		nestedEdge{
			name: "cases", orderType: "CaseOrder", field: "CODE",
			list: `tables(first: 5, where: {id: $id}) { edges { node { id cases`,
			node: `node(id: $id) { ... on Table { id cases`,
		}.checkOrder(t, coordinator, table, tableCases)
		t.Logf("%s: %d events of case %s, %d cases of the table, in %d forms each", db.Dialect, len(events["ASC"]), cs.Code, len(tableCases["ASC"]), len(orderForms))
	})
}
