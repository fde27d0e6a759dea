package web

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/ent"
)

// FuzzCursor decodes any text as a list cursor: garbage is an error,
// never a panic, and a cursor that decodes marshals as a JSON string that
// decodes to the same cursor, which marshals the same again; whether it
// fits an order never panics either.
func FuzzCursor(f *testing.F) {
	for _, s := range []string{
		"gqFp2SBjYXNf", "gqFpvmNhc191Z2JhejNqbXdlY2hjaHc2M3hwc296djVrYaF2k9b/aEYH4Nf/oXFRnGsQ1929VGF2b2xvIHRlcnJpdG9yaWFsZSBkaSBFbXBvbGk",
		"", "x", "====", "gQ", "gaFp", "kQ", "wA", "3wAAAAE", "gqFpwKF2wA", "gqFpoXihdoGhYQE",
	} {
		f.Add(s)
	}
	orders := []any{nil, map[string]any{"field": "NAME"}, []any{map[string]any{"field": "NAME"}, map[string]any{"field": "POPULATION"}}}
	defs := []*ast.ArgumentDefinition{
		{Name: "orderBy", Type: ast.NamedType("MunicipalityOrder", nil)},
		{Name: "orderBy", Type: ast.ListType(ast.NonNullNamedType("MunicipalityOrder", nil), nil)},
	}
	f.Fuzz(func(t *testing.T, s string) {
		var c ent.Cursor
		if c.UnmarshalGQL(s) != nil {
			return
		}
		var out bytes.Buffer
		c.MarshalGQL(&out)
		var text string
		if err := json.Unmarshal(out.Bytes(), &text); err != nil {
			t.Fatalf("cursor %q marshals as %s: %v", s, out.Bytes(), err)
		}
		var back ent.Cursor
		if err := back.UnmarshalGQL(text); err != nil {
			t.Fatalf("cursor %q marshals as %q, which does not decode: %v", s, text, err)
		}
		var again bytes.Buffer
		back.MarshalGQL(&again)
		if back.ID != c.ID || !bytes.Equal(again.Bytes(), out.Bytes()) {
			t.Fatalf("cursor %q: %+v marshals as %s, decodes as %+v, marshals as %s", s, c, out.Bytes(), back, again.Bytes())
		}
		for _, o := range orders {
			for _, def := range defs {
				_ = fitsOrder(c.Value, o, def)
			}
		}
	})
}
