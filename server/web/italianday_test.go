package web_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestLateMeetingsKeepTheirDay records meetings held at 23:30 Italian
// time on the last day of a summer month and of a winter month: the
// indicators and their CSV count each in the month it was held, not the
// next (UTC, or a fixed offset, would move them), on both databases.
func TestLateMeetingsKeepTheirDay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := webtest.DemoAPI(t, db, 9, 30)
		coord := webtest.As(t, base, demo.CoordinatorEmail)
		empoli := base.Client.TerritorialTable.Query().Where(territorialtable.Code("EMP")).OnlyIDX(rule.SystemContext(context.Background()))
		months := []string{"2026-01", "2026-02", "2026-07", "2026-08"}
		byAPI := func() map[string]float64 {
			var r indicatorResult
			coord.Must(`query($f: IndicatorFilter) { indicators(filter: $f) { meetingsHeld(groupBy: [MONTH]) {
				indicator groupBy total { value } cells { keys { dimension key label } value persons suppressed } } } }`,
				map[string]any{"f": map[string]any{"tableIDs": []gid.ID{empoli},
					"from": "2026-01-01", "to": "2026-09-01"}},
				&struct{ MeetingsHeld *indicatorResult }{&r})
			counts := map[string]float64{}
			for _, c := range r.Cells {
				if c.Value != nil {
					counts[c.Keys[0].Key] = *c.Value
				}
			}
			return counts
		}
		byCSV := func() map[string]float64 {
			req := httptest.NewRequest(http.MethodGet, "/export/indicator.csv?indicator=meetingsHeld&groupBy=MONTH&from=2026-01-01&to=2026-09-01&tableID="+string(empoli), nil)
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			req.AddCookie(coord.Cookie)
			rec := httptest.NewRecorder()
			base.Handler.ServeHTTP(rec, req)
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(rec.Body.String(), "\uFEFF"))).ReadAll()
			if rec.Code != http.StatusOK || err != nil {
				t.Fatalf("export: %d %v %s", rec.Code, err, rec.Body.String())
			}
			counts := map[string]float64{}
			for _, row := range rows[1:] {
				if v, err := strconv.ParseFloat(row[2], 64); err == nil {
					counts[row[0]] = v
				}
			}
			return counts
		}
		apiBefore, csvBefore := byAPI(), byCSV()
		for _, at := range []string{"2026-07-31T23:30:00+02:00", "2026-01-31T23:30:00+01:00"} {
			coord.Must(`mutation($t: ID!, $at: Time!) { recordMeeting(input: {body: TABLE, tableID: $t, heldAt: $at, title: "Riunione serale"}) { id } }`,
				map[string]any{"t": empoli, "at": at}, nil)
		}
		apiAfter, csvAfter := byAPI(), byCSV()
		want := map[string]float64{"2026-01": 1, "2026-02": 0, "2026-07": 1, "2026-08": 0}
		for _, m := range months {
			if got := apiAfter[m] - apiBefore[m]; got != want[m] {
				t.Errorf("API: %v more meetings in %s, want %v", got, m, want[m])
			}
			if got := csvAfter[m] - csvBefore[m]; got != want[m] {
				t.Errorf("CSV: %v more meetings in %s, want %v", got, m, want[m])
			}
		}
	})
}
