package caseimport

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/person"
)

// sniffBytes is how much of the file decides its encoding and separator.
const sniffBytes = 64 << 10

// Encodings a file may come in.
const (
	UTF8        = "UTF-8"
	Windows1252 = "Windows-1252"
)

// source reads a file's rows as they arrive, hashing its bytes.
type source struct {
	hash      hash.Hash
	raw       io.Reader // the file's bytes, through the hash
	csv       *csv.Reader
	encoding  string
	separator rune
	skipped   int   // lines before the header that the CSV reader does not see
	fields    []int // for each of the file's columns, its index in Columns
	width     int   // the number of columns of the header
}

// fileError is a file WIN cannot read as a whole: its encoding, its
// separator, its header or its CSV syntax.
func fileError(format string, args ...any) error {
	return &fault.Invalid{Field: "file", Message: fmt.Sprintf(format, args...)}
}

// open starts reading a file: it decides the encoding on the first 64
// KiB (a UTF-8 byte order mark or valid UTF-8 is UTF-8, anything else
// Windows-1252), the separator on the header line (; or ,), and reads
// and checks the header.
func open(r io.Reader) (*source, error) {
	s := &source{hash: sha256.New()}
	s.raw = io.TeeReader(r, s.hash)
	raw := bufio.NewReaderSize(s.raw, sniffBytes)
	head, err := raw.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	atEOF := err != nil
	var text io.Reader
	switch {
	case len(bytes.TrimSpace(head)) == 0 || bytes.Equal(bytes.TrimSpace(head), []byte(byteOrderMark)):
		return nil, fileError("the file is empty: fill in the template and upload it")
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0")):
		return nil, fileError("this is a spreadsheet workbook, not a CSV file: save it as CSV (semicolon- or comma-separated) and upload that")
	case bytes.HasPrefix(head, []byte("\xFF\xFE")), bytes.HasPrefix(head, []byte("\xFE\xFF")):
		return nil, fileError("the file is in UTF-16: save it as CSV UTF-8 (or Windows-1252) and upload that")
	case bytes.IndexByte(head, 0) >= 0:
		return nil, fileError("the file holds binary data, not text: upload a CSV file")
	case bytes.HasPrefix(head, []byte(byteOrderMark)):
		_, _ = raw.Discard(len(byteOrderMark))
		s.encoding, text = UTF8, raw
	case validPrefix(head, atEOF):
		s.encoding, text = UTF8, raw
	default:
		s.encoding, text = Windows1252, charmap.Windows1252.NewDecoder().Reader(raw)
	}
	decoded := bufio.NewReaderSize(&checked{r: text, encoding: s.encoding, line: 1}, sniffBytes)
	first, err := decoded.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	end := bytes.IndexByte(first, '\n')
	if end < 0 && err == nil {
		return nil, fileError("the header line is longer than %d KiB: this is not the import template", sniffBytes>>10)
	}
	if end < 0 {
		end = len(first)
	}
	header := first[:end]
	semicolons, commas := bytes.Count(header, []byte(";")), bytes.Count(header, []byte(","))
	switch sep := bytes.TrimSpace(header); {
	case len(sep) == 5 && bytes.EqualFold(sep[:4], []byte("sep=")) && (sep[4] == ';' || sep[4] == ','):
		// Excel's line naming the separator, before the header.
		s.separator, s.skipped = rune(sep[4]), 1
		_, _ = decoded.Discard(end + 1)
	case semicolons == 0 && commas == 0:
		return nil, fileError("the header has one column only: separate the columns with semicolons (;) or commas (,), as the template does")
	case semicolons >= commas:
		s.separator = ';'
	default:
		s.separator = ','
	}
	s.csv = csv.NewReader(decoded)
	s.csv.Comma = s.separator
	s.csv.FieldsPerRecord = -1 // checked row by row, to report the row
	s.csv.ReuseRecord = true
	names, err := s.csv.Read()
	if err != nil {
		return nil, s.syntax(err)
	}
	return s, s.header(names)
}

// validPrefix reports whether b is valid UTF-8, but for a rune the read
// may have cut at the end.
func validPrefix(b []byte, atEOF bool) bool {
	if !atEOF {
		for i := 1; i <= utf8.UTFMax-1 && i <= len(b); i++ {
			if utf8.RuneStart(b[len(b)-i]) {
				if !utf8.FullRune(b[len(b)-i:]) {
					b = b[:len(b)-i]
				}
				break
			}
		}
	}
	return utf8.Valid(b)
}

// header maps the file's columns to the template's: unknown and
// repeated columns, and missing required ones, are refused by name.
func (s *source) header(names []string) error {
	s.width = len(names)
	seen := map[string]bool{}
	var unknown, repeated []string
	for i, name := range names {
		if i == 0 {
			name = strings.TrimPrefix(name, byteOrderMark)
		}
		c, ok := columnOf(name)
		switch {
		case !ok && strings.TrimSpace(name) == "":
			unknown = append(unknown, fmt.Sprintf("(column %d, no header)", i+1))
		case !ok:
			unknown = append(unknown, strings.TrimSpace(name))
		case seen[c.Name]:
			repeated = append(repeated, c.Name)
		}
		seen[c.Name] = true
		s.fields = append(s.fields, slices.IndexFunc(Columns, func(x Column) bool { return x.Name == c.Name }))
	}
	var missing []string
	for _, c := range Columns {
		if c.Required && !seen[c.Name] {
			missing = append(missing, c.Name)
		}
	}
	var problems []string
	if len(unknown) > 0 {
		problems = append(problems, "unknown columns: "+strings.Join(unknown, ", "))
	}
	if len(repeated) > 0 {
		problems = append(problems, "columns given twice: "+strings.Join(repeated, ", "))
	}
	if len(missing) > 0 {
		problems = append(problems, "required columns missing: "+strings.Join(missing, ", "))
	}
	if len(problems) > 0 {
		return fileError("the header does not match the template (%s): %s", strings.Join(problems, "; "), "download the template for the columns")
	}
	return nil
}

// rawRow is a row of the file as read: its line and its cells, by the
// index of their column in Columns.
type rawRow struct {
	line  int
	cells []string
	extra bool // a value beyond the header's columns
}

func (r *rawRow) get(column string) string {
	i, ok := columnIndex[column]
	if !ok {
		panic("caseimport: no column " + column)
	}
	return r.cells[i]
}

// columnIndex is the index of each column in Columns, by its name.
var columnIndex = func() map[string]int {
	out := map[string]int{}
	for i, c := range Columns {
		out[c.Name] = i
	}
	return out
}()

// next reads the next row that is not blank; io.EOF after the last.
func (s *source) next() (*rawRow, error) {
	for {
		record, err := s.csv.Read()
		if errors.Is(err, io.EOF) {
			// The bytes after the last row, if any, belong in the hash.
			_, err = io.Copy(io.Discard, s.raw)
			if err == nil {
				err = io.EOF
			}
			return nil, err
		}
		if err != nil {
			return nil, s.syntax(err)
		}
		line, _ := s.csv.FieldPos(0)
		row := &rawRow{line: line + s.skipped, cells: make([]string, len(Columns))}
		blank := true
		for i, cell := range record {
			cell = strings.TrimSpace(cell)
			if cell == "" {
				continue
			}
			blank = false
			if i < len(s.fields) {
				row.cells[s.fields[i]] = cell
			} else {
				row.extra = true
			}
		}
		if !blank {
			return row, nil
		}
	}
}

// syntax is the error of a file CSV cannot read.
func (s *source) syntax(err error) error {
	var parse *csv.ParseError
	if errors.As(err, &parse) {
		return fileError("line %d is not valid CSV: %v; check the quotes (\") in that line", parse.StartLine+s.skipped, parse.Err)
	}
	return err
}

// sum is the SHA-256 of the bytes read so far: of the whole file once
// next has returned io.EOF.
func (s *source) sum() string { return hex.EncodeToString(s.hash.Sum(nil)) }

// checked passes decoded text on, and fails the read at the first byte
// that is not valid UTF-8 or that decodes to U+FFFD (a byte Windows-1252
// does not define, or a file damaged by an earlier conversion): the
// encoding was chosen on the first 64 KiB, and the rest must agree.
type checked struct {
	r        io.Reader
	encoding string
	carry    []byte // the start of a rune cut by the last read
	line     int    // of the next byte
}

func (c *checked) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	buf := append(c.carry, p[:n]...)
	complete := len(buf)
	if err == nil {
		for i := 1; i <= utf8.UTFMax-1 && i <= len(buf); i++ {
			if utf8.RuneStart(buf[len(buf)-i]) {
				if !utf8.FullRune(buf[len(buf)-i:]) {
					complete = len(buf) - i
				}
				break
			}
		}
	}
	if bad := invalidAt(buf[:complete]); bad >= 0 || errors.Is(err, io.EOF) && complete < len(buf) {
		if bad < 0 {
			bad = complete
		}
		line := c.line + bytes.Count(buf[:bad], []byte("\n"))
		if c.encoding == UTF8 {
			return 0, fileError("line %d is not valid UTF-8, though the file's start is: save the whole file as CSV UTF-8 (or Windows-1252) again", line)
		}
		return 0, fileError("line %d has a character that Windows-1252 does not define: save the file as CSV UTF-8 and upload that", line)
	}
	c.line += bytes.Count(buf[:complete], []byte("\n"))
	c.carry = append(c.carry[:0], buf[complete:]...)
	return n, err
}

// invalidAt returns the offset of the first invalid byte or U+FFFD in
// b, or -1.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError {
			return i
		}
		i += size
	}
	return -1
}

// fold is the form in which cells are compared with codes, labels and
// names: lower case, no accents, punctuation and runs of spaces as one
// space. "Unione Europea", "UNIONE_EUROPEA" and "unione-europea" meet.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// parseDate reads a day written DD/MM/YYYY (or with - or . between, the
// way Italian registers write it) or YYYY-MM-DD.
func parseDate(s string) (domain.Date, bool) {
	if d, err := domain.ParseDate(s); err == nil {
		return d, true
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return domain.Date{}, false
	}
	var day, month, year int
	for i, target := range []*int{&day, &month, &year} {
		for _, c := range parts[i] {
			if c < '0' || c > '9' {
				return domain.Date{}, false
			}
			*target = *target*10 + int(c-'0')
		}
	}
	if month < 1 || month > 12 || day < 1 {
		return domain.Date{}, false
	}
	d := domain.NewDate(year, time.Month(month), day)
	if d.Day() != day { // 31/02 rolls over into March
		return domain.Date{}, false
	}
	return d, true
}

// record is a row read and checked: what it would create.
type record struct {
	line         int
	rowKey       string
	table        *tableRef
	taxCode      string
	lastName     string
	firstName    string
	birthDate    *domain.Date
	gender       *person.Gender
	citizenship  *person.CitizenshipArea
	municipality *gid.ID
	referrer     gid.ID
	referredOn   domain.Date
	reason       string
	needAreas    []domain.NeedArea
	status       casefile.Status
	takenOn      *domain.Date
	closedOn     *domain.Date
	closure      *casefile.ClosureReason
	channel      *casefile.ReferralChannel
	intervention *interventionRecord
	outcome      *outcomeRecord
	problems     []Problem
}

// interventionRecord is the intervention a row carries.
type interventionRecord struct {
	kind     intervention.Kind
	provider gid.ID
	startsOn domain.Date
	endsOn   *domain.Date
	status   intervention.Status
}

// outcomeRecord is the outcome a row carries.
type outcomeRecord struct {
	kind       outcome.Kind
	achievedOn domain.Date
}

// importKey is the case's key: the table's code and the row's.
func (r *record) importKey() string { return r.table.code + "/" + r.rowKey }

// byName reports whether the row names the person fully.
func (r *record) byName() bool { return r.lastName != "" && r.firstName != "" && r.birthDate != nil }

// opens reports whether the row's case is open.
func (r *record) opens() bool { return domain.CaseStatus(r.status).Open() }

func (r *record) fail(column, format string, args ...any) {
	r.problems = append(r.problems, Problem{Column: column, Message: fmt.Sprintf(format, args...)})
}

// check reads a row: every cell, each problem reported on its column.
func (c *checker) check(raw *rawRow) *record {
	r := &record{line: raw.line}
	if raw.extra {
		r.fail("", "the row has more cells than the header: a separator inside a value? put the value in double quotes")
	}
	today := domain.Today()
	text := func(column string, required bool, limit int, oneLine bool) string {
		v := raw.get(column)
		switch {
		case v == "" && required:
			r.fail(column, "is required")
		case utf8.RuneCountInString(v) > limit:
			r.fail(column, "is longer than %d characters", limit)
		case oneLine && strings.IndexFunc(v, unicode.IsControl) >= 0:
			r.fail(column, "must be on one line")
		default:
			return v
		}
		return ""
	}
	day := func(column string, required bool) *domain.Date {
		v := raw.get(column)
		if v == "" {
			if required {
				r.fail(column, "is required")
			}
			return nil
		}
		d, ok := parseDate(v)
		switch {
		case !ok:
			r.fail(column, "%q is not a date: write it DD/MM/YYYY or YYYY-MM-DD", v)
		case d.After(today):
			r.fail(column, "%s is in the future", d.Format(dateFormat))
		case d.Year() < 1900:
			r.fail(column, "%s is before 1900", d.Format(dateFormat))
		default:
			return &d
		}
		return nil
	}
	choice := func(column string, e *enum, order []string) (string, bool) {
		v := raw.get(column)
		if v == "" {
			return "", false
		}
		code, ok := e.read(v)
		if !ok {
			r.fail(column, "%q is not one of: %s", v, e.italian(order))
		}
		return code, ok
	}
	empty := func(why string, columns ...string) {
		for _, column := range columns {
			if raw.get(column) != "" {
				r.fail(column, "%s", why)
			}
		}
	}

	// The case's key and table.
	r.rowKey = text(ColRowKey, true, maxImportKey, true)
	if v := raw.get(ColTable); v == "" {
		r.fail(ColTable, "is required")
	} else if t, ok := c.refs.table(v); !ok {
		r.fail(ColTable, "%q is no table: give its code (e.g. EMP) or its name", v)
	} else if !c.mayImportInto(t) {
		r.fail(ColTable, "you do not coordinate table %s: a coordinator imports into the tables they coordinate", t.code)
	} else {
		r.table = t
		if r.rowKey != "" && len(r.importKey()) > maxImportKey {
			r.fail(ColRowKey, "is too long: at most %d characters", maxImportKey-len(t.code)-1)
		}
	}

	// The person.
	if v := raw.get(ColTaxCode); v != "" {
		code := domain.NormalizeTaxCode(v)
		if err := domain.ValidateTaxCode(code); err != nil {
			r.fail(ColTaxCode, "%s", err.Error())
		} else {
			r.taxCode = code
		}
	}
	r.lastName = text(ColLastName, false, maxName, true)
	r.firstName = text(ColFirstName, false, maxName, true)
	r.birthDate = day(ColBirthDate, false)
	named := 0
	for _, column := range []string{ColLastName, ColFirstName, ColBirthDate} {
		if raw.get(column) != "" {
			named++
		}
	}
	if raw.get(ColTaxCode) == "" || named > 0 {
		for _, column := range []string{ColLastName, ColFirstName, ColBirthDate} {
			if raw.get(column) == "" {
				if raw.get(ColTaxCode) == "" {
					r.fail(column, "is required without a tax code (codice_fiscale)")
				} else {
					r.fail(column, "give cognome, nome and data_nascita together, or none of them with the tax code")
				}
			}
		}
	}
	if code, ok := choice(ColGender, genders, []string{"FEMALE", "MALE", "NON_BINARY", "NOT_STATED"}); ok {
		g := person.Gender(code)
		r.gender = &g
	}
	if code, ok := choice(ColCitizenship, citizenships, []string{"ITALY", "EUROPEAN_UNION", "OTHER_EUROPE", "AFRICA", "ASIA", "AMERICAS", "OCEANIA", "STATELESS"}); ok {
		a := person.CitizenshipArea(code)
		r.citizenship = &a
	}
	if v := raw.get(ColMunicipality); v != "" {
		if id, ok := c.refs.municipality(v); ok {
			r.municipality = &id
		} else {
			r.fail(ColMunicipality, "%q is no municipality: give its name or its ISTAT code", v)
		}
	}

	// The referral.
	if v := raw.get(ColReferrer); v == "" {
		r.fail(ColReferrer, "is required")
	} else if id, ok := c.refs.organization(v); ok {
		r.referrer = id
	} else {
		r.fail(ColReferrer, "%q is no organisation of the network: give its name as WIN has it", v)
	}
	if d := day(ColReferredOn, true); d != nil {
		r.referredOn = *d
		if r.birthDate != nil && d.Before(*r.birthDate) {
			r.fail(ColReferredOn, "is before the birth date")
		}
	}
	r.reason = text(ColReason, true, maxReason, false)
	if v := raw.get(ColNeedAreas); v == "" {
		r.fail(ColNeedAreas, "is required: at least one area of need")
	} else {
		for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == '|' || r == ',' || r == ';' }) {
			if strings.TrimSpace(part) == "" {
				continue
			}
			if code, ok := needAreas.read(part); ok {
				r.needAreas = append(r.needAreas, domain.NeedArea(code))
			} else {
				r.fail(ColNeedAreas, "%q is not one of: %s", strings.TrimSpace(part), needAreas.italian(needAreaOrder))
			}
		}
		r.needAreas = slices.Compact(slices.Sorted(slices.Values(r.needAreas)))
	}

	if code, ok := choice(ColChannel, channels, slices.Sorted(maps.Keys(channelLabels))); ok {
		channel := casefile.ReferralChannel(code)
		r.channel = &channel
	}

	// The status, and the days it needs.
	r.status = casefile.StatusReferred
	if code, ok := choice(ColStatus, statuses, []string{"REFERRED", "IN_CHARGE", "CLOSED"}); ok {
		r.status = casefile.Status(code)
		if why, refused := unimportable[r.status]; refused {
			r.fail(ColStatus, "a case %s cannot be imported: %s", statusLabels[code].it, why)
		}
	}
	switch r.status {
	case casefile.StatusReferred:
		empty("is only for a case in charge (In carico) or closed (Chiuso)", ColTakenInChargeOn)
		empty("is only for a closed case (Chiuso)", ColClosedOn, ColClosureReason)
	case casefile.StatusInCharge, casefile.StatusClosed:
		r.takenOn = day(ColTakenInChargeOn, true)
		if r.takenOn != nil && r.takenOn.Before(r.referredOn) {
			r.fail(ColTakenInChargeOn, "is before the referral, %s", r.referredOn.Format(dateFormat))
		}
		if r.status == casefile.StatusInCharge {
			empty("is only for a closed case (Chiuso)", ColClosedOn, ColClosureReason)
			break
		}
		r.closedOn = day(ColClosedOn, true)
		if r.closedOn != nil && r.takenOn != nil && r.closedOn.Before(*r.takenOn) {
			r.fail(ColClosedOn, "is before the day the table took charge, %s", r.takenOn.Format(dateFormat))
		}
		if code, ok := choice(ColClosureReason, closureReasons, []string{"GOALS_MET", "PARTIALLY_MET", "DROPPED_OUT", "MOVED_AWAY", "TRANSFERRED", "DECEASED", "OTHER"}); ok {
			reason := casefile.ClosureReason(code)
			r.closure = &reason
		} else if raw.get(ColClosureReason) == "" {
			r.fail(ColClosureReason, "is required for a closed case")
		}
	}
	c.checkIntervention(raw, r, choice)
	checkOutcome(raw, r, day, choice)
	return r
}

// unimportable are the statuses an import does not create, and why: each
// needs what only the pathway's steps record.
var unimportable = map[casefile.Status]string{
	casefile.StatusUnderAssessment: "import it as Segnalato and start the assessment in WIN",
	casefile.StatusMonitoring:      "the plan's goals and monitoring meetings are not in the template: import it as In carico and move it to monitoring in WIN",
	casefile.StatusDeclined:        "a declined referral is no case to take over: leave it out",
}

// checkIntervention reads the row's intervention, if it has one: only a
// case in charge or closed has interventions, and a closed case's are
// over.
func (c *checker) checkIntervention(raw *rawRow, r *record, choice func(string, *enum, []string) (string, bool)) {
	columns := []string{ColInterventionKind, ColInterventionProvider, ColInterventionStart, ColInterventionEnd, ColInterventionStatus}
	given := slices.ContainsFunc(columns, func(column string) bool { return raw.get(column) != "" })
	if !given {
		return
	}
	if r.status == casefile.StatusReferred {
		r.fail(ColInterventionKind, "a referred case (Segnalato) has no interventions yet: give stato In carico or Chiuso with data_presa_in_carico, or leave the intervention's columns empty")
		return
	}
	in := &interventionRecord{}
	ok := true
	if code, found := choice(ColInterventionKind, interventionKinds, slices.Sorted(maps.Keys(interventionKindLabels))); found {
		in.kind = intervention.Kind(code)
	} else {
		ok = false
		if raw.get(ColInterventionKind) == "" {
			r.fail(ColInterventionKind, "is required with the other intervention columns")
		}
	}
	if v := raw.get(ColInterventionProvider); v == "" {
		ok = false
		r.fail(ColInterventionProvider, "is required with an intervention: the organisation that delivers it")
	} else if id, found := c.refs.organization(v); found {
		in.provider = id
	} else {
		ok = false
		r.fail(ColInterventionProvider, "%q is no organisation of the network: give its name as WIN has it", v)
	}
	today := domain.Today()
	// The first day may be in the future for a planned intervention.
	if v := raw.get(ColInterventionStart); v == "" {
		ok = false
		r.fail(ColInterventionStart, "is required with an intervention")
	} else if d, parsed := parseDate(v); !parsed {
		ok = false
		r.fail(ColInterventionStart, "%q is not a date: write it DD/MM/YYYY or YYYY-MM-DD", v)
	} else {
		in.startsOn = d
	}
	if v := raw.get(ColInterventionEnd); v != "" {
		if d, parsed := parseDate(v); !parsed {
			ok = false
			r.fail(ColInterventionEnd, "%q is not a date: write it DD/MM/YYYY or YYYY-MM-DD", v)
		} else {
			in.endsOn = &d
		}
	}
	if code, found := choice(ColInterventionStatus, interventionStatuses, []string{"PLANNED", "ONGOING", "COMPLETED", "INTERRUPTED"}); found {
		in.status = intervention.Status(code)
	} else if raw.get(ColInterventionStatus) != "" {
		ok = false
	} else if r.status == casefile.StatusClosed {
		ok = false
		r.fail(ColInterventionStatus, "is required for a closed case's intervention: Concluso or Interrotto")
	} else if in.startsOn.After(today) {
		in.status = intervention.StatusPlanned
	} else {
		in.status = intervention.StatusOngoing
	}
	if !ok {
		return
	}
	switch {
	case in.endsOn != nil && in.endsOn.Before(in.startsOn):
		r.fail(ColInterventionEnd, "is before the intervention's start, %s", in.startsOn.Format(dateFormat))
	case r.status == casefile.StatusClosed && (in.status == intervention.StatusPlanned || in.status == intervention.StatusOngoing):
		r.fail(ColInterventionStatus, "a closed case's interventions are over: Concluso or Interrotto")
	case in.status == intervention.StatusOngoing && in.startsOn.After(today):
		r.fail(ColInterventionStatus, "an intervention starting on %s is not under way yet: Programmato", in.startsOn.Format(dateFormat))
	case (in.status == intervention.StatusCompleted || in.status == intervention.StatusInterrupted) && in.endsOn == nil:
		r.fail(ColInterventionEnd, "is required for an intervention that is over")
	case (in.status == intervention.StatusCompleted || in.status == intervention.StatusInterrupted) && in.endsOn.After(today):
		r.fail(ColInterventionEnd, "%s is in the future, for an intervention that is over", in.endsOn.Format(dateFormat))
	case in.kind == intervention.KindYouthGuaranteeTraineeship && r.birthDate != nil && !domain.YouthGuaranteeFits(*r.birthDate, in.startsOn):
		r.fail(ColInterventionKind, "%s", domain.YouthGuaranteeRefusal(in.startsOn))
	case in.kind == intervention.KindInternship && in.endsOn != nil && in.endsOn.After(in.startsOn.AddMonths(domain.InternshipMonths)):
		r.fail(ColInterventionEnd, "an inclusion internship lasts at most %d months (24, extendable by 12)", domain.InternshipMonths)
	case in.startsOn.Year() < 1900 || in.startsOn.Year() >= 2100 || in.endsOn != nil && in.endsOn.Year() >= 2100:
		r.fail(ColInterventionStart, "must be a date between 1900 and 2100")
	default:
		r.intervention = in
	}
}

// checkOutcome reads the row's outcome, if it has one: a result of a case
// in charge or closed, not before the referral nor after the closure.
func checkOutcome(raw *rawRow, r *record, day func(string, bool) *domain.Date, choice func(string, *enum, []string) (string, bool)) {
	if raw.get(ColOutcomeKind) == "" && raw.get(ColOutcomeOn) == "" {
		return
	}
	if r.status == casefile.StatusReferred {
		r.fail(ColOutcomeKind, "a referred case (Segnalato) has no outcomes yet: give stato In carico or Chiuso with data_presa_in_carico, or leave the outcome's columns empty")
		return
	}
	o := &outcomeRecord{}
	code, ok := choice(ColOutcomeKind, outcomeKinds, slices.Sorted(maps.Keys(outcomeKindLabels)))
	if !ok && raw.get(ColOutcomeKind) == "" {
		r.fail(ColOutcomeKind, "is required with esito_data")
	}
	o.kind = outcome.Kind(code)
	on := day(ColOutcomeOn, true)
	if !ok || on == nil {
		return
	}
	o.achievedOn = *on
	switch {
	case on.Before(r.referredOn):
		r.fail(ColOutcomeOn, "is before the referral, %s", r.referredOn.Format(dateFormat))
	case r.closedOn != nil && on.After(*r.closedOn):
		r.fail(ColOutcomeOn, "is after the case was closed, %s", r.closedOn.Format(dateFormat))
	default:
		r.outcome = o
	}
}

// dateFormat is how messages write a day.
const dateFormat = "02/01/2006"

// The limits of the cells, as the data model's.
const (
	maxImportKey = 200 // casefile's import_key
	maxName      = 100 // personidentity's first_name and last_name
)

// maxReason is casefile's referral_reason's.
var maxReason, _ = ent.TextLimit(ent.TypeCaseFile, casefile.FieldReferralReason)
