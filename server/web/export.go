package web

import (
	"encoding/csv"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/indicator"
)

// byteOrderMark opens the CSV files, so that spreadsheet programs read
// them as UTF-8 and show Italian accents right.
const byteOrderMark = "\uFEFF"

// exportIndicator serves one indicator's result as a CSV file, for the
// same viewers and with the same suppression as the API, and records the
// export in the audit log:
//
//	GET /export/indicator.csv?indicator=referrals&groupBy=TABLE&groupBy=MONTH&from=2025-01-01&to=2026-01-01&separator=semicolon&lang=it
//
// Filters repeat: tableID, municipalityID, needArea, gender, ageBand.
// With separator=semicolon, numbers have a decimal comma, as spreadsheets
// set to Italian expect. lang (it, the default, or en) is the language of
// the first header row and of the labels; the second row has the keys
// programs read (exportlang.go); lang=keys writes the file as it was
// before it had languages, for clients written then.
func exportIndicator(stats *indicator.Source, client *ent.Client, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		fail := func(err error) { writeFailure(w, r, logger, "indicator export", err) }
		q := r.URL.Query()
		name := q.Get("indicator")
		filter, groupBy, err := exportRequest(q)
		if err != nil {
			fail(err)
			return
		}
		lang, err := exportLanguage(q.Get("lang"))
		if err != nil {
			fail(err)
			return
		}
		ix, err := stats.For(ctx, filter)
		if err != nil {
			fail(err)
			return
		}
		result, err := ix.Get(ctx, name, groupBy)
		if err != nil {
			fail(err)
			return
		}
		if err := audit.Record(rule.SystemContext(ctx), client, viewer.FromContext(ctx), "EXPORT_INDICATOR", "Indicator", []gid.ID{gid.ID(name)}); err != nil {
			fail(err)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": exportFileName(name, groupBy, filter)}))
		w.Header().Set("Cache-Control", "no-store")
		_ = writeCSV(w, result, q.Get("separator") == "semicolon", lang)
	})
}

// writeCSV writes a result as the CSV file of an export: byte-order mark,
// commas (or semicolons, with decimal commas), cells neutralised.
func writeCSV(w io.Writer, result *indicator.Result, semicolon bool, lang csvLang) error {
	if _, err := io.WriteString(w, byteOrderMark); err != nil {
		return err
	}
	out := csv.NewWriter(w)
	if semicolon {
		out.Comma = ';'
	}
	return out.WriteAll(neutralised(csvRows(result, semicolon, lang)))
}

// exportFileName names the file after the indicator, its breakdown and
// its period, the days included (the request's to is excluded), so that
// files downloaded for several periods or breakdowns tell themselves
// apart: referrals_table_2025-01-01_2025-12-31.csv. An open end reads
// "start" or "today"; the indicator is one of the known names, so the
// name is plain ASCII.
func exportFileName(name string, groupBy []indicator.Dimension, f *indicator.Filter) string {
	parts := []string{name}
	for _, d := range groupBy {
		parts = append(parts, strings.ToLower(string(d)))
	}
	from, to := "start", "today"
	if f.From != nil {
		from = f.From.String()
	}
	if f.To != nil {
		to = f.To.AddDate(0, 0, -1).String()
	}
	return strings.Join(append(parts, from, to), "_") + ".csv"
}

// neutralised returns the rows with every cell that a spreadsheet would
// run as a formula — starting with = + - @, a tab or a carriage return —
// prefixed with a single quote, which makes it text (OWASP's CSV
// injection advice): labels are names users typed. A negative number is
// no formula and stays a number.
func neutralised(rows [][]string) [][]string {
	for _, row := range rows {
		for i, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !isNumber(cell) {
				row[i] = "'" + cell
			}
		}
	}
	return rows
}

// decimal is a number as csvRows writes it, with a decimal point or comma.
var decimal = regexp.MustCompile(`^-?[0-9]+([.,][0-9]+)?$`)

func isNumber(cell string) bool { return decimal.MatchString(cell) }

// exportRequest reads the filter and breakdown of an export.
func exportRequest(q url.Values) (*indicator.Filter, []indicator.Dimension, error) {
	f := &indicator.Filter{}
	for field, target := range map[string]**domain.Date{"from": &f.From, "to": &f.To} {
		if v := q.Get(field); v != "" {
			d, err := domain.ParseDate(v)
			if err != nil {
				return nil, nil, fault.Invalidf(field, "give a date as 2026-01-31")
			}
			*target = &d
		}
	}
	for _, v := range q["tableID"] {
		f.TableIDs = append(f.TableIDs, gid.ID(v))
	}
	for _, v := range q["municipalityID"] {
		f.MunicipalityIDs = append(f.MunicipalityIDs, gid.ID(v))
	}
	for _, v := range q["needArea"] {
		var a domain.NeedArea
		if err := a.UnmarshalGQL(v); err != nil {
			return nil, nil, fault.Invalidf("needArea", "%v", err)
		}
		f.NeedAreas = append(f.NeedAreas, a)
	}
	for _, v := range q["gender"] {
		g := person.Gender(v)
		if err := person.GenderValidator(g); err != nil {
			return nil, nil, fault.Invalidf("gender", "%q is not a gender", v)
		}
		f.Genders = append(f.Genders, g)
	}
	for _, v := range q["ageBand"] {
		var b indicator.AgeBand
		if err := b.UnmarshalGQL(v); err != nil {
			return nil, nil, fault.Invalidf("ageBand", "%v", err)
		}
		f.AgeBands = append(f.AgeBands, b)
	}
	var groupBy []indicator.Dimension
	for _, v := range q["groupBy"] {
		var d indicator.Dimension
		if err := d.UnmarshalGQL(v); err != nil {
			return nil, nil, fault.Invalidf("groupBy", "%v", err)
		}
		groupBy = append(groupBy, d)
	}
	if s := q.Get("separator"); s != "" && s != "semicolon" && s != "comma" {
		return nil, nil, fault.Invalidf("separator", "is comma or semicolon")
	}
	return f, groupBy, nil
}

// csvRows lays a result out: a column pair per dimension (key and label),
// then value, persons and whether withheld; the header in the language,
// then the same columns' keys (the only header row with lang=keys); the
// cells, then the total. Suppression is the result's, untouched: a
// withheld cell has neither value nor persons, in every language.
func csvRows(r *indicator.Result, decimalComma bool, lang csvLang) [][]string {
	var keys []string
	for _, d := range r.GroupBy {
		keys = append(keys, strings.ToLower(string(d)), strings.ToLower(string(d))+"_label")
	}
	keys = append(keys, "value", "persons", "suppressed")
	rows := [][]string{keys}
	if !lang.keysOnly {
		rows = [][]string{lang.header(r.GroupBy), keys}
	}
	totalLabel := "Totale"
	if !lang.keysOnly {
		totalLabel = lang.pick(csvColumns["total"])
	}
	line := func(c *indicator.Cell, total bool) []string {
		var row []string
		for i := range r.GroupBy {
			switch {
			case total:
				row = append(row, "", totalLabel)
			default:
				row = append(row, c.Keys[i].Key, lang.label(c.Keys[i]))
			}
		}
		value, persons := "", ""
		if c.Value != nil {
			value = strconv.FormatFloat(*c.Value, 'f', -1, 64)
			if decimalComma {
				value = strings.Replace(value, ".", ",", 1)
			}
		}
		if c.Persons != nil {
			persons = strconv.Itoa(*c.Persons)
		}
		return append(row, value, persons, lang.withheld(c.Suppressed))
	}
	for _, c := range r.Cells {
		rows = append(rows, line(c, false))
	}
	return append(rows, line(r.Total, true))
}
