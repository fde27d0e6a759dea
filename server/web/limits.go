package web

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits bounds what one operation may ask for, checked on the parsed
// operation before anything runs:
//   - every connection must say how many items it wants (first or last,
//     at most MaxPageSize), so no list is unbounded, nested ones included;
//   - the cost — each field counts once per item of every enclosing page —
//     stays under MaxCost, so nested pages cannot multiply into millions;
//   - selections nest at most MaxDepth levels.
//
// Introspection (__schema, __type) is exempt: its size is the schema's.
type Limits struct {
	MaxPageSize int
	MaxCost     int
	MaxDepth    int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = Limits{}

// ExtensionName implements graphql.HandlerExtension.
func (Limits) ExtensionName() string { return "WINLimits" }

// Validate implements graphql.HandlerExtension.
func (l Limits) Validate(graphql.ExecutableSchema) error {
	if l.MaxPageSize <= 0 || l.MaxCost <= 0 || l.MaxDepth <= 0 {
		return fmt.Errorf("limits must be positive")
	}
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator.
func (l Limits) MutateOperationContext(_ context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil {
		return nil
	}
	w := walker{limits: l, vars: rc.Variables, fragments: rc.Doc.Fragments}
	cost := w.cost(rc.Operation.SelectionSet, 1)
	if w.err != nil {
		return w.err
	}
	if cost > l.MaxCost {
		return badInput(fmt.Sprintf("the query asks for too much at once (cost %d, limit %d): ask for fewer items per page or fewer nested lists", cost, l.MaxCost))
	}
	return nil
}

type walker struct {
	limits    Limits
	vars      map[string]any
	fragments ast.FragmentDefinitionList
	err       *gqlerror.Error
}

// cost returns the cost of a selection set at a nesting depth, recording
// the first rule broken in w.err.
func (w *walker) cost(set ast.SelectionSet, depth int) int {
	if w.err != nil {
		return 0
	}
	if depth > w.limits.MaxDepth {
		w.err = badInput(fmt.Sprintf("the query nests deeper than %d levels", w.limits.MaxDepth))
		return 0
	}
	total := 0
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(sel.Name, "__") {
				// Introspection is bounded by the schema's size, and
				// GraphiQL's query for it nests its TypeRefs deeply.
				total++
				continue
			}
			items := w.pageSize(sel)
			total += 1 + items*w.cost(sel.SelectionSet, depth+1)
		case *ast.InlineFragment:
			total += w.cost(sel.SelectionSet, depth)
		case *ast.FragmentSpread:
			if def := w.fragments.ForName(sel.Name); def != nil {
				total += w.cost(def.SelectionSet, depth)
			}
		}
	}
	return total
}

// pageSize returns how many items a field returns at most: first or last
// for connections (required, bounded), one for anything else.
func (w *walker) pageSize(f *ast.Field) int {
	if f.Definition == nil || f.Definition.Arguments.ForName("first") == nil || f.Definition.Arguments.ForName("last") == nil {
		return 1
	}
	args := f.ArgumentMap(w.vars)
	if args["first"] != nil && args["last"] != nil {
		w.err = badInput(fmt.Sprintf("%s: give `first` or `last`, not both", f.Alias))
		return 0
	}
	size, given := 0, false
	for _, name := range []string{"first", "last"} {
		if v, ok := args[name]; ok && v != nil {
			n, ok := asInt(v)
			if !ok {
				continue
			}
			if n > w.limits.MaxPageSize {
				w.err = badInput(fmt.Sprintf("%s: `%s` may be at most %d", f.Alias, name, w.limits.MaxPageSize))
				return 0
			}
			size, given = max(size, n), true
		}
	}
	if !given {
		w.err = badInput(fmt.Sprintf("%s: give `first` or `last` (at most %d) to page through this list", f.Alias, w.limits.MaxPageSize))
		return 0
	}
	return max(size, 1)
}

func asInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), true
	case interface{ Int64() (int64, error) }: // json.Number
		i, err := n.Int64()
		return int(i), err == nil
	}
	return 0, false
}
