package web

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/progetto-win/win/domain/viewer"
)

// Limits bounds what one operation may ask for, checked on the parsed
// operation, with its variables, before anything runs:
//   - every connection must say how many items it wants (first or last,
//     at most MaxPageSize), so no list is unbounded, nested ones included;
//     nodes(ids:) takes at most MaxPageSize IDs, each an item;
//   - the cost stays under MaxCost, or MaxAnonymousCost without sign-in
//     (beyond which the answer is UNAUTHENTICATED, as signed in it runs):
//     each field — every alias and repetition apart — counts once per item
//     of every enclosing list, and so does every value of its arguments;
//     an introspection field (__schema, __type) counts IntrospectionCost,
//     since it returns much of the schema;
//   - selections nest at most MaxDepth levels;
//   - the arguments of the operation, literal or variables, hold at most
//     MaxInputSize values nesting at most MaxInputDepth levels (a filter
//     becomes SQL: every value of a where input is a condition, every
//     has…With a subquery), and their strings are text a database stores;
//   - after and before cursors fit their list's order (cursors.go).
type Limits struct {
	MaxPageSize       int
	MaxCost           int
	MaxAnonymousCost  int
	MaxDepth          int
	IntrospectionCost int
	MaxInputSize      int
	MaxInputDepth     int
}

// DefaultLimits are the bounds on one GraphQL operation: the web app's
// largest page, the case page, costs about 36,000
// (TestAppOperationsFitTheLimits prices them all); one GraphiQL schema
// load fits an anonymous budget, hundreds of aliased ones do not.
var DefaultLimits = Limits{
	MaxPageSize:       100,
	MaxCost:           50000,
	MaxAnonymousCost:  5000,
	MaxDepth:          12,
	IntrospectionCost: 2000,
	MaxInputSize:      200,
	MaxInputDepth:     10,
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = Limits{}

// ExtensionName implements graphql.HandlerExtension.
func (Limits) ExtensionName() string { return "WINLimits" }

// Validate implements graphql.HandlerExtension.
func (l Limits) Validate(graphql.ExecutableSchema) error {
	if l.MaxPageSize <= 0 || l.MaxCost <= 0 || l.MaxAnonymousCost <= 0 || l.MaxDepth <= 0 ||
		l.IntrospectionCost <= 0 || l.MaxInputSize <= 0 || l.MaxInputDepth <= 0 {
		return fmt.Errorf("limits must be positive")
	}
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator.
func (l Limits) MutateOperationContext(ctx context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil {
		return nil
	}
	w := walker{limits: l, budget: l.MaxCost, vars: rc.Variables, fragments: rc.Doc.Fragments}
	cost := w.cost(rc.Operation.SelectionSet, 1)
	if w.err == nil && cost > l.MaxAnonymousCost && viewer.FromContext(ctx) == nil {
		// Signed in, it would run: a session that ended must lead the
		// web app back to sign-in, as any other refusal for want of it.
		return &gqlerror.Error{
			Message:    fmt.Sprintf("without sign-in a query may cost at most %d (this one %d): sign in, or ask for less", l.MaxAnonymousCost, cost),
			Extensions: map[string]any{"code": CodeUnauthenticated},
		}
	}
	return w.err
}

type walker struct {
	limits    Limits
	budget    int
	vars      map[string]any
	fragments ast.FragmentDefinitionList
	inputSize int
	err       *gqlerror.Error
}

// tooMuch is the error of an operation over budget; the cost is where the
// walk stopped, at least that much.
func (w *walker) tooMuch(cost int) *gqlerror.Error {
	return badInput(fmt.Sprintf("the query asks for too much at once (cost over %d, limit %d): ask for fewer items per page, fewer fields or fewer nested lists", cost-1, w.budget))
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
			total += w.field(sel, depth)
		case *ast.InlineFragment:
			total += w.cost(sel.SelectionSet, depth)
		case *ast.FragmentSpread:
			if def := w.fragments.ForName(sel.Name); def != nil {
				total += w.cost(def.SelectionSet, depth)
			}
		}
		if w.err != nil {
			return 0
		}
		// Costs multiply up the tree: stop before they overflow. Every
		// field costs at least one, so this also ends the walk of
		// fragments spread in fragments, which multiply exponentially.
		if total > w.budget {
			w.err = w.tooMuch(total)
			return 0
		}
	}
	return total
}

// field returns the cost of one field with its arguments and selections.
func (w *walker) field(f *ast.Field, depth int) int {
	switch f.Name {
	case "__typename":
		return 1
	case "__schema", "__type":
		// Bounded by the schema's size, but large, and GraphiQL's query
		// nests its TypeRefs deeper than MaxDepth: a fixed price.
		return w.limits.IntrospectionCost
	}
	args := f.ArgumentMap(w.vars)
	inputs := 0
	for name, v := range args {
		inputs += w.input(f.Alias+"."+name, v, 1)
	}
	w.cursors(f, args)
	items := w.items(f, args)
	if w.err != nil {
		return 0
	}
	return 1 + inputs + items*w.cost(f.SelectionSet, depth+1)
}

// items returns how many items a field returns at most: first or last
// for connections (required, bounded), the IDs asked for by nodes(ids:),
// one for anything else.
func (w *walker) items(f *ast.Field, args map[string]any) int {
	if f.Definition == nil {
		return 1
	}
	if f.Definition.Arguments.ForName("ids") != nil && f.Definition.Type.Elem != nil {
		ids, _ := args["ids"].([]any)
		if len(ids) > w.limits.MaxPageSize {
			w.err = badInput(fmt.Sprintf("%s: give at most %d IDs", f.Alias, w.limits.MaxPageSize))
			return 0
		}
		return max(len(ids), 1)
	}
	if f.Definition.Arguments.ForName("first") == nil || f.Definition.Arguments.ForName("last") == nil {
		return 1
	}
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
