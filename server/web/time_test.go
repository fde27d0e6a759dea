package web_test

import (
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestDaysAreDays writes days (a protocol's validFrom) and reads them
// back as written, filtered and in order; an instant, which an Italian
// client once sent with its offset for a day, is refused: the day it
// meant depends on a zone the API no longer guesses.
func TestDaysAreDays(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		for _, from := range []string{"2026-06-01", "2026-05-31", "2026-01-15"} {
			a.OK(`mutation($f: Date!) { createProtocol(input: {title: "P", validFrom: $f}) { id } }`, map[string]any{"f": from}, &struct{}{})
		}
		webtest.Refused(t, a.Send(`mutation($f: Date!) { createProtocol(input: {title: "P", validFrom: $f}) { id } }`,
			map[string]any{"f": "2026-06-01T00:00:00+02:00"}, nil), "BAD_USER_INPUT", "")
		var out struct {
			Protocols struct {
				Edges []struct {
					Node struct{ ValidFrom domain.Date }
				}
			}
		}
		a.OK(`{ protocols(first: 10, where: {validFromGT: "2026-05-31"}, orderBy: [{field: VALID_FROM}]) {
			edges { node { validFrom } } } }`, nil, &out)
		var got []string
		for _, e := range out.Protocols.Edges {
			got = append(got, e.Node.ValidFrom.String())
		}
		if len(got) != 1 || got[0] != "2026-06-01" {
			t.Errorf("protocols valid from after 31 May: %v", got)
		}
		var all struct {
			Protocols struct {
				Edges []struct {
					Node struct{ ValidFrom domain.Date }
				}
			}
		}
		a.OK(`{ protocols(first: 10, orderBy: [{field: VALID_FROM}]) { edges { node { validFrom } } } }`, nil, &all)
		var order []string
		for _, e := range all.Protocols.Edges {
			order = append(order, e.Node.ValidFrom.String())
		}
		if len(order) != 3 || order[0] != "2026-01-15" || order[1] != "2026-05-31" || order[2] != "2026-06-01" {
			t.Errorf("ordered by day: %v", order)
		}
	})
}
