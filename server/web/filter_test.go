package web_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/graph"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// edgePredicate matches the edge predicates of a where input: hasX (is
// there any) and hasXWith (is there one that matches).
var edgePredicate = regexp.MustCompile(`^has([A-Z]\w*?)(With)?$`)

// TestFiltersSeeOnlyWhatReadsSee enumerates, from the generated schema,
// every edge predicate of every where input and checks, for every role
// and nobody signed in, that filtering a list through the edge selects
// exactly the objects whose edge, read by the same role, returns
// something: records the role cannot read weigh in a filter (or its
// totalCount) as if they did not exist. A new type, edge or where input
// is covered without editing the test.
func TestFiltersSeeOnlyWhatReadsSee(t *testing.T) {
	if testing.Short() {
		t.Skip("every edge predicate as every role: the slowest test (about 40 s with PostgreSQL); skipped with -short")
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := webtest.DemoAPI(t, db, 11, 40)
		// Thousands of requests of one session: throttling is TestThrottle's.
		base.Rebuild(db, func(o *web.Options) { o.Throttle = web.Throttle{Rate: 1e6, Burst: 1e6} })
		clients := webtest.RoleClients(t, base)
		schema := graph.NewSchema(nil, nil, nil, nil).Schema()
		lists := whereLists(schema)
		predicates := 0
		for _, name := range slices.Sorted(maps.Keys(schema.Types)) {
			input := schema.Types[name]
			typ, ok := strings.CutSuffix(name, "WhereInput")
			if !ok || input.Kind != ast.InputObject {
				continue
			}
			via, ok := filterPath(schema, lists, typ)
			if !ok {
				t.Errorf("no list takes a %s, nor a filter of a listed type through an edge: its filters go untested", name)
				continue
			}
			for _, f := range input.Fields {
				m := edgePredicate.FindStringSubmatch(f.Name)
				if m == nil || m[2] != "" {
					continue // each edge once, through its hasX field
				}
				edge := strings.ToLower(m[1][:1]) + m[1][1:]
				field := schema.Types[typ].Fields.ForName(edge)
				if field == nil || input.Fields.ForName(f.Name+"With") == nil {
					t.Errorf("%s filters through %s, which %s does not expose to read", name, f.Name, typ)
					continue
				}
				predicates++
				for _, role := range matrixRoles {
					a := clients[role]
					all, ok := via.list.ids(a, nil, via.selection("id"))
					if !ok {
						continue // the role lists none of these objects
					}
					reached, _ := via.list.ids(a, nil, via.selection(edgeSelection(field)))
					var unreached []string
					for id := range all {
						if !reached[id] {
							unreached = append(unreached, id)
						}
					}
					for _, c := range []struct {
						where map[string]any
						want  []string
					}{
						{map[string]any{f.Name: true}, slices.Collect(maps.Keys(reached))},
						{map[string]any{f.Name + "With": []any{map[string]any{"idNEQ": "none"}}}, slices.Collect(maps.Keys(reached))},
						{map[string]any{f.Name: false}, unreached},
					} {
						where := via.wrap(c.where)
						got, ok := via.list.ids(a, where, "")
						if !ok && len(c.want) > 0 {
							t.Errorf("%s: %s(where: %v) failed", role, via.list.name, where)
							continue
						}
						if g, w := slices.Sorted(maps.Keys(got)), slices.Sorted(slices.Values(c.want)); !slices.Equal(g, w) {
							t.Errorf("%s: %s(where: %v) selects %d objects, but reading %s.%s finds %d: the filter sees what the role cannot read",
								role, via.list.name, where, len(g), typ, edge, len(w))
						}
					}
				}
			}
		}
		if predicates < 60 {
			t.Errorf("only %d edge predicates found: the enumeration reads next to nothing", predicates)
		}
		t.Logf("%s: %d edge predicates checked as %d roles", db.Dialect, predicates, len(matrixRoles))
	})
}

// filterRoute is how a type's where input is tried: on a list of the type,
// or nested in the filter of a listed type through an edge to it (a type
// only reached through unique edges, such as a case's plan).
type filterRoute struct {
	list whereList
	edge string // the listed type's edge to the type, when nested
}

// filterPath finds the route of a type's where input.
func filterPath(schema *ast.Schema, lists map[string]whereList, typ string) (filterRoute, bool) {
	if l, ok := lists[typ]; ok {
		return filterRoute{list: l}, true
	}
	for _, parent := range slices.Sorted(maps.Keys(lists)) {
		for _, f := range schema.Types[parent].Fields {
			if f.Type.Name() == typ && f.Type.Elem == nil {
				return filterRoute{list: lists[parent], edge: f.Name}, true
			}
		}
	}
	return filterRoute{}, false
}

// selection reads a selection of the filtered type, from the listed one.
func (r filterRoute) selection(s string) string {
	if r.edge == "" {
		return s
	}
	return r.edge + " { " + s + " }"
}

// wrap puts a filter of the type into the listed type's filter.
func (r filterRoute) wrap(where map[string]any) map[string]any {
	if r.edge == "" {
		return where
	}
	return map[string]any{"has" + strings.ToUpper(r.edge[:1]) + r.edge[1:] + "With": []any{where}}
}

// edgeSelection selects one object through an edge, of any shape.
func edgeSelection(f *ast.FieldDefinition) string {
	if strings.HasSuffix(f.Type.Name(), "Connection") {
		return f.Name + "(first: 1) { edges { node { id } } }"
	}
	return f.Name + " { id }"
}

// whereList lists the objects of one type with a where filter, at the
// root or nested, through a path of edges from a root list: the last
// field of the path takes the filter.
type whereList struct {
	name string // for messages
	typ  string
	path []*ast.FieldDefinition
}

// whereLists finds, for every type, the shortest path from a root list,
// through connections and unique edges, to a connection that takes the
// type's where input.
func whereLists(schema *ast.Schema) map[string]whereList {
	lists := map[string]whereList{}
	var queue []whereList // paths to the types to explore from
	for _, f := range schema.Query.Fields {
		// A search narrows its type's plain list, whose filters are the same.
		if typ, ok := strings.CutSuffix(f.Type.Name(), "Connection"); ok && f.Arguments.ForName("where") != nil && !requiresArguments(f) {
			lists[typ] = whereList{name: f.Name, typ: typ, path: []*ast.FieldDefinition{f}}
			queue = append(queue, lists[typ])
		}
	}
	slices.SortFunc(queue, func(a, b whereList) int { return strings.Compare(a.name, b.name) })
	explored := map[string]bool{}
	for len(queue) > 0 {
		from := queue[0]
		queue = queue[1:]
		if explored[from.typ] {
			continue
		}
		explored[from.typ] = true
		for _, f := range schema.Types[from.typ].Fields {
			typ, isConnection := strings.CutSuffix(f.Type.Name(), "Connection")
			def := schema.Types[typ]
			if def == nil || def.Kind != ast.Object || def.Fields.ForName("id") == nil || f.Type.Elem != nil {
				continue
			}
			next := whereList{name: from.name + "." + f.Name, typ: typ, path: append(slices.Clip(from.path), f)}
			if _, listed := lists[typ]; !listed && isConnection && f.Arguments.ForName("where") != nil {
				lists[typ] = next
			}
			queue = append(queue, next)
		}
	}
	return lists
}

// ids returns the objects of the list that a client reads with the
// filter, each page of the root list, keeping those whose selection is
// not empty when one is given; false when the role may not list them.
func (l whereList) ids(a *webtest.API, where map[string]any, selection string) (map[string]bool, bool) {
	a.T.Helper()
	fields := "id " + selection
	for i := len(l.path) - 1; i > 0; i-- {
		f, args := l.path[i], "(first: 5)"
		if i == len(l.path)-1 {
			args = "(first: 20, where: $w)"
		}
		if strings.HasSuffix(f.Type.Name(), "Connection") {
			fields = fmt.Sprintf("%s%s { edges { node { %s } } }", f.Name, args, fields)
		} else {
			fields = fmt.Sprintf("%s { %s }", f.Name, fields)
		}
	}
	rootArgs := "first: 25, after: $after"
	if len(l.path) == 1 {
		rootArgs += ", where: $w"
	}
	query := fmt.Sprintf(`query($w: %sWhereInput, $after: Cursor) { list: %s(%s) {
		pageInfo { hasNextPage endCursor } edges { node { %s } } } }`, l.typ, l.path[0].Name, rootArgs, fields)
	found := map[string]bool{}
	var after any
	for {
		r := a.Post(query, map[string]any{"w": where, "after": after})
		for _, e := range r.Errors {
			if code := e.Extensions["code"]; code != "UNAUTHENTICATED" && code != "FORBIDDEN" {
				a.T.Errorf("%s: %s", l.name, r.Raw)
			}
		}
		var out struct {
			List *struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct{ Node json.RawMessage }
			}
		}
		if r.Data != nil {
			_ = json.Unmarshal(r.Data, &out)
		}
		if out.List == nil {
			return found, len(found) > 0 // a role that may not list them
		}
		for _, e := range out.List.Edges {
			l.collect(found, e.Node, 1, selection)
		}
		if !out.List.PageInfo.HasNextPage {
			return found, true
		}
		after = out.List.PageInfo.EndCursor
	}
}

// collect walks an object of the path at depth i down to the listed
// objects and keeps them.
func (l whereList) collect(found map[string]bool, raw json.RawMessage, i int, selection string) {
	var node map[string]json.RawMessage
	if json.Unmarshal(raw, &node) != nil || node == nil {
		return // null: an edge refused to the role reaches nothing
	}
	if i == len(l.path) {
		keep(found, node, selection)
		return
	}
	f := l.path[i]
	if !strings.HasSuffix(f.Type.Name(), "Connection") {
		l.collect(found, node[f.Name], i+1, selection)
		return
	}
	var conn struct {
		Edges []struct{ Node json.RawMessage }
	}
	_ = json.Unmarshal(node[f.Name], &conn)
	for _, e := range conn.Edges {
		l.collect(found, e.Node, i+1, selection)
	}
}

// keep records a node's ID when there is no selection, or when what the
// selection reads holds an ID.
func keep(found map[string]bool, node map[string]json.RawMessage, selection string) {
	var id string
	_ = json.Unmarshal(node["id"], &id)
	if selection == "" || selection == "id" {
		found[id] = true
		return
	}
	for k, v := range node {
		if k != "id" && globalID.Match(v) {
			found[id] = true
		}
	}
}
