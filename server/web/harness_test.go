package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/webtest"
)

// world adds the web tests' own helpers (actions, outages) to the
// harness's World.
type world struct{ *webtest.World }

func newWorld(t *testing.T, db *store.DB) *world { return &world{webtest.NewWorld(t, db)} }

// requiredArguments writes a sample value for each argument a root list
// requires besides its page (searchCases' text), so that a list that
// needs one is checked like the others.
func requiredArguments(t *testing.T, f *ast.FieldDefinition) string {
	var out strings.Builder
	for _, a := range f.Arguments {
		if !required(a) {
			continue
		}
		switch a.Type.Name() {
		case "String":
			fmt.Fprintf(&out, ", %s: %q", a.Name, "em")
		default:
			t.Errorf("%s requires %s, a %s: give the matrix a sample value of it", f.Name, a.Name, a.Type.Name())
		}
	}
	return out.String()
}

// requiresArguments reports whether a list takes an argument it cannot
// do without: a search, which narrows the plain list of its type.
func requiresArguments(f *ast.FieldDefinition) bool {
	return slices.ContainsFunc(f.Arguments, required)
}

// required reports whether a query must give the argument.
func required(a *ast.ArgumentDefinition) bool { return a.Type.NonNull && a.DefaultValue == nil }
