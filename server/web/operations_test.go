package web

import (
	"encoding/json"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/progetto-win/win/graph"
	"github.com/vektah/gqlparser/v2"
)

// TestAppOperations: the operation names the statement count is labelled
// with are exactly the web app's, as graphql-codegen lists them.
func TestAppOperations(t *testing.T) {
	generated, err := os.ReadFile("../../frontend/src/gql/graphql.ts")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`"kind":"OperationDefinition","operation":"[a-z]+","name":\{"kind":"Name","value":"(\w+)"`)
	app := map[string]bool{}
	for _, m := range re.FindAllStringSubmatch(string(generated), -1) {
		app[m[1]] = true
	}
	if len(app) == 0 {
		t.Fatal("no operation found in frontend/src/gql/graphql.ts: has its format changed?")
	}
	for _, name := range slices.Sorted(maps.Keys(app)) {
		if !appOperations[name] {
			t.Errorf("the web app's operation %s is missing from appOperations", name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(appOperations)) {
		if !app[name] {
			t.Errorf("appOperations names %s, which the web app no longer has", name)
		}
	}
}

// TestAppOperationsFitTheLimits prices every operation of the web app as
// the server prices the request urql sends (DefaultLimits), each page of
// a variable size at its largest, and fails when one would be refused: a section
// added to a page could otherwise push it over the cost limit, found
// only by a user's refused page.
func TestAppOperationsFitTheLimits(t *testing.T) {
	generated, err := os.ReadFile("../../frontend/src/gql/gql.ts")
	if err != nil {
		t.Fatal(err)
	}
	// The documents, as the keys of gql.ts's map: JSON-like strings.
	start := strings.Index(string(generated), "type Documents = {")
	end := strings.Index(string(generated)[start:], "\n};") + start
	key := regexp.MustCompile(`(?m)^    ("(?:[^"\\]|\\.)*"):`)
	var operations []string
	fragments := map[string]string{} // by name
	fragmentName := regexp.MustCompile(`^\s*fragment (\w+)`)
	for _, m := range key.FindAllStringSubmatch(string(generated)[start:end], -1) {
		var source string
		if err := json.Unmarshal([]byte(m[1]), &source); err != nil {
			t.Fatalf("%.60s: %v", m[1], err)
		}
		if f := fragmentName.FindStringSubmatch(source); f != nil {
			fragments[f[1]] = source
		} else {
			operations = append(operations, source)
		}
	}
	// withFragments appends the fragments a document spreads, and theirs.
	spread := regexp.MustCompile(`\.\.\.(\w+)`)
	withFragments := func(source string) string {
		added := map[string]bool{}
		for i := 0; i < 20; i++ { // fragments spread in fragments, a few levels
			grew := false
			for _, m := range spread.FindAllStringSubmatch(source, -1) {
				if f, ok := fragments[m[1]]; ok && !added[m[1]] {
					added[m[1]], grew = true, true
					source += f
				}
			}
			if !grew {
				break
			}
		}
		return source
	}
	if len(operations) < 50 {
		t.Fatalf("only %d operations found in gql.ts: has its format changed?", len(operations))
	}
	schema := graph.NewSchema(nil, nil, nil, nil).Schema()
	costliest, most := "", 0
	for _, source := range operations {
		// As urql sends it: __typename in every selection set but the
		// operation's (which, formatted, ends its line; an input object's
		// brace does not).
		root, rest, _ := strings.Cut(withFragments(source), "{\n")
		sent := root + "{\n" + strings.ReplaceAll(rest, "{\n", "{\n__typename\n")
		doc, errs := gqlparser.LoadQueryWithRules(schema, sent, nil)
		if doc == nil || len(doc.Operations) != 1 {
			t.Errorf("%.60s: %v", source, errs)
			continue
		}
		op := doc.Operations[0]
		vars := map[string]any{}
		for _, v := range op.VariableDefinitions {
			if v.Type.Name() == "Int" && (v.Variable == "first" || v.Variable == "last") {
				vars[v.Variable] = DefaultLimits.MaxPageSize
			}
		}
		w := walker{limits: DefaultLimits, budget: DefaultLimits.MaxCost, vars: vars, fragments: doc.Fragments}
		cost := w.cost(op.SelectionSet, 1)
		if w.err != nil {
			t.Errorf("the web app's operation %s would be refused: %s", op.Name, w.err.Message)
		}
		if cost > most {
			costliest, most = op.Name, cost
		}
	}
	t.Logf("%d operations of the web app priced; the costliest, %s, costs %d of %d", len(operations), costliest, most, DefaultLimits.MaxCost)
}
