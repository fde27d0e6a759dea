// Package schemadoc completes the GraphQL schema that entgql generates with
// descriptions, so that GraphiQL documents every type and field: type
// descriptions come from each ent schema's Comment annotation, and the
// Relay plumbing entgql adds (connections, edges, order inputs) gets
// descriptions written here.
package schemadoc

import (
	"fmt"
	"math"
	"strings"

	"entgo.io/ent/entc/gen"
	"entgo.io/ent/schema/field"
	"github.com/vektah/gqlparser/v2/ast"
)

// Describe is an entgql schema hook.
func Describe(g *gen.Graph, s *ast.Schema) error {
	docs := map[string]string{}
	labels := enumLabels(g)
	for _, n := range g.Nodes {
		if c, ok := n.Annotations["Comment"].(map[string]any); ok {
			if text, ok := c["Text"].(string); ok {
				docs[n.Name] = text
				docs[graphQLName(n)] = text
			}
		}
	}
	for name, def := range s.Types {
		if def.BuiltIn {
			continue
		}
		if def.Description == "" {
			def.Description = typeDescription(name, def, docs)
		}
		for _, f := range def.Fields {
			if f.Description == "" {
				f.Description = fieldDescription(name, f)
			}
			for _, a := range f.Arguments {
				if a.Description == "" {
					a.Description = argumentDescription(a.Name)
				}
			}
		}
		italian := labels[enumKey(def.EnumValues)]
		for i, v := range def.EnumValues {
			if v.Description == "" {
				v.Description = enumValueDescription(v.Name, italian, i)
			}
		}
	}
	describeText(g, s)
	if q := s.Types["Query"]; q != nil {
		for _, f := range q.Fields {
			if f.Description == "" {
				f.Description = fmt.Sprintf("Lists %s, with Relay pagination, filters and ordering.", spaced(f.Name))
			}
		}
	}
	return nil
}

// graphQLName returns the GraphQL type name of an ent node (entgql.Type
// may rename it, as CaseFile is renamed Case).
func graphQLName(n *gen.Type) string {
	if a, ok := n.Annotations["EntGQL"].(map[string]any); ok {
		if t, ok := a["Type"].(string); ok && t != "" {
			return t
		}
	}
	return n.Name
}

func typeDescription(name string, def *ast.Definition, docs map[string]string) string {
	if d, ok := docs[name]; ok {
		return d
	}
	for _, suffix := range []struct{ suffix, format string }{
		{"Connection", "A page of %s objects (Relay connection)."},
		{"Edge", "An edge in a connection of %s objects: the object and its cursor."},
		{"WhereInput", "Filters for %s objects; conditions combine with AND, or with the and/or/not fields."},
		{"OrderField", "Properties by which %s objects can be ordered."},
		{"Order", "An ordering of %s objects: a field and a direction."},
	} {
		if base, ok := strings.CutSuffix(name, suffix.suffix); ok && docs[base] != "" {
			return fmt.Sprintf(suffix.format, base)
		}
	}
	switch def.Kind {
	case ast.Enum:
		return fmt.Sprintf("The possible values of %s.", spaced(name))
	case ast.Scalar:
		return fmt.Sprintf("The %s scalar.", name)
	}
	return fmt.Sprintf("%s.", spaced(name))
}

func fieldDescription(typeName string, f *ast.FieldDefinition) string {
	switch f.Name {
	case "id":
		return "Opaque global identifier (identificativo)."
	case "edges":
		return "The objects of this page with their cursors."
	case "pageInfo":
		return "Information to fetch the next or previous page."
	case "totalCount":
		return "Number of objects matching the filters, across all pages."
	case "node":
		return "The object at the end of the edge."
	case "cursor":
		return "A cursor to resume pagination after or before this edge."
	case "direction":
		return "The direction of the ordering."
	case "field":
		return "The field to order by."
	case "not":
		return "Negates the filter."
	case "and":
		return "All of these filters must match."
	case "or":
		return "At least one of these filters must match."
	}
	if strings.HasSuffix(typeName, "WhereInput") {
		return predicateDescription(f.Name)
	}
	return fmt.Sprintf("The %s.", spaced(f.Name))
}

func argumentDescription(name string) string {
	switch name {
	case "after":
		return "Returns the elements that come after this cursor."
	case "first":
		return "Returns the first n elements (at most the maximum page size)."
	case "before":
		return "Returns the elements that come before this cursor."
	case "last":
		return "Returns the last n elements (at most the maximum page size)."
	case "orderBy":
		return "Ordering options; several fields apply in turn."
	case "where":
		return "Filtering options."
	}
	return fmt.Sprintf("The %s.", spaced(name))
}

// enumLabels reads the Italian labels of enum values from the comments of
// enum fields, which list them after "): " in the order of the values, and
// keys them by the list of values.
func enumLabels(g *gen.Graph) map[string][]string {
	out := map[string][]string{}
	for _, n := range g.Nodes {
		for _, f := range n.Fields {
			if !f.IsEnum() {
				continue
			}
			_, list, ok := strings.Cut(f.Comment(), "): ")
			if !ok {
				continue
			}
			italian := strings.Split(strings.TrimSuffix(list, "."), ", ")
			if len(italian) != len(f.Enums) {
				continue
			}
			values := make([]string, len(f.Enums))
			for i, e := range f.Enums {
				values[i] = e.Value
			}
			out[strings.Join(values, ",")] = italian
		}
	}
	return out
}

func enumKey(values ast.EnumValueList) string {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = v.Name
	}
	return strings.Join(names, ",")
}

// enumValueDescription describes a value in words, with its Italian label
// when the field's comment gives one.
func enumValueDescription(value string, italian []string, i int) string {
	words := strings.ReplaceAll(strings.ToLower(value), "_", " ")
	words = strings.ToUpper(words[:1]) + words[1:]
	if i < len(italian) {
		return fmt.Sprintf("%s (%s).", words, italian[i])
	}
	return words + "."
}

// spaced turns camelCase or PascalCase into lower-case words.
func spaced(name string) string {
	var b strings.Builder
	for i, r := range name {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return strings.ToLower(b.String())
}

// predicates are the suffixes entgql gives where-input fields, longest
// first so that "NotIn" is not read as "In".
var predicates = []struct{ suffix, meaning string }{
	{"ContainsFold", "contains the text, ignoring case"},
	{"EqualFold", "equals the text, ignoring case"},
	{"HasPrefix", "starts with"},
	{"HasSuffix", "ends with"},
	{"Contains", "contains"},
	{"IsNil", "is not set"},
	{"NotNil", "is set"},
	{"NotIn", "is none of"},
	{"NEQ", "is not equal to"},
	{"GTE", "is greater than or equal to"},
	{"LTE", "is less than or equal to"},
	{"GT", "is greater than"},
	{"LT", "is less than"},
	{"In", "is one of"},
}

func predicateDescription(name string) string {
	if base, ok := strings.CutPrefix(name, "has"); ok && base != "" && base[0] >= 'A' && base[0] <= 'Z' {
		if edge, ok := strings.CutSuffix(base, "With"); ok {
			return fmt.Sprintf("The %s edge matches all of these filters.", spaced(edge))
		}
		return fmt.Sprintf("The %s edge exists.", spaced(base))
	}
	for _, p := range predicates {
		if base, ok := strings.CutSuffix(name, p.suffix); ok && base != "" {
			return fmt.Sprintf("Matches when %s %s the value.", spaced(base), p.meaning)
		}
	}
	return fmt.Sprintf("Matches when %s equals the value.", spaced(name))
}

// describeText states, on every text field, the limit of its length and
// whether it is personal text that pseudonymised viewers read empty, and
// on quasi-identifiers that they read null, from the schema's own
// declarations (schema.TextLimit, schema.Personal and MaxLen), so that the
// documentation cannot drift from the checks.
func describeText(g *gen.Graph, s *ast.Schema) {
	camel := gen.Funcs["camel"].(func(string) string) // the API's names of fields: referral_reason → referralReason
	const withheld = " A quasi-identifier: null for the committee and analysts, who read cases pseudonymised and find it in the indicators instead; it cannot be filtered or sorted on."
	for _, n := range g.Nodes {
		def := s.Types[graphQLName(n)]
		if def == nil {
			continue
		}
		for _, e := range n.Edges {
			if p, ok := e.Annotations["Personal"].(map[string]any); ok && p["QuasiIdentifier"] == true {
				if fd := def.Fields.ForName(camel(e.Name)); fd != nil {
					fd.Description += withheld
				}
			}
		}
		for _, f := range n.Fields {
			fd := def.Fields.ForName(camel(f.Name))
			if p, ok := f.Annotations["Personal"].(map[string]any); fd != nil && ok && p["QuasiIdentifier"] == true {
				fd.Description += withheld
			}
			if fd == nil || f.Type.Type != field.TypeString {
				continue
			}
			if p, ok := f.Annotations["Personal"].(map[string]any); ok && p["Text"] == true {
				fd.Description += " Personal text, which may name the person: empty for the committee and analysts, who read cases pseudonymised; it cannot be filtered or sorted on."
			}
			if l, ok := f.Annotations["TextLimit"].(map[string]any); ok {
				fd.Description += fmt.Sprintf(" At most %v characters.", l["Characters"])
			} else if c := f.Column(); c.Size > 0 && c.Size < math.MaxInt32 {
				fd.Description += fmt.Sprintf(" At most %d bytes of UTF-8 text.", c.Size)
			}
		}
	}
}
