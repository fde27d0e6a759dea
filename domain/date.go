package domain

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// Date is a calendar day — a referral's day, a due day, a meeting's day —
// with no time of day and no zone: the day a worker writes on a form, the
// same for whoever reads it. It is written YYYY-MM-DD in the API, in CSV
// and in the database (a date column on both dialects). The zero Date is
// no day (IsZero).
type Date struct {
	year  int
	month time.Month
	day   int
}

// NewDate returns the day y-m-d, normalised as time.Date does (31 April
// is 1 May).
func NewDate(y int, m time.Month, d int) Date {
	return dateOfCivil(time.Date(y, m, d, 12, 0, 0, 0, time.UTC))
}

// DayOf returns the Italian day of an instant: the one conversion between
// instants and days, which the indicators' SQL repeats per dialect
// (server/indicator) and the SPA in i18n/format.ts.
func DayOf(t time.Time) Date { return dateOfCivil(t.In(Rome)) }

// ParseDate reads a day written YYYY-MM-DD, and only that: a day that
// does not exist (2026-02-30) is refused, not moved.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len(time.DateOnly) {
		return Date{}, fmt.Errorf("a date is written YYYY-MM-DD, e.g. 2026-01-31, not %q", s)
	}
	return dateOfCivil(t), nil
}

func dateOfCivil(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// civil is the day at noon UTC, for arithmetic: no zone, no DST.
func (d Date) civil() time.Time { return time.Date(d.year, d.month, d.day, 12, 0, 0, 0, time.UTC) }

// Year is the day's year.
func (d Date) Year() int { return d.year }

// Month is the day's month.
func (d Date) Month() time.Month { return d.month }

// Day is the day of the month.
func (d Date) Day() int { return d.day }

// IsZero reports whether d is the zero Date, no day at all.
func (d Date) IsZero() bool { return d == Date{} }

// Weekday is the day of the week.
func (d Date) Weekday() time.Weekday { return d.civil().Weekday() }

// AddDays moves the day by n calendar days.
func (d Date) AddDays(n int) Date { return NewDate(d.year, d.month, d.day+n) }

// AddMonths moves the day by n calendar months (a follow-up six months
// on), normalised as time.AddDate is: 31 August plus a month is 1 October.
func (d Date) AddMonths(n int) Date { return NewDate(d.year, d.month+time.Month(n), d.day) }

// AddDate moves the day by years, months and days, normalised as
// time.AddDate is.
func (d Date) AddDate(years, months, days int) Date {
	return NewDate(d.year+years, d.month+time.Month(months), d.day+days)
}

// Equal reports whether d and e are the same day (as d == e).
func (d Date) Equal(e Date) bool { return d == e }

// Compare returns -1, 0 or +1 as d is before, the same as or after e.
func (d Date) Compare(e Date) int { return d.civil().Compare(e.civil()) }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// DaysUntil counts the calendar days from d to e (negative when e is
// earlier).
func (d Date) DaysUntil(e Date) int { return int(e.civil().Sub(d.civil()) / (24 * time.Hour)) }

// YearsUntil is how many whole years pass from d to e: a person born on
// d is that old on e (born on 29 February, one turns a year older on
// 1 March in common years).
func (d Date) YearsUntil(e Date) int {
	years := e.year - d.year
	if e.month < d.month || e.month == d.month && e.day < d.day {
		years--
	}
	return years
}

// Start is the instant the day starts in Italy, for comparing a day with
// instants (audit events of that day and later).
func (d Date) Start() time.Time { return time.Date(d.year, d.month, d.day, 0, 0, 0, 0, Rome) }

// Format writes the day with a time layout's date elements (02/01/2006).
func (d Date) Format(layout string) string { return d.civil().Format(layout) }

// Italian writes the day as Italians read it, 02/01/2006, in messages and
// documents.
func (d Date) Italian() string { return d.Format("02/01/2006") }

// String writes the day YYYY-MM-DD ("" for the zero Date).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.civil().Format(time.DateOnly)
}

// MarshalText writes YYYY-MM-DD (JSON, CSV).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalMsgpack writes the day in a cursor as the msgpack string
// YYYY-MM-DD, which a cursor decodes as a string and the databases compare
// with a date column as that day (by hand: domain imports no codec).
func (d Date) MarshalMsgpack() ([]byte, error) {
	s := d.String()
	n := len(s)
	if n > 31 {
		return nil, fmt.Errorf("date %s too long for a msgpack fixstr", s)
	}
	return append([]byte{0xa0 | byte(n&31)}, s...), nil
}

// UnmarshalMsgpack reads what MarshalMsgpack writes.
func (d *Date) UnmarshalMsgpack(b []byte) error {
	if len(b) == 0 || b[0]&0xe0 != 0xa0 || int(b[0]&0x1f) != len(b)-1 {
		return errors.New("a date in msgpack is a short string")
	}
	if len(b) == 1 {
		*d = Date{}
		return nil
	}
	return d.UnmarshalText(b[1:])
}

// MarshalGQL writes the API's Date scalar: "YYYY-MM-DD".
func (d Date) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, strconv.Quote(d.String()))
}

// UnmarshalGQL reads the API's Date scalar: a string YYYY-MM-DD.
func (d *Date) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("a date is a string YYYY-MM-DD, e.g. 2026-01-31, not %T", v)
	}
	return d.UnmarshalText([]byte(s))
}

// Value stores the day as the text YYYY-MM-DD, which a PostgreSQL date
// column reads as that day and SQLite keeps as it is, so that days
// compare as text (cursors, filters) in the same order as in time.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, errors.New("no date to store: the zero Date")
	}
	return d.String(), nil
}

// Scan reads a day from either driver: lib/pq gives a date column as a
// time.Time at midnight UTC; modernc's SQLite gives a column declared
// date as a time.Time when its text parses, else as the text. The day
// is the one written, whatever the zone of the time.Time.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		*d = dateOfCivil(v)
		return nil
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	}
	return fmt.Errorf("cannot read a date from %T", src)
}

func (d *Date) scanText(s string) error {
	if len(s) > len(time.DateOnly) {
		s = s[:len(time.DateOnly)]
	}
	return d.UnmarshalText([]byte(s))
}

// NextDaily returns the first time after now at the hour, Italian time.
func NextDaily(now time.Time, hour int) time.Time {
	local := now.In(Rome)
	next := time.Date(local.Year(), local.Month(), local.Day(), hour, 0, 0, 0, Rome)
	if !next.After(now) {
		next = time.Date(local.Year(), local.Month(), local.Day()+1, hour, 0, 0, 0, Rome)
	}
	return next
}
