package indicator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/server/store"
)

// measure is what an indicator aggregates: a value per row of a FROM
// clause, rows dated by a column (or open on the period's last day, or
// of the period's years), summed or averaged.
type measure struct {
	name         string
	definition   string
	from         string                                 // the FROM clause
	where        string                                 // what rows count, besides the filter
	date         string                                 // the column of the indicator's date
	instant      bool                                   // date is an instant (a time), not a date column
	dueBy        string                                 // a date column that must be today or earlier (already due)
	year         string                                 // rows are of a year column, counted for the period's years
	row          string                                 // the value of a row; 1 (a count) unless given
	average      bool                                   // the value is the rows' average (a share), not their sum
	openOn       func(q *query, end domain.Date) string // rows are those open on the period's last day, not dated
	cases        bool                                   // rows have a case c and a person p: need area, gender and age band apply
	outcomes     bool                                   // rows are outcomes o: their kind applies
	value        string                                 // the column of the value dimension, if rows have one
	requests     bool                                   // rows are service requests sr: their organisation and decline reason apply
	funds        bool                                   // rows are of funds f: their source and owner apply
	days         [2]string                              // for percentiles, the date columns the days are counted between
	table        string                                 // the column of the table, if rows have one
	municipality string                                 // the column of the municipality, if rows have one
	person       string                                 // the column of the person, if the value is about persons
	twin         string                                 // a measure of the same rows, computed in the same scan
}

// serviceRequests is a measure of the service requests of cases, by the
// table that sent them, with their persons.
func serviceRequests(m measure) measure {
	m.from = " JOIN service_requests sr ON sr.service_request_case = c.id"
	m = aboutPersons(m)
	m.requests, m.table = true, "sr.service_request_table"
	return m
}

// aboutPersons is a measure of rows of cases and their persons; the
// persons are joined only when a breakdown or filter asks for them.
func aboutPersons(m measure) measure {
	m.from = "cases c" + m.from
	m.cases, m.table, m.municipality, m.person = true, "c.case_file_table", "p.person_municipality", "c.case_file_person"
	return m
}

// bound is a filter's day as a bound of the measure's date column: the
// day for a date column, the instant the day starts in Italy for an
// instant.
func (m measure) bound(d domain.Date) any {
	if m.instant {
		return d.Start()
	}
	return d
}

// query is an SQL statement being written, with its arguments.
type query struct {
	dialect string
	sql     strings.Builder
	args    []any
}

// arg adds an argument and returns its placeholder.
func (q *query) arg(v any) string {
	q.args = append(q.args, v)
	if q.dialect == dialect.Postgres {
		return "$" + strconv.Itoa(len(q.args))
	}
	return "?"
}

// day is an SQL expression of the day, as YYYY-MM-DD, of a measure's
// date column: the day itself for a date; for an instant (a meeting's
// held_at) its Italian day, by the one conversion of instants to days,
// domain.DayOf, in each dialect: PostgreSQL's own time zones, and in
// SQLite, which has none, DayOf itself (store.ItalianDayFunc).
func day(dialectName, column string, instant bool) string {
	switch {
	case !instant && dialectName == dialect.Postgres:
		// A date's text under DateStyle ISO, which lib/pq sets on every
		// connection: several times cheaper per row than to_char.
		return fmt.Sprintf("CAST(%s AS text)", column)
	case !instant:
		return column // stored as the text YYYY-MM-DD (domain.Date.Value)
	case dialectName == dialect.Postgres:
		return fmt.Sprintf("to_char(%s AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD')", column)
	}
	return fmt.Sprintf("%s(%s)", store.ItalianDayFunc, column)
}

// daysBetween is an SQL expression of the whole days from a to b.
func daysBetween(dialectName, a, b string) string {
	if dialectName == dialect.Postgres {
		return fmt.Sprintf("(%s - %s)", b, a) // dates: a number of days
	}
	return fmt.Sprintf("ROUND(julianday(%s) - julianday(%s))", b, a)
}

// needAreas is an SQL table na of the need areas of case c, one row each,
// and the column of the area.
func needAreas(dialectName string) (table, column string) {
	if dialectName == dialect.Postgres {
		return "jsonb_array_elements_text(c.need_areas) AS na(area)", "na.area"
	}
	return "json_each(c.need_areas) AS na", "na.value"
}

// in writes "column IN (…)" of the values, or nothing for none.
func (q *query) in(column string, values []string) string {
	if len(values) == 0 {
		return ""
	}
	marks := make([]string, len(values))
	for i, v := range values {
		marks[i] = q.arg(v)
	}
	return fmt.Sprintf(" AND %s IN (%s)", column, strings.Join(marks, ", "))
}

// ageExpr is the SQL expression of a person's age band in the year of a
// day expression (YYYY-MM-DD).
func ageExpr(dayExpr string) string {
	var b strings.Builder
	b.WriteString("CASE")
	for i := len(ageBands) - 1; i >= 0; i-- {
		fmt.Fprintf(&b, " WHEN CAST(substr(%s, 1, 4) AS INTEGER) - p.birth_year >= %d THEN '%s'", dayExpr, ageBands[i].from, ageBands[i].band)
	}
	b.WriteString(" END")
	return b.String()
}

// dimensionExpr is the SQL expression of a dimension's key.
func (m measure) dimensionExpr(dialectName string, d Dimension, dayExpr string) (string, error) {
	none := fault.Invalidf("groupBy", "%s has no %s breakdown", m.name, d)
	switch d {
	case Table:
		if m.table == "" {
			return "", none
		}
		return "COALESCE(" + m.table + ", '')", nil
	case Municipality:
		if m.municipality == "" {
			return "", none
		}
		return "COALESCE(" + m.municipality + ", '')", nil
	case Month, Quarter:
		if m.date == "" {
			return "", none
		}
		if d == Month {
			return fmt.Sprintf("substr(%s, 1, 7)", dayExpr), nil
		}
		return fmt.Sprintf("substr(%s, 1, 4) || '-Q' || CAST((CAST(substr(%s, 6, 2) AS INTEGER) + 2) / 3 AS TEXT)", dayExpr, dayExpr), nil
	case NeedArea, Gender, AgeBandDim, ReferralChannel:
		if !m.cases {
			return "", none
		}
		switch d {
		case NeedArea:
			_, column := needAreas(dialectName)
			return column, nil
		case Gender:
			return "p.gender", nil
		case ReferralChannel:
			return "COALESCE(c.referral_channel, '')", nil // cases referred before channels were recorded have none
		}
		return ageExpr(dayExpr), nil
	case Organization, DeclineReason:
		if !m.requests {
			return "", none
		}
		if d == Organization {
			return "sr.service_request_organization", nil
		}
		return "COALESCE(sr.decline_reason, '')", nil
	case FundSource, FundOwner:
		if !m.funds {
			return "", none
		}
		if d == FundSource {
			return "f.source", nil
		}
		return "f.fund_owner", nil
	case OutcomeKind:
		if !m.outcomes {
			return "", none
		}
		return "o.kind", nil
	case ValueDimension:
		if m.value == "" {
			return "", none
		}
		return m.value, nil
	}
	return "", fault.Invalidf("groupBy", "unknown dimension %s", d)
}

// dayOf is the SQL expression of a measure's day: its date's, or the
// period's last (for cases open on it, and for the age of persons).
func (q *query) dayOf(m measure, end domain.Date) string {
	if m.date != "" {
		return day(q.dialect, m.date, m.instant)
	}
	return "'" + end.AddDays(-1).String() + "'"
}

// keysOf returns the SQL expressions of the dimensions of a breakdown.
func (q *query) keysOf(m measure, groupBy []Dimension, end domain.Date) ([]string, error) {
	keys := make([]string, len(groupBy))
	for i, d := range groupBy {
		expr, err := m.dimensionExpr(q.dialect, d, q.dayOf(m, end))
		if err != nil {
			return nil, err
		}
		keys[i] = expr
	}
	return keys, nil
}

// fromWhere writes the FROM and WHERE of a measure under a filter,
// refusing a filter the measure's rows cannot answer.
func (q *query) fromWhere(m measure, f Filter, groupBy []Dimension, end domain.Date) error {
	areas, area := needAreas(q.dialect)
	q.sql.WriteString(" FROM " + m.from)
	if m.cases && (len(f.Genders)+len(f.AgeBands)+len(f.MunicipalityIDs) > 0 ||
		slices.ContainsFunc(groupBy, func(d Dimension) bool { return d == Gender || d == AgeBandDim || d == Municipality })) {
		q.sql.WriteString(" JOIN persons p ON p.id = c.case_file_person")
	}
	if slices.Contains(groupBy, NeedArea) {
		q.sql.WriteString(", " + areas)
	}
	q.sql.WriteString(" WHERE " + m.where)
	if m.dueBy != "" {
		q.sql.WriteString(" AND " + m.dueBy + " <= " + q.arg(domain.Today()))
	}
	switch {
	case m.openOn != nil:
		q.sql.WriteString(" AND " + m.openOn(q, end))
	case m.year != "":
		if f.From != nil {
			fmt.Fprintf(&q.sql, " AND %s >= %s", m.year, q.arg(f.From.Year()))
		}
		fmt.Fprintf(&q.sql, " AND %s <= %s", m.year, q.arg(end.AddDays(-1).Year()))
	default:
		if f.From != nil {
			fmt.Fprintf(&q.sql, " AND %s >= %s", m.date, q.arg(m.bound(*f.From)))
		}
		if f.To != nil {
			fmt.Fprintf(&q.sql, " AND %s < %s", m.date, q.arg(m.bound(*f.To)))
		}
	}
	unfit := func(filter string) error {
		return fault.Invalidf(filter, "%s cannot be filtered by %s", m.name, filter)
	}
	if len(f.scope) > 0 && m.table != "" {
		q.sql.WriteString(" AND (" + m.table + " IS NULL" + strings.Replace(q.in(m.table, domain.StringsOf(f.scope)), " AND ", " OR ", 1) + ")")
	}
	if len(f.TableIDs) > 0 {
		if m.table == "" {
			return unfit("tableIDs")
		}
		q.sql.WriteString(q.in(m.table, domain.StringsOf(f.TableIDs)))
	}
	if len(f.MunicipalityIDs) > 0 {
		if m.municipality == "" {
			return unfit("municipalityIDs")
		}
		q.sql.WriteString(q.in(m.municipality, domain.StringsOf(f.MunicipalityIDs)))
	}
	if !m.cases {
		for filter, n := range map[string]int{"genders": len(f.Genders), "ageBands": len(f.AgeBands), "needAreas": len(f.NeedAreas)} {
			if n > 0 {
				return unfit(filter)
			}
		}
		return nil
	}
	q.sql.WriteString(q.in("p.gender", domain.StringsOf(f.Genders)))
	q.sql.WriteString(q.in(ageExpr(q.dayOf(m, end)), domain.StringsOf(f.AgeBands)))
	if len(f.NeedAreas) > 0 {
		if slices.Contains(groupBy, NeedArea) {
			q.sql.WriteString(q.in(area, domain.StringsOf(f.NeedAreas)))
		} else {
			q.sql.WriteString(" AND EXISTS (SELECT 1 FROM " + areas + " WHERE 1 = 1" + q.in(area, domain.StringsOf(f.NeedAreas)) + ")")
		}
	}
	return nil
}

// keyColumns selects the key expressions as k0, k1, padding to two. On
// PostgreSQL keys compare bytewise (COLLATE "C"), as SQLite's and Go's
// do: sorting by the database's locale costs more and orders no better.
func keyColumns(dialectName string, keys []string) string {
	cols := make([]string, 2)
	for i := range cols {
		key := "''"
		if i < len(keys) {
			key = keys[i]
		}
		if dialectName == dialect.Postgres {
			key = "(" + key + `) COLLATE "C"`
		}
		cols[i] = key + " AS k" + strconv.Itoa(i)
	}
	return strings.Join(cols, ", ")
}

// personColumn is the SQL of a measure's person, compared bytewise as
// keys are; NULL when the value is not about persons.
func personColumn(dialectName string, m measure) string {
	switch {
	case m.person == "":
		return "NULL"
	case dialectName == dialect.Postgres:
		return m.person + ` COLLATE "C"`
	}
	return m.person
}

// countSQL writes the aggregate of the measures' rows, all read from the
// rows of the first (twins: the same rows, other values), and the count
// of distinct persons when the first is about persons; a last column is
// 1 on the total's row. With withTotal (PostgreSQL's GROUPING SETS) one
// scan gives both the breakdown and the total (SQLite: a materialised
// WITH grouped twice).
func countSQL(dialectName string, ms []measure, f Filter, groupBy []Dimension, end domain.Date, withTotal bool) (*query, error) {
	m := ms[0]
	q := &query{dialect: dialectName}
	keys, err := q.keysOf(m, groupBy, end)
	if err != nil {
		return nil, err
	}
	var aggs, rows []string
	for i, m := range ms {
		agg, row := "SUM", "1"
		if m.average {
			agg = "AVG"
		}
		if m.row != "" {
			row = m.row
		}
		aggs = append(aggs, fmt.Sprintf("%s(v%d)", agg, i))
		rows = append(rows, fmt.Sprintf("%s AS v%d", row, i))
	}
	fmt.Fprintf(&q.sql, "SELECT %s, %s, %s AS person", keyColumns(dialectName, keys), strings.Join(rows, ", "), personColumn(dialectName, m))
	if err := q.fromWhere(m, f, groupBy, end); err != nil {
		return nil, err
	}
	rowsSQL, values := q.sql.String(), strings.Join(aggs, ", ")
	q.sql.Reset()
	switch {
	case !withTotal:
		fmt.Fprintf(&q.sql, "SELECT k0, k1, %s, COUNT(DISTINCT person), 0 FROM (%s) x GROUP BY k0, k1 ORDER BY 1, 2", values, rowsSQL)
	case dialectName == dialect.Postgres:
		fmt.Fprintf(&q.sql, "SELECT COALESCE(k0, ''), COALESCE(k1, ''), %s, COUNT(DISTINCT person), CASE WHEN GROUPING(k0, k1) = 0 THEN 0 ELSE 1 END "+
			"FROM (%s) x GROUP BY GROUPING SETS ((k0, k1), ()) ORDER BY 1, 2", values, rowsSQL)
	default: // SQLite has no GROUPING SETS: the rows, read once, grouped twice
		fmt.Fprintf(&q.sql, "WITH x AS MATERIALIZED (%s) SELECT k0, k1, %s, COUNT(DISTINCT person), 0 FROM x GROUP BY k0, k1 "+
			"UNION ALL SELECT '', '', %s, COUNT(DISTINCT person), 1 FROM x ORDER BY 1, 2", rowsSQL, values, values)
	}
	return q, nil
}

// histTotal is the first kind of histogramSQL's rows that are the
// total's: 0 and 1 are a breakdown's days and persons, 2 and 3 the
// total's.
const histTotal = 2

// histogramSQL writes how many rows took each number of days between
// the measure's two dates (referral to taking charge, a request sent to
// answered), per cell (kind 0, or 2 for the total), and
// each cell's distinct persons (kind 1, or 3), ordered by kind, keys and
// days: any percentile of the days is then exact arithmetic on ranks
// (daysGroup.percentile), and the median and the 90th percentile share
// one scan. With withTotal one scan gives both the breakdown and the
// total (PostgreSQL's GROUPING SETS; SQLite: a materialised WITH).
func histogramSQL(dialectName string, m measure, f Filter, groupBy []Dimension, end domain.Date, withTotal bool) (*query, error) {
	q := &query{dialect: dialectName}
	keys, err := q.keysOf(m, groupBy, end)
	if err != nil {
		return nil, err
	}
	var inner query
	inner.dialect = dialectName
	inner.sql.WriteString("SELECT " + keyColumns(dialectName, keys) + ", " + daysBetween(dialectName, m.days[0], m.days[1]) +
		" AS days, " + personColumn(dialectName, m) + " AS person")
	if err := inner.fromWhere(m, f, groupBy, end); err != nil {
		return nil, err
	}
	q.args = inner.args
	switch {
	case dialectName != dialect.Postgres: // no GROUPING SETS: the rows, read once, grouped two or four times
		fmt.Fprintf(&q.sql, "WITH x AS MATERIALIZED (%s) SELECT k0, k1, days, COUNT(*), 0 AS kind FROM x GROUP BY k0, k1, days "+
			"UNION ALL SELECT k0, k1, NULL, COUNT(DISTINCT person), 1 FROM x GROUP BY k0, k1", inner.sql.String())
		if withTotal {
			q.sql.WriteString(" UNION ALL SELECT '', '', days, COUNT(*), 2 FROM x GROUP BY days UNION ALL SELECT '', '', NULL, COUNT(DISTINCT person), 3 FROM x")
		}
		q.sql.WriteString(" ORDER BY 5, 1, 2, 3")
	case withTotal:
		fmt.Fprintf(&q.sql, "SELECT COALESCE(k0, ''), COALESCE(k1, ''), days, "+
			"CASE WHEN GROUPING(days) = 0 THEN COUNT(*) ELSE COUNT(DISTINCT person) END, "+
			"CASE GROUPING(k0, k1, days) WHEN 0 THEN 0 WHEN 1 THEN 1 WHEN 6 THEN 2 ELSE 3 END AS kind "+
			"FROM (%s) x GROUP BY GROUPING SETS ((k0, k1, days), (k0, k1), (days), ()) ORDER BY 5, 1, 2, 3", inner.sql.String())
	default:
		fmt.Fprintf(&q.sql, "SELECT k0, k1, days, CASE WHEN GROUPING(days) = 0 THEN COUNT(*) ELSE COUNT(DISTINCT person) END, "+
			"GROUPING(days) AS kind FROM (%s) x GROUP BY GROUPING SETS ((k0, k1, days), (k0, k1)) ORDER BY 5, 1, 2, 3", inner.sql.String())
	}
	return q, nil
}
