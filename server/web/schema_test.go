package web_test

import (
	"strings"
	"testing"

	"github.com/progetto-win/win/graph"
)

// TestSchemaIsDocumented checks that every type, field, argument and enum
// value of the API has a description, so GraphiQL is the API's manual.
func TestSchemaIsDocumented(t *testing.T) {
	schema := graph.NewSchema(nil, nil, nil, nil).Schema()
	missing := 0
	report := func(what string) {
		missing++
		if missing <= 30 {
			t.Errorf("no description: %s", what)
		}
	}
	for name, def := range schema.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		if strings.TrimSpace(def.Description) == "" {
			report("type " + name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") { // introspection, documented by the spec
				continue
			}
			if strings.TrimSpace(f.Description) == "" {
				report(name + "." + f.Name)
			}
			for _, a := range f.Arguments {
				if strings.TrimSpace(a.Description) == "" {
					report(name + "." + f.Name + "(" + a.Name + ")")
				}
			}
		}
		for _, v := range def.EnumValues {
			if strings.TrimSpace(v.Description) == "" {
				report(name + "." + v.Name)
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d schema elements without a description", missing)
	}
}
