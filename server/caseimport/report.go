package caseimport

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/progetto-win/win/domain/gid"
)

// Outcome is what became, or would become, of a row.
type Outcome string

// The outcomes of a row (docs/import.md).
const (
	// New is a person WIN does not know, with their case.
	New Outcome = "NEW"
	// Match is a case of a person WIN knows (by tax code, or by names and
	// birth date) or that an earlier row of the file brings.
	Match Outcome = "MATCH"
	// Conflict is a row that would give a person a second open case.
	Conflict Outcome = "CONFLICT"
	// AlreadyImported is a row whose case an earlier import created:
	// nothing to do.
	AlreadyImported Outcome = "ALREADY_IMPORTED"
	// Error is a row with a value WIN cannot take.
	Error Outcome = "ERROR"
)

// Report is the answer to a file, previewed or imported: per row, in the
// file's order, what became of it. It names no one: persons appear by
// pseudonym, cases by code, and only those the uploader may see.
type Report struct {
	FileSHA256 string  `json:"fileSha256"`
	Encoding   string  `json:"encoding"`  // UTF-8 or Windows-1252, as detected
	Separator  string  `json:"separator"` // ";" or ","
	Mode       Mode    `json:"mode"`
	OnError    OnError `json:"onError"`
	// Imported says whether the rows were written: false for a preview
	// and for an import refused whole (onError=abort with an ERROR or
	// CONFLICT row).
	Imported bool   `json:"imported"`
	Counts   Counts `json:"counts"`
	Rows     []Row  `json:"rows"`
}

// Counts sums up a report.
type Counts struct {
	Rows            int `json:"rows"` // rows read, blank rows aside
	New             int `json:"new"`
	Match           int `json:"match"`
	Conflict        int `json:"conflict"`
	AlreadyImported int `json:"alreadyImported"`
	Error           int `json:"error"`
	// CasesCreated and PersonsCreated are what the import wrote: zero
	// for a preview and a refused import.
	CasesCreated   int `json:"casesCreated"`
	PersonsCreated int `json:"personsCreated"`
}

// Row is what became of one row of the file.
type Row struct {
	Line    int     `json:"line"`   // the file's line where the row starts (the header's is 1, or 2 after Excel's sep= line)
	RowKey  string  `json:"rowKey"` // codice_riga as given
	Outcome Outcome `json:"outcome"`
	// Pseudonym is the person's: the known person matched, or the new
	// person once imported. Never a name.
	Pseudonym string `json:"pseudonym,omitempty"`
	// MatchedBy says how a known person was found: TAX_CODE,
	// NAME_AND_BIRTH_DATE, or both.
	MatchedBy []string `json:"matchedBy,omitempty"`
	// SamePersonAsLine is the earlier row of the file that brings the
	// same person.
	SamePersonAsLine int `json:"samePersonAsLine,omitempty"`
	// OpenCase is the person's open case, for a CONFLICT (or a closed
	// case added to a person who has one), when the uploader may see it.
	OpenCase *CaseRef `json:"openCase,omitempty"`
	// CaseCode and CaseID are the case this row created, or an earlier
	// import of it created (ALREADY_IMPORTED), when the uploader may see
	// it: the code as people say it, the ID for the API and the web app.
	CaseCode string `json:"caseCode,omitempty"`
	CaseID   gid.ID `json:"caseId,omitempty"`
	// Problems are why a row is an ERROR or a CONFLICT: the column and
	// what is wrong.
	Problems []Problem `json:"problems,omitempty"`
}

// CaseRef names a case the uploader may see.
type CaseRef struct {
	ID    gid.ID `json:"id"`
	Code  string `json:"code"`
	Table string `json:"table"`
}

// Problem is what is wrong with a row, in a column (the Italian header;
// empty for the row as a whole).
type Problem struct {
	Column  string `json:"column,omitempty"`
	Message string `json:"message"`
}

func (r *Report) add(row Row) {
	r.Rows = append(r.Rows, row)
	r.Counts.Rows++
	switch row.Outcome {
	case New:
		r.Counts.New++
	case Match:
		r.Counts.Match++
	case Conflict:
		r.Counts.Conflict++
	case AlreadyImported:
		r.Counts.AlreadyImported++
	case Error:
		r.Counts.Error++
	}
}

// refused reports whether some row is an ERROR or a CONFLICT.
func (r *Report) refused() bool { return r.Counts.Error+r.Counts.Conflict > 0 }

// reportHeaders are the report's CSV columns, in Italian and English.
var reportHeaders = map[string][]string{
	"it": {"riga", "codice_riga", "esito", "pseudonimo", "trovato_per", "stessa_persona_della_riga", "caso_aperto", "tavolo_caso_aperto", "codice_caso", "colonna", "problema"},
	"en": {"line", "row_key", "outcome", "pseudonym", "matched_by", "same_person_as_line", "open_case", "open_case_table", "case_code", "column", "problem"},
}

// WriteCSV writes the report as CSV: UTF-8 with a byte order mark,
// semicolons, a header in Italian (lang "it") or English ("en"), one
// line per row of the file and, for a row with several problems, one
// line per problem. neutralise makes text no spreadsheet runs as a
// formula.
func (r *Report) WriteCSV(w io.Writer, lang string, neutralise func([][]string) [][]string) error {
	header, ok := reportHeaders[lang]
	if !ok {
		header = reportHeaders["it"]
	}
	if _, err := io.WriteString(w, byteOrderMark); err != nil {
		return err
	}
	out := csv.NewWriter(w)
	out.Comma = ';'
	_ = out.Write(header)
	var rows [][]string
	flush := func() error {
		_ = out.WriteAll(neutralise(rows)) // WriteAll flushes
		rows = rows[:0]
		return out.Error()
	}
	for _, row := range r.Rows {
		base := []string{strconv.Itoa(row.Line), row.RowKey, string(row.Outcome), row.Pseudonym, strings.Join(row.MatchedBy, "|"), "", "", "", row.CaseCode}
		if row.SamePersonAsLine > 0 {
			base[5] = strconv.Itoa(row.SamePersonAsLine)
		}
		if row.OpenCase != nil {
			base[6], base[7] = row.OpenCase.Code, row.OpenCase.Table
		}
		if len(row.Problems) == 0 {
			rows = append(rows, append(base, "", ""))
		}
		for _, p := range row.Problems {
			rows = append(rows, append(append([]string(nil), base...), p.Column, p.Message))
		}
		if len(rows) >= 500 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}
