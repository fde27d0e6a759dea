package web

import (
	"bytes"
	"encoding/csv"
	"math"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/server/indicator"
)

// FuzzIndicatorCSV writes results whose keys and labels are any text
// users could type (names of tables, municipalities) through the export's
// CSV writer, in each language, and reads the file back with encoding/csv:
// after the byte-order mark, the same rows and cells, every cell a
// spreadsheet would run as a formula behind a quote, the values as numbers
// under the key row.
func FuzzIndicatorCSV(f *testing.F) {
	for _, s := range []string{
		"Empoli", "Castelfiorentino; Montaione", `Tavolo "Valdelsa"`, "riga\nnuova", "a\r\nb", "\rCR", "\tTab",
		`=HYPERLINK("https://evil.example","x")`, "+1+1", "-2+3", "@SUM(A1:A2)", "-", "'=x", " =1", "", "\uFEFF=1", "é\xff",
	} {
		f.Add(s, "key", 12.5, 7, false, uint8(1), false, uint8(0))
		f.Add("k", s, -3.0, -1, true, uint8(2), true, uint8(1))
	}
	f.Add("2026-01", "gennaio", 1e21, 0, false, uint8(0), true, uint8(2))
	f.Add("x", "2026-13", 1.0, 5, false, uint8(2), true, uint8(1))
	f.Add("x", "2026-Q", 1.0, 5, false, uint8(2), false, uint8(0))
	f.Fuzz(func(t *testing.T, label, key string, value float64, persons int, suppressed bool, dims uint8, semicolon bool, language uint8) {
		if math.IsNaN(value) || math.IsInf(value, 0) {
			return // no indicator computes them, and JSON could not carry them
		}
		r := &indicator.Result{Indicator: "referrals", Total: &indicator.Cell{Value: &value, Persons: &persons}}
		cell := &indicator.Cell{Value: &value, Persons: &persons, Suppressed: suppressed}
		if suppressed {
			cell.Value, cell.Persons = nil, nil
		}
		for i := range int(dims % 3) {
			r.GroupBy = append(r.GroupBy, []indicator.Dimension{indicator.Table, indicator.Month}[i])
			cell.Keys = append(cell.Keys, &indicator.Key{Dimension: r.GroupBy[i], Key: key, Label: label})
		}
		r.Cells = []*indicator.Cell{cell}
		lang := []csvLang{langItalian, langEnglish, langKeys}[language%3]
		want := csvRows(r, semicolon, lang)

		var out bytes.Buffer
		if err := writeCSV(&out, r, semicolon, lang); err != nil {
			t.Fatal(err)
		}
		file, ok := strings.CutPrefix(out.String(), byteOrderMark)
		if !ok {
			t.Fatalf("the file does not open with the byte-order mark: %.40q", out.String())
		}
		reader := csv.NewReader(strings.NewReader(file))
		if semicolon {
			reader.Comma = ';'
		}
		got, err := reader.ReadAll()
		if err != nil || len(got) != len(want) {
			t.Fatalf("the file does not read back (%v): %d rows of %d\n%q", err, len(got), len(want), file)
		}
		for i, row := range got {
			for j, cell := range row {
				// encoding/csv reads a quoted \r\n as \n, as spreadsheets do.
				sent := strings.ReplaceAll(want[i][j], "\r\n", "\n")
				if cell != sent && cell != "'"+sent {
					t.Fatalf("row %d cell %d reads %q, written %q", i, j, cell, want[i][j])
				}
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !isNumber(cell) {
					t.Fatalf("row %d cell %d %q would run as a formula", i, j, cell)
				}
			}
		}
		keys := 0
		if !lang.keysOnly {
			keys = 1
		}
		if got[keys][len(got[keys])-3] != "value" {
			t.Fatalf("row %d is not the key row: %q", keys, got[keys])
		}
		if !suppressed {
			v := got[keys+1][len(got[keys+1])-3]
			if semicolon {
				v = strings.Replace(v, ",", ".", 1)
			}
			if back, err := strconv.ParseFloat(v, 64); err != nil || back != value {
				t.Fatalf("value %v reads back as %q", value, got[keys+1][len(got[keys+1])-3])
			}
		}
	})
}

// FuzzExportRequest reads any query string as an export's: a typed
// BAD_USER_INPUT or a filter whose dates are midnight in Rome of the
// calendar days given.
func FuzzExportRequest(f *testing.F) {
	for _, s := range []string{
		"indicator=referrals&groupBy=TABLE&from=2025-01-01&to=2026-01-01",
		"from=2026-03-29&to=2026-10-25&separator=semicolon", "from=2026-02-30", "from=2026-1-1", "to=0000-01-01",
		"from=9999-12-31", "from=2025-01-01T00:00:00Z", "groupBy=NOPE", "gender=X&ageBand=Z", "needArea=%00", "separator=tab",
		"from=%ff%fe", "tableID=tab_x&municipalityID=mun_y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		filter, _, err := exportRequest(q)
		if err != nil {
			if _, ok := err.(*fault.Invalid); !ok {
				t.Fatalf("exportRequest(%q): %T %v, not BAD_USER_INPUT", raw, err, err)
			}
			return
		}
		for name, d := range map[string]*domain.Date{"from": filter.From, "to": filter.To} {
			if d == nil {
				if q.Get(name) != "" {
					t.Fatalf("%s=%q dropped", name, q.Get(name))
				}
				continue
			}
			if d.String() != q.Get(name) {
				t.Fatalf("%s=%q read as %v", name, q.Get(name), d)
			}
		}
	})
}
