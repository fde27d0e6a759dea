package web

import (
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/ent"
)

// cursors refuses, before anything runs, an after or before cursor this
// list cannot have given: one that does not decode, or whose values do
// not fit the list's order — one scalar per orderBy field. entgql fails
// on those with errors of no known kind (INTERNAL), or hands a map to the
// database driver; and any cursor in an order it cannot page (unpageable).
func (w *walker) cursors(f *ast.Field, args map[string]any) {
	if f.Definition == nil {
		return
	}
	for _, name := range []string{"after", "before"} {
		def := f.Definition.Arguments.ForName(name)
		if def == nil || def.Type.Name() != "Cursor" || args[name] == nil {
			continue
		}
		path := f.Alias + "." + name
		var c ent.Cursor
		if c.UnmarshalGQL(args[name]) != nil || !fitsOrder(c.Value, args["orderBy"], f.Definition.Arguments.ForName("orderBy")) {
			w.err = badInputField(path+": not a cursor of this list in this order; use one the same query returned", path)
			return
		}
		if why := unpageable(args["orderBy"]); why != "" {
			w.err = badInputField(fmt.Sprintf("%s: %s", path, why), path)
			return
		}
	}
}

// edgeOrders are the order fields whose value comes through an edge: with
// a cursor, entgql compares it with a column of the list's own table,
// which does not exist (ent/ent#4059), and the database fails.
var edgeOrders = []string{"TABLE_NAME"}

// unpageable says why a list in this order cannot be paged with a
// cursor, or "": a field through an edge, or a field named twice, whose
// cursor conditions contradict its order (a page skipped or repeated).
func unpageable(orderBy any) string {
	orders, isList := orderBy.([]any)
	if !isList {
		orders = []any{orderBy}
	}
	var seen []string
	for _, o := range orders {
		o, _ := o.(map[string]any)
		field, _ := o["field"].(string)
		switch {
		case slices.Contains(edgeOrders, field):
			return fmt.Sprintf("a list ordered by %s cannot be paged with a cursor yet; order by another field to page further", field)
		case slices.Contains(seen, field):
			return fmt.Sprintf("orderBy names %s twice; name each field once to page with a cursor", field)
		}
		if field != "" {
			seen = append(seen, field)
		}
	}
	return ""
}

// fitsOrder reports whether a cursor's value fits an orderBy argument: no
// value (ordered by ID), a scalar for a single order, a list of scalars,
// one per field, for a list of orders (where one order stands for a list
// of one, as GraphQL coerces it).
func fitsOrder(value, orderBy any, def *ast.ArgumentDefinition) bool {
	switch {
	case value == nil:
		return true
	case orderBy == nil || def == nil:
		return false
	case def.Type.Elem == nil:
		return scalar(value)
	}
	fields, isList := orderBy.([]any)
	if !isList {
		fields = []any{orderBy}
	}
	values, ok := value.([]any)
	if !ok || len(values) != len(fields) {
		return false
	}
	for _, v := range values {
		if v != nil && !scalar(v) { // nil: the row's field was NULL
			return false
		}
	}
	return true
}

// scalar reports whether a decoded cursor value is one a column holds.
func scalar(v any) bool {
	if _, ok := v.(time.Time); ok {
		return true
	}
	switch reflect.ValueOf(v).Kind() {
	case reflect.Bool, reflect.String, reflect.Float32, reflect.Float64,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}
