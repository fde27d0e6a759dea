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

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// dashboard is the whole year's dashboard in one request.
const dashboard = `query($f: IndicatorFilter, $outcomesBy: [IndicatorDimension!]) { indicators(filter: $f) {
	referrals(groupBy: [MONTH]) { ...r }
	referralsByTable: referrals(groupBy: [TABLE, GENDER]) { ...r }
	takingsInCharge(groupBy: [QUARTER]) { ...r }
	closures(groupBy: [TABLE]) { ...r }
	openCaseload(groupBy: [NEED_AREA]) { ...r }
	daysToTakeChargeMedian(groupBy: [TABLE]) { ...r }
	daysToTakeChargeP90 { ...r }
	outcomes(groupBy: $outcomesBy) { ...r }
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
		base := webtest.DemoAPI(t, db, 9, 300)
		ctx := rule.SystemContext(context.Background())
		empoli := base.Client.TerritorialTable.Query().Where(territorialtable.Code("EMP")).OnlyIDX(ctx)
		year := domain.Today().Year()
		period := map[string]any{"from": fmt.Sprintf("%d-01-01", year-1), "to": fmt.Sprintf("%d-01-01", year)}
		withTable := map[string]any{"from": period["from"], "to": period["to"], "tableIDs": []gid.ID{empoli}}

		// The committee sees at most two dimensions, filters included:
		// with a table filter, outcomes by kind alone.
		read := func(a *webtest.API, f map[string]any) map[string]indicatorResult {
			t.Helper()
			by := []string{"OUTCOME_KIND", "VALUE_DIMENSION"}
			if f["tableIDs"] != nil {
				by = by[:1]
			}
			var out map[string]indicatorResult
			a.Must(dashboard, map[string]any{"f": f, "outcomesBy": by}, &out)
			return out
		}
		for _, role := range []string{demo.SteeringEmail, demo.AnalystEmail} {
			a := webtest.As(t, base, role)
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
		coord := webtest.As(t, base, demo.CoordinatorEmail)
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
		vinci := base.Client.TerritorialTable.Query().Where(territorialtable.Code("VIN")).OnlyIDX(ctx)
		webtest.Refused(t, coord.Send(`query($t: ID!) { indicators(filter: {tableIDs: [$t]}) { referrals { total { value } } } }`,
			map[string]any{"t": vinci}, nil), "FORBIDDEN", "")
		for _, email := range []string{demo.OperatorEmail, demo.OperatorVinciEmail, demo.AdminEmail} {
			webtest.Refused(t, webtest.As(t, base, email).Send(`{ indicators { referrals { total { value } } } }`, nil, nil), "FORBIDDEN", "")
		}
		anon := &webtest.API{T: t, Handler: base.Handler, Client: base.Client}
		webtest.Refused(t, anon.Send(`{ indicators { referrals { total { value } } } }`, nil, nil), "UNAUTHENTICATED", "")
		webtest.Refused(t, coord.Send(`{ indicators { openCaseload(groupBy: [MONTH]) { total { value } } } }`, nil, nil), "BAD_USER_INPUT", "groupBy")
		webtest.Refused(t, coord.Send(`{ indicators { referrals(groupBy: [TABLE, TABLE]) { total { value } } } }`, nil, nil), "BAD_USER_INPUT", "groupBy")
		webtest.Refused(t, coord.Send(`{ indicators { referrals(groupBy: [OUTCOME_KIND]) { total { value } } } }`, nil, nil), "BAD_USER_INPUT", "groupBy")
	})
}

// TestIndicatorExport downloads an indicator as CSV: UTF-8 with a byte
// order mark, semicolons and decimal commas on request, the same values
// as the API, audited; refused to whoever may not read indicators.
func TestIndicatorExport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := webtest.DemoAPI(t, db, 9, 200)
		ctx := rule.SystemContext(context.Background())
		steering := webtest.As(t, base, demo.SteeringEmail)
		year := domain.Today().Year()
		var fromAPI indicatorResult
		steering.Must(`query($f: IndicatorFilter) { indicators(filter: $f) { referrals(groupBy: [TABLE]) {
			indicator groupBy total { value persons suppressed } cells { keys { dimension key label } value persons suppressed } } } }`,
			map[string]any{"f": map[string]any{"from": fmt.Sprintf("%d-01-01", year-1), "to": fmt.Sprintf("%d-01-01", year)}},
			&struct{ Referrals *indicatorResult }{&fromAPI})

		get := func(a *webtest.API, query string) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodGet, "/export/indicator.csv?"+query, nil)
			req.Header.Set("Sec-Fetch-Site", "same-origin") // a link of the app's
			if a.Cookie != nil {
				req.AddCookie(a.Cookie)
			}
			rec := httptest.NewRecorder()
			a.Handler.ServeHTTP(rec, req)
			return rec
		}
		// lang=keys: the machine-readable file, cell by cell (the labelled
		// ones are TestExportSpeaksTheUsersLanguage's).
		query := fmt.Sprintf("indicator=referrals&groupBy=TABLE&from=%d-01-01&to=%d-01-01&separator=semicolon&lang=keys", year-1, year)
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
		if n := base.Client.AuditEvent.Query().Where(auditevent.Action("EXPORT_INDICATOR"), auditevent.EntityID("referrals")).CountX(ctx); n != 1 {
			t.Errorf("%d audit events of the export, want 1", n)
		}
		if rec := get(webtest.As(t, base, demo.OperatorEmail), query); rec.Code != http.StatusForbidden {
			t.Errorf("an operator's export: %d", rec.Code)
		}
		if rec := get(&webtest.API{T: t, Handler: base.Handler}, query); rec.Code != http.StatusUnauthorized {
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

// TestIndicatorDifferencing: the committee and analysts cannot subtract
// two answers into one referral. Periods a day apart, value sets that
// differ by one age band, a month still under way and more than two
// dimensions are refused, in the API and in the CSV export alike; whole
// months work, and a filtered value is the cell of the unfiltered
// breakdown, withheld as there. The coordinator's own table is as before.
func TestIndicatorDifferencing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := webtest.DemoAPI(t, db, 9, 300)
		ctx := rule.SystemContext(context.Background())
		empoli := base.Client.TerritorialTable.Query().Where(territorialtable.Code("EMP")).OnlyIDX(ctx)
		lastYear := domain.NewDate(domain.Today().Year()-1, 1, 1)
		c := base.Client.CaseFile.Query().Where(casefile.HasTableWith(territorialtable.ID(empoli)),
			casefile.ReferredOnGTE(lastYear), casefile.ReferredOnLT(lastYear.AddDate(1, 0, 0))).FirstX(ctx)
		day := c.ReferredOn
		at := func(d domain.Date) string { return d.String() }
		referrals := `query($f: IndicatorFilter) { indicators(filter: $f) { referrals { total { value persons suppressed } } } }`
		steering, analyst, coord := webtest.As(t, base, demo.SteeringEmail), webtest.As(t, base, demo.AnalystEmail), webtest.As(t, base, demo.CoordinatorEmail)

		// The example: a day's referrals, and the next day's added; then
		// every age band but one.
		dayField := "from"
		if day.Day() == 1 {
			dayField = "to"
		}
		allBands := []string{"UNDER_25", "FROM_25_TO_34", "FROM_35_TO_49", "FROM_50_TO_64", "FROM_65"}
		month := domain.NewDate(day.Year(), day.Month(), 1)
		thisMonth := domain.NewDate(domain.Today().Year(), domain.Today().Month(), 1)
		for _, a := range []*webtest.API{steering, analyst} {
			for _, days := range []int{1, 2} {
				webtest.Refused(t, a.Send(referrals, map[string]any{"f": map[string]any{"from": at(day), "to": at(day.AddDays(days))}}, nil),
					"BAD_USER_INPUT", dayField)
			}
			webtest.Refused(t, a.Send(referrals, map[string]any{"f": map[string]any{"from": at(month), "to": at(month.AddDate(0, 1, 0)),
				"ageBands": allBands[1:]}}, nil), "BAD_USER_INPUT", "ageBands")
			webtest.Refused(t, a.Send(referrals, map[string]any{"f": map[string]any{"from": at(thisMonth), "to": at(thisMonth.AddDate(0, 1, 0))}}, nil),
				"BAD_USER_INPUT", "to")
			webtest.Refused(t, a.Send(referrals, map[string]any{"f": map[string]any{"from": at(month)}}, nil), "BAD_USER_INPUT", "to")
			webtest.Refused(t, a.Send(`query($f: IndicatorFilter) { indicators(filter: $f) { referrals(groupBy: [TABLE]) { total { value } } } }`,
				map[string]any{"f": map[string]any{"to": at(thisMonth), "genders": []string{"FEMALE"}, "ageBands": []string{"UNDER_25"}}}, nil),
				"BAD_USER_INPUT", "groupBy")
		}

		// Whole months work, and each band's filtered total is that band's
		// cell of the breakdown by band; the same for a row of two
		// dimensions.
		period := map[string]any{"from": at(month), "to": at(month.AddDate(0, 1, 0))}
		var byBand struct{ Referrals indicatorResult }
		steering.Must(`query($f: IndicatorFilter) { indicators(filter: $f) { referrals(groupBy: [AGE_BAND]) {
			total { value persons suppressed } cells { keys { key } value persons suppressed } } } }`, map[string]any{"f": period}, &byBand)
		if byBand.Referrals.Total.Suppressed || byBand.Referrals.Total.Value == nil || *byBand.Referrals.Total.Value < 1 {
			t.Fatalf("referrals of %s: %+v", month.Format("2006-01"), byBand.Referrals.Total)
		}
		for _, band := range allBands {
			want := indicatorCell{Suppressed: true}
			for _, cell := range byBand.Referrals.Cells {
				if cell.Keys[0].Key == band {
					want = cell
				}
			}
			var got struct{ Referrals struct{ Total indicatorCell } }
			steering.Must(referrals, map[string]any{"f": map[string]any{"from": period["from"], "to": period["to"], "ageBands": []string{band}}}, &got)
			if shown(got.Referrals.Total) != shown(want) {
				t.Errorf("%s: filtered %+v, but the breakdown's cell is %+v", band, got.Referrals.Total, want)
			}
		}
		year := map[string]any{"from": at(lastYear), "to": at(lastYear.AddDate(1, 0, 0))}
		var grid, row struct{ Referrals indicatorResult }
		steering.Must(`query($f: IndicatorFilter) { indicators(filter: $f) { referrals(groupBy: [GENDER, TABLE]) {
			cells { keys { key } value suppressed } } } }`, map[string]any{"f": year}, &grid)
		steering.Must(`query($f: IndicatorFilter) { indicators(filter: $f) { referrals(groupBy: [TABLE]) {
			cells { keys { key } value suppressed } } } }`, map[string]any{"f": map[string]any{"from": year["from"], "to": year["to"],
			"genders": []string{"MALE"}}}, &row)
		var want []string
		for _, cell := range grid.Referrals.Cells {
			if cell.Keys[0].Key == "MALE" {
				want = append(want, fmt.Sprint(cell.Keys[1].Key, cell.Suppressed, cell.Value != nil && *cell.Value > 0))
			}
		}
		var got []string
		for _, cell := range row.Referrals.Cells {
			got = append(got, fmt.Sprint(cell.Keys[0].Key, cell.Suppressed, cell.Value != nil && *cell.Value > 0))
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("men by table: %v, but the breakdown by gender and table has %v", got, want)
		}

		// The coordinator's own table: any period, any bands, in full.
		var one, two, others struct{ Referrals struct{ Total indicatorCell } }
		own := func(days int, bands []string, out any) {
			coord.Must(referrals, map[string]any{"f": map[string]any{"from": at(day), "to": at(day.AddDays(days)),
				"tableIDs": []gid.ID{empoli}, "ageBands": bands}}, out)
		}
		own(1, allBands, &one)
		own(2, allBands, &two)
		own(1, allBands[1:], &others)
		if one.Referrals.Total.Suppressed || one.Referrals.Total.Value == nil || *one.Referrals.Total.Value < 1 ||
			two.Referrals.Total.Value == nil || *two.Referrals.Total.Value < *one.Referrals.Total.Value || others.Referrals.Total.Value == nil {
			t.Errorf("the coordinator's day: %+v, two days: %+v, bands but one: %+v", one.Referrals.Total, two.Referrals.Total, others.Referrals.Total)
		}

		// The CSV export obeys the same rule.
		get := func(a *webtest.API, query string) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodGet, "/export/indicator.csv?"+query, nil)
			req.Header.Set("Sec-Fetch-Site", "same-origin") // a link of the app, as the browser sends it
			req.AddCookie(a.Cookie)
			rec := httptest.NewRecorder()
			a.Handler.ServeHTTP(rec, req)
			return rec
		}
		ymd := func(d domain.Date) string { return d.String() }
		dayQuery := "indicator=referrals&groupBy=AGE_BAND&from=" + ymd(day) + "&to=" + ymd(day.AddDays(1))
		if rec := get(steering, dayQuery); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "first day of a month") {
			t.Errorf("the committee's export of a day: %d %s", rec.Code, rec.Body.String())
		}
		bandsQuery := "indicator=referrals&from=" + ymd(month) + "&to=" + ymd(month.AddDate(0, 1, 0)) + "&ageBand=UNDER_25&ageBand=FROM_65"
		if rec := get(analyst, bandsQuery); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "at most one value") {
			t.Errorf("an analyst's export of two bands: %d %s", rec.Code, rec.Body.String())
		}
		if rec := get(steering, "indicator=referrals&groupBy=AGE_BAND&from="+ymd(month)+"&to="+ymd(month.AddDate(0, 1, 0))); rec.Code != http.StatusOK {
			t.Errorf("the committee's export of a month: %d %s", rec.Code, rec.Body.String())
		}
		if rec := get(coord, dayQuery+"&tableID="+string(empoli)); rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), "true") {
			t.Errorf("the coordinator's export of a day: %d %s", rec.Code, rec.Body.String())
		}
	})
}

// shown is what a cell publishes: its value and persons, or that both
// are withheld.
func shown(c indicatorCell) string {
	if c.Suppressed || c.Value == nil || c.Persons == nil {
		return fmt.Sprint("withheld ", c.Suppressed, c.Value == nil, c.Persons == nil)
	}
	return fmt.Sprint(*c.Value, " of ", *c.Persons)
}

// TestFundsAndReferralsByNewDimensions asks, as the committee, for the
// funds by source and by owner (the Union's funds under the Union, not as
// a fund of no municipality) and for referrals by channel; a dimension an
// indicator's records do not have is refused on groupBy.
func TestFundsAndReferralsByNewDimensions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := webtest.DemoAPI(t, db, 9, 120)
		ctx := rule.SystemContext(context.Background())
		union := base.Client.Organization.Query().Where(organization.KindEQ(organization.KindUnionOfMunicipalities)).OnlyX(ctx)
		year := domain.Today().Year()
		period := map[string]any{"from": fmt.Sprintf("%d-01-01", year-1), "to": fmt.Sprintf("%d-01-01", year)}
		a := webtest.As(t, base, demo.SteeringEmail)
		var out map[string]indicatorResult
		a.Must(`query($f: IndicatorFilter) { indicators(filter: $f) {
			byOwner: fundsAllocated(groupBy: [FUND_OWNER]) { ...r }
			bySource: fundsSpent(groupBy: [FUND_SOURCE]) { ...r }
			committedByOwner: fundsCommitted(groupBy: [FUND_OWNER]) { ...r }
			byChannel: referrals(groupBy: [REFERRAL_CHANNEL]) { ...r }
		} }
		fragment r on IndicatorResult { indicator groupBy total { value persons suppressed }
			cells { keys { dimension key label } value persons suppressed } }`, map[string]any{"f": period}, &out)
		cellOf := func(r indicatorResult, key string) *indicatorCell {
			for i, c := range r.Cells {
				if c.Keys[0].Key == key {
					return &r.Cells[i]
				}
			}
			return nil
		}
		if c := cellOf(out["byOwner"], string(union.ID)); c == nil || c.Keys[0].Label != union.Name || c.Keys[0].Dimension != "FUND_OWNER" || c.Value == nil || *c.Value != 60_000 {
			t.Errorf("the Union's fund by owner: %+v, want 60000 euro labelled %q", c, union.Name)
		}
		if c := cellOf(out["byOwner"], ""); c != nil {
			t.Errorf("funds by owner have a row of no owner: %+v", c)
		}
		if len(out["bySource"].Cells) == 0 || cellOf(out["bySource"], "UNION") == nil && cellOf(out["bySource"], "MUNICIPAL_BUDGET") == nil {
			t.Errorf("funds spent by source: %+v", out["bySource"].Cells)
		}
		if len(out["byChannel"].Cells) < 2 {
			t.Errorf("referrals by channel: %+v, the demo data use several channels", out["byChannel"].Cells)
		}
		total := 0.0
		for _, c := range out["byOwner"].Cells {
			total += *c.Value
		}
		if total != *out["byOwner"].Total.Value {
			t.Errorf("funds by owner add up to %v, the total is %v", total, *out["byOwner"].Total.Value)
		}

		// A municipality filter keeps the committee's rule: that cell of
		// the breakdown by municipality and owner.
		mun := base.Client.Municipality.Query().FirstX(ctx)
		filtered := map[string]any{"from": period["from"], "to": period["to"], "municipalityIDs": []gid.ID{mun.ID}}
		var one map[string]indicatorResult
		a.Must(`query($f: IndicatorFilter) { indicators(filter: $f) { fundsAllocated(groupBy: [FUND_OWNER]) { indicator groupBy total { value persons suppressed }
			cells { keys { dimension key label } value persons suppressed } } } }`, map[string]any{"f": filtered}, &one)
		if r := one["fundsAllocated"]; len(r.Cells) != 1 || cellOf(r, string(union.ID)) != nil {
			t.Errorf("a municipality's funds by owner: %+v, want its own fund only", r.Cells)
		}

		for _, q := range []string{
			`query($f: IndicatorFilter) { indicators(filter: $f) { referrals(groupBy: [FUND_SOURCE]) { total { value } } } }`,
			`query($f: IndicatorFilter) { indicators(filter: $f) { meetingsHeld(groupBy: [FUND_OWNER]) { total { value } } } }`,
			`query($f: IndicatorFilter) { indicators(filter: $f) { fundsSpent(groupBy: [REFERRAL_CHANNEL]) { total { value } } } }`,
			`query($f: IndicatorFilter) { indicators(filter: $f) { serviceRequestsSent(groupBy: [FUND_OWNER]) { total { value } } } }`,
		} {
			webtest.Refused(t, a.Send(q, map[string]any{"f": period}, nil), "BAD_USER_INPUT", "groupBy")
		}
	})
}
