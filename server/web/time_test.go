package web_test

import (
	"testing"
	"time"

	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestTimesWithOffsets writes dates with an explicit offset, as Italian
// clients send them, and reads them back: the same instant, and in order.
func TestTimesWithOffsets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		for _, from := range []string{"2026-06-01T00:00:00+02:00", "2026-05-31T23:30:00Z", "2026-01-15T00:00:00+01:00"} {
			a.OK(`mutation($f: Time!) { createProtocol(input: {title: "P", validFrom: $f}) { id } }`, map[string]any{"f": from}, &struct{}{})
		}
		var out struct {
			Protocols struct {
				Edges []struct{ Node struct{ ValidFrom time.Time } }
			}
		}
		a.OK(`{ protocols(first: 10, where: {validFromGT: "2026-05-31T23:00:00+01:00"}, orderBy: [{field: VALID_FROM}]) {
			edges { node { validFrom } } } }`, nil, &out)
		var got []string
		for _, e := range out.Protocols.Edges {
			got = append(got, e.Node.ValidFrom.UTC().Format(time.RFC3339))
		}
		// 2026-06-01T00:00+02:00 is 2026-05-31T22:00Z, before the bound.
		if len(got) != 1 || got[0] != "2026-05-31T23:30:00Z" {
			t.Errorf("protocols valid from after 22:00Z: %v", got)
		}
		var all struct {
			Protocols struct {
				Edges []struct{ Node struct{ ValidFrom time.Time } }
			}
		}
		a.OK(`{ protocols(first: 10, orderBy: [{field: VALID_FROM}]) { edges { node { validFrom } } } }`, nil, &all)
		var order []string
		for _, e := range all.Protocols.Edges {
			order = append(order, e.Node.ValidFrom.UTC().Format(time.RFC3339))
		}
		if len(order) != 3 || order[0] != "2026-01-14T23:00:00Z" || order[1] != "2026-05-31T22:00:00Z" || order[2] != "2026-05-31T23:30:00Z" {
			t.Errorf("ordered by instant: %v", order)
		}
	})
}
