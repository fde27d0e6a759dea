package web_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestExportNeutralisesFormulas names tables as formulas: in the CSV
// export their labels are text a spreadsheet shows, never runs.
func TestExportNeutralisesFormulas(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := webtest.DemoAPI(t, db, 9, 200)
		ctx := rule.SystemContext(context.Background())
		names := []string{`=HYPERLINK("https://evil.example","x")`, "+1+1", "-2+3", "@SUM(A1:A2)", "\tTab", "\rCR"}
		tables := base.Client.TerritorialTable.Query().Order().AllX(ctx)
		for i, name := range names {
			tables[i].Update().SetName(name).ExecX(ctx)
		}
		// The committee sees whole months that are over: the last year's.
		thisMonth := domain.Today().AddDate(0, 0, 1-domain.Today().Day())
		req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/export/indicator.csv?indicator=referrals&groupBy=TABLE&from=%s&to=%s",
			thisMonth.AddDate(-1, 0, 0).Format(time.DateOnly), thisMonth.Format(time.DateOnly)), nil)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		req.AddCookie(webtest.As(t, base, demo.SteeringEmail).Cookie)
		rec := httptest.NewRecorder()
		base.Handler.ServeHTTP(rec, req)
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(rec.Body.String(), "\uFEFF"))).ReadAll()
		if rec.Code != http.StatusOK || err != nil {
			t.Fatalf("export: %d %v %s", rec.Code, err, rec.Body.String())
		}
		var labels []string
		for _, row := range rows[1:] {
			labels = append(labels, row[1])
		}
		for _, name := range names {
			if !slices.Contains(labels, "'"+name) {
				t.Errorf("label %q is not neutralised: %q", name, labels)
			}
		}
	})
}

// exportAs downloads a CSV export of the last twelve whole months as the
// committee, and reads it back (after the byte-order mark).
func exportAs(t *testing.T, base *webtest.API, query string) (*httptest.ResponseRecorder, [][]string) {
	t.Helper()
	thisMonth := domain.Today().AddDate(0, 0, 1-domain.Today().Day())
	req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/export/indicator.csv?from=%s&to=%s&%s",
		thisMonth.AddDate(-1, 0, 0).Format(time.DateOnly), thisMonth.Format(time.DateOnly), query), nil)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.AddCookie(webtest.As(t, base, demo.SteeringEmail).Cookie)
	rec := httptest.NewRecorder()
	base.Handler.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return rec, nil
	}
	body, ok := strings.CutPrefix(rec.Body.String(), "\uFEFF")
	if !ok {
		t.Fatalf("%s: no byte-order mark", query)
	}
	reader := csv.NewReader(strings.NewReader(body))
	reader.Comma = ';'
	rows, err := reader.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return rec, rows
}

// TestExportSpeaksTheUsersLanguage downloads a breakdown by need area and
// month in Italian (the default), in English and as keys only: people
// read the first row and the labels in their language, withheld cells say
// so in words; programs find the same key row second, and lang=keys
// gives the file as before. The cells withheld are the same in all three.
func TestExportSpeaksTheUsersLanguage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		base := webtest.DemoAPI(t, db, 9, 200)
		const query = "indicator=referrals&groupBy=NEED_AREA&groupBy=MONTH&separator=semicolon"
		keys := []string{"need_area", "need_area_label", "month", "month_label", "value", "persons", "suppressed"}
		thisMonth := domain.Today().AddDate(0, 0, 1-domain.Today().Day())
		// A key's month written out, as each language writes it.
		mesi := []string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}
		months := map[string][2]string{}
		for d := thisMonth.AddDate(-1, 0, 0); d.Before(thisMonth); d = d.AddDate(0, 1, 0) {
			months[d.Format("2006-01")] = [2]string{mesi[d.Month()-1] + " " + d.Format("2006"), d.Month().String() + " " + d.Format("2006")}
		}
		// Need areas in words (the catalogues' labels, TestExportLabelsMatchCatalogues).
		areas := map[string][2]string{"": {"non indicato", "not stated"}, "EMPLOYMENT": {"Lavoro", "Employment"}, "HOUSING": {"Casa", "Housing"}}

		rec, it := exportAs(t, base, query)
		if it == nil {
			t.Fatalf("Italian export: %d %s", rec.Code, rec.Body.String())
		}
		wantName := fmt.Sprintf(`attachment; filename=referrals_need_area_month_%s_%s.csv`,
			thisMonth.AddDate(-1, 0, 0).Format(time.DateOnly), thisMonth.AddDate(0, 0, -1).Format(time.DateOnly))
		if got := rec.Header().Get("Content-Disposition"); got != wantName {
			t.Errorf("Content-Disposition %q, want %q", got, wantName)
		}
		if want := []string{"Area di bisogno (codice)", "Area di bisogno", "Mese (codice)", "Mese", "Valore", "Persone", "Oscurato (meno di 5 persone)"}; !slices.Equal(it[0], want) {
			t.Errorf("Italian header %q, want %q", it[0], want)
		}
		if !slices.Equal(it[1], keys) {
			t.Errorf("second row %q, want the keys %q", it[1], keys)
		}
		_, en := exportAs(t, base, query+"&lang=en")
		if want := []string{"Need area (key)", "Need area", "Month (key)", "Month", "Value", "Persons", "Withheld (fewer than 5 people)"}; en == nil || !slices.Equal(en[0], want) {
			t.Fatalf("English header %q, want %q", en, want)
		}
		_, plain := exportAs(t, base, query+"&lang=keys")
		if plain == nil || !slices.Equal(plain[0], keys) {
			t.Fatalf("lang=keys header %q, want %q", plain, keys)
		}
		if len(it) != len(plain)+1 || len(en) != len(it) {
			t.Fatalf("rows: %d Italian, %d English, %d keys only", len(it), len(en), len(plain))
		}

		withheld := 0
		for i, row := range plain[1:] {
			itRow, enRow := it[i+2], en[i+2]
			if !slices.Equal(itRow[4:6], row[4:6]) || !slices.Equal(enRow[4:6], row[4:6]) || itRow[0] != row[0] || itRow[2] != row[2] {
				t.Fatalf("row %d differs: %q / %q / %q", i, itRow, enRow, row)
			}
			total := i == len(plain)-2
			switch row[6] {
			case "true":
				withheld++
				if row[4] != "" || row[5] != "" || itRow[6] != "oscurato" || enRow[6] != "withheld" {
					t.Errorf("withheld row %d: %q / %q / %q", i, itRow, enRow, row)
				}
			case "false":
				if itRow[6] != "no" || enRow[6] != "no" {
					t.Errorf("published row %d: %q / %q", i, itRow, enRow)
				}
			default:
				t.Errorf("lang=keys row %d says %q, not true or false", i, row[6])
			}
			if total {
				if itRow[1] != "Totale" || enRow[1] != "Total" || row[1] != "Totale" {
					t.Errorf("total row %q / %q / %q", itRow, enRow, row)
				}
				continue
			}
			month, ok := months[row[2]]
			if !ok || itRow[3] != month[0] || enRow[3] != month[1] || row[3] != row[2] {
				t.Errorf("month %q written %q / %q / %q, want %q", row[2], itRow[3], enRow[3], row[3], month)
			}
			if area, ok := areas[row[0]]; ok && (itRow[1] != area[0] || enRow[1] != area[1]) {
				t.Errorf("need area %q written %q / %q", row[0], itRow[1], enRow[1])
			}
			if row[0] != "" && (itRow[1] == row[0] || enRow[1] == row[0] || row[1] != row[0]) {
				t.Errorf("need area %q written %q / %q / %q: a code to people, or a label to old clients", row[0], itRow[1], enRow[1], row[1])
			}
		}
		if withheld == 0 {
			t.Fatal("no cell is withheld: the test does not see how withheld cells are written")
		}

		if rec, _ := exportAs(t, base, query+"&lang=fr"); rec.Code != http.StatusBadRequest {
			t.Errorf("lang=fr: %d, want 400", rec.Code)
		}
	})
}
