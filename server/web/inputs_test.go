package web_test

import (
	"encoding/base64"
	"testing"

	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestMalformedInputs sends forged cursors, malformed IDs, and text no
// database stores: each is BAD_USER_INPUT on both databases, never
// INTERNAL, and no message leaks SQL.
func TestMalformedInputs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		f := webtest.SeedOneOfEach(t, a.Client)
		forged := base64.StdEncoding.EncodeToString([]byte(`{"id": {"x": 1}, "value": [1, 2]}`))
		for _, tc := range []struct {
			name, query string
			vars        map[string]any
		}{
			{"cursor not base64", `{ cases(first: 1, after: "%%%") { totalCount } }`, nil},
			{"cursor of the wrong shape", `query($c: Cursor) { cases(first: 1, after: $c) { totalCount } }`, map[string]any{"c": forged}},
			{"cursor not msgpack", `query($c: Cursor) { municipalities(last: 1, before: $c) { totalCount } }`, map[string]any{"c": base64.StdEncoding.EncodeToString([]byte("garbage"))}},
			// msgpack {"i": "x", "v": "garbage"}: one value where the
			// order has a list of them; {"i": "x", "v": {"a": 1}}.
			{"cursor with a value for a list of orders", `{ cases(first: 1, orderBy: [{field: REFERRED_ON}], after: "gqFpoXihdqdnYXJiYWdl") { totalCount edges { node { id } } } }`, nil},
			{"cursor with a map for a value", `{ cases(first: 1, orderBy: {field: REFERRED_ON}, before: "gqFpoXihdoGhYQE") { totalCount edges { node { id } } } }`, nil},
			{"cursor with a value for the order by ID", `{ cases(first: 1, after: "gqFpoXihdqdnYXJiYWdl") { totalCount edges { node { id } } } }`, nil},
			{"ID with NUL", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": "cas_\x00"}},
			{"IDs with NUL", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": []string{string(f["Case"]), "\x00"}}},
			{"filter with NUL", `query($c: String) { cases(first: 1, where: {code: $c}) { totalCount } }`, map[string]any{"c": "EMP\x00"}},
			{"literal with NUL", `{ municipalities(first: 1, where: {nameContains: "a\u0000b"}) { totalCount } }`, nil},
			{"mutation with NUL", `mutation { createMunicipality(input: {name: "Vin\u0000ci", istatCode: "048050", population: 14500}) { id } }`, nil},
		} {
			r := a.Post(tc.query, tc.vars)
			if r.Code() != "BAD_USER_INPUT" {
				t.Errorf("%s: %s", tc.name, r.Raw)
			}
			webtest.AssertNoLeak(t, r)
		}
		// msgpack {"i": "x", "v": ["garbage"]}: the right shape, a value
		// of the wrong type for a date, which PostgreSQL refuses.
		if r := a.Post(`{ cases(first: 1, orderBy: [{field: REFERRED_ON}], after: "gqFpoXihdpGnZ2FyYmFnZQ") { totalCount edges { node { id } } } }`, nil); r.Code() == "INTERNAL" {
			t.Errorf("a cursor of the wrong type: %s", r.Raw)
		}
		// Invalid UTF-8 reaches the server only outside JSON, whose
		// decoder replaces it: in a GET's query string.
		if r := a.Get("{ municipalities(first: 1, where: {name: \"\xff\xfe\"}) { totalCount } }"); r.Code() != "BAD_USER_INPUT" {
			t.Errorf("invalid UTF-8: %s", r.Raw)
		}
	})
}
