package web_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/schema/domain"
	"github.com/progetto-win/win/ent/schema/gid"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// dashboard is the whole year's dashboard in one request.
const dashboard = `query($f: IndicatorFilter) { indicators(filter: $f) {
	referrals(groupBy: [MONTH]) { ...r }
	referralsByTable: referrals(groupBy: [TABLE, GENDER]) { ...r }
	takingsInCharge(groupBy: [QUARTER]) { ...r }
	closures(groupBy: [TABLE]) { ...r }
	openCaseload(groupBy: [NEED_AREA]) { ...r }
	daysToTakeChargeMedian(groupBy: [TABLE]) { ...r }
	daysToTakeChargeP90 { ...r }
	outcomes(groupBy: [OUTCOME_KIND, VALUE_DIMENSION]) { ...r }
	outcomesByAge: outcomes(groupBy: [AGE_BAND]) { ...r }
} }
fragment r on IndicatorResult { indicator groupBy total { value persons suppressed }
	cells { keys { dimension key label } value persons suppressed } }`

type indicatorCell struct {
	Keys       []struct{ Dimension, Key, Label string }
	Value      *float64
	Persons    *int
	Suppressed bool
}

type indicatorResult struct {
	Indicator string
	GroupBy   []string
	Total     indicatorCell
	Cells     []indicatorCell
}

// TestIndicatorDashboard asks for a year's dashboard in one request as
// the committee (the network, small counts withheld) and as the Empoli
// coordinator (their table, in full); others are refused.
func TestIndicatorDashboard(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := demoAPI(t, db, 9, 300)
		ctx := rule.SystemContext(context.Background())
		empoli := base.client.TerritorialTable.Query().Where(territorialtable.Code("EMP")).OnlyIDX(ctx)
		year := domain.DateOf(time.Now()).Year()
		period := map[string]any{"from": fmt.Sprintf("%d-01-01T00:00:00+01:00", year-1), "to": fmt.Sprintf("%d-01-01T00:00:00+01:00", year)}
		withTable := map[string]any{"from": period["from"], "to": period["to"], "tableIDs": []gid.ID{empoli}}

		read := func(a *api, f map[string]any) map[string]indicatorResult {
			t.Helper()
			var out map[string]indicatorResult
			a.must(dashboard, map[string]any{"f": f}, &out)
			return out
		}
		for _, role := range []string{demo.SteeringEmail, demo.AnalystEmail} {
			a := as(t, base, role)
			for _, f := range []map[string]any{period, withTable} {
				shown, withheld := 0, 0
				for name, r := range read(a, f) {
					for _, c := range append(r.Cells, r.Total) {
						switch {
						case c.Suppressed && (c.Value != nil || c.Persons != nil):
							t.Errorf("%s: %s shows a withheld value", role, name)
						case c.Suppressed:
							withheld++
						case c.Persons == nil || *c.Persons < 5:
							t.Errorf("%s: %s shows a cell of %v persons", role, name, c.Persons)
						default:
							shown++
						}
					}
				}
				if shown == 0 || withheld == 0 {
					t.Errorf("%s: %d cells shown and %d withheld: the demo data should have both", role, shown, withheld)
				}
			}
		}
		coord := as(t, base, demo.CoordinatorEmail)
		small := 0
		for name, r := range read(coord, period) {
			for _, c := range append(r.Cells, r.Total) {
				if c.Suppressed {
					t.Errorf("the coordinator sees a withheld value in %s", name)
				}
				if c.Persons != nil && *c.Persons < 5 {
					small++
				}
				for _, k := range c.Keys {
					if k.Dimension == "TABLE" && k.Key != string(empoli) {
						t.Errorf("the coordinator sees table %s in %s", k.Label, name)
					}
				}
			}
		}
		if small == 0 {
			t.Error("the coordinator sees no small count: nothing shows their view is unsuppressed")
		}
		vinci := base.client.TerritorialTable.Query().Where(territorialtable.Code("VIN")).OnlyIDX(ctx)
		refused(t, coord.send(`query($t: ID!) { indicators(filter: {tableIDs: [$t]}) { referrals { total { value } } } }`,
			map[string]any{"t": vinci}, nil), "FORBIDDEN", "")
		for _, email := range []string{demo.OperatorEmail, demo.OperatorVinciEmail, demo.AdminEmail} {
			refused(t, as(t, base, email).send(`{ indicators { referrals { total { value } } } }`, nil, nil), "FORBIDDEN", "")
		}
		anon := &api{t: t, handler: base.handler, client: base.client}
		refused(t, anon.send(`{ indicators { referrals { total { value } } } }`, nil, nil), "UNAUTHENTICATED", "")
		refused(t, coord.send(`{ indicators { openCaseload(groupBy: [MONTH]) { total { value } } } }`, nil, nil), "BAD_USER_INPUT", "groupBy")
		refused(t, coord.send(`{ indicators { referrals(groupBy: [TABLE, TABLE]) { total { value } } } }`, nil, nil), "BAD_USER_INPUT", "groupBy")
		refused(t, coord.send(`{ indicators { referrals(groupBy: [OUTCOME_KIND]) { total { value } } } }`, nil, nil), "BAD_USER_INPUT", "groupBy")
	})
}

// TestIndicatorExport downloads an indicator as CSV: UTF-8 with a byte
// order mark, semicolons and decimal commas on request, the same values
// as the API, audited; refused to whoever may not read indicators.
func TestIndicatorExport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := demoAPI(t, db, 9, 200)
		ctx := rule.SystemContext(context.Background())
		steering := as(t, base, demo.SteeringEmail)
		year := domain.DateOf(time.Now()).Year()
		var fromAPI indicatorResult
		steering.must(`query($f: IndicatorFilter) { indicators(filter: $f) { referrals(groupBy: [TABLE]) {
			indicator groupBy total { value persons suppressed } cells { keys { dimension key label } value persons suppressed } } } }`,
			map[string]any{"f": map[string]any{"from": fmt.Sprintf("%d-01-01T00:00:00+01:00", year-1), "to": fmt.Sprintf("%d-01-01T00:00:00+01:00", year)}},
			&struct{ Referrals *indicatorResult }{&fromAPI})

		get := func(a *api, query string) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodGet, "/export/indicator.csv?"+query, nil)
			req.Header.Set("Sec-Fetch-Site", "same-origin") // a link of the app's
			if a.cookie != nil {
				req.AddCookie(a.cookie)
			}
			rec := httptest.NewRecorder()
			a.handler.ServeHTTP(rec, req)
			return rec
		}
		query := fmt.Sprintf("indicator=referrals&groupBy=TABLE&from=%d-01-01&to=%d-01-01&separator=semicolon", year-1, year)
		rec := get(steering, query)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/csv; charset=utf-8" {
			t.Fatalf("export: %d %s: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
		}
		body, ok := strings.CutPrefix(rec.Body.String(), "\uFEFF")
		if !ok {
			t.Fatal("the CSV does not start with a byte order mark")
		}
		r := csv.NewReader(strings.NewReader(body))
		r.Comma = ';'
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(rows[0], ",") != "table,table_label,value,persons,suppressed" || len(rows) != len(fromAPI.Cells)+2 {
			t.Fatalf("CSV rows %v for %d cells", rows, len(fromAPI.Cells))
		}
		for i, c := range fromAPI.Cells {
			want := []string{c.Keys[0].Key, c.Keys[0].Label, "", "", strconv.FormatBool(c.Suppressed)}
			if c.Value != nil {
				want[2], want[3] = strings.Replace(strconv.FormatFloat(*c.Value, 'f', -1, 64), ".", ",", 1), strconv.Itoa(*c.Persons)
			}
			if !slices.Equal(rows[i+1], want) {
				t.Errorf("CSV row %v, want %v", rows[i+1], want)
			}
		}
		if n := base.client.AuditEvent.Query().Where(auditevent.Action("EXPORT_INDICATOR"), auditevent.EntityID("referrals")).CountX(ctx); n != 1 {
			t.Errorf("%d audit events of the export, want 1", n)
		}
		if rec := get(as(t, base, demo.OperatorEmail), query); rec.Code != http.StatusForbidden {
			t.Errorf("an operator's export: %d", rec.Code)
		}
		if rec := get(&api{t: t, handler: base.handler}, query); rec.Code != http.StatusUnauthorized {
			t.Errorf("an anonymous export: %d", rec.Code)
		}
		if rec := get(steering, "indicator=nothing"); rec.Code != http.StatusBadRequest {
			t.Errorf("an unknown indicator: %d", rec.Code)
		}
		if rec := get(steering, "indicator=referrals&from=31/12/2025"); rec.Code != http.StatusBadRequest {
			t.Errorf("a date in the wrong format: %d", rec.Code)
		}
	})
}
