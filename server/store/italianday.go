package store

import (
	"database/sql/driver"
	"fmt"
	"time"

	"modernc.org/sqlite"

	"github.com/progetto-win/win/domain"
)

// ItalianDayFunc names the SQLite function that gives the Italian day,
// YYYY-MM-DD, of an instant column: domain.DayOf itself, registered with
// the driver, so that SQLite, which knows no time zones, dates an event
// as the Go code does (PostgreSQL does it with AT TIME ZONE, see
// server/indicator). A value already a day (YYYY-MM-DD) is that day.
const ItalianDayFunc = "italian_day"

// romeMidnightFunc names the inverse, for the migration back: the instant
// a day YYYY-MM-DD starts in Italy, as the driver writes times.
const romeMidnightFunc = "rome_midnight"

func init() {
	sqlite.MustRegisterDeterministicScalarFunction(ItalianDayFunc, 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		switch v := args[0].(type) {
		case nil:
			return nil, nil
		case time.Time:
			return domain.DayOf(v).String(), nil
		case string:
			return italianDay(v)
		case []byte:
			return italianDay(string(v))
		}
		return nil, fmt.Errorf("%s: not an instant: %T", ItalianDayFunc, args[0])
	})
	sqlite.MustRegisterDeterministicScalarFunction(romeMidnightFunc, 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		s, ok := args[0].(string)
		if !ok {
			return args[0], nil // NULL, or not a day: left as it is
		}
		d, err := domain.ParseDate(s)
		if err != nil {
			return s, nil
		}
		return d.Start().UTC().Format(instantFormats[0]), nil
	})
}

// instantFormats are the texts of an instant in an SQLite column: the
// driver's (_time_format=sqlite, see SQLiteDSN) and RFC 3339.
var instantFormats = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999",
}

func italianDay(s string) (driver.Value, error) {
	if d, err := domain.ParseDate(s); err == nil {
		return d.String(), nil
	}
	for _, f := range instantFormats {
		if t, err := time.Parse(f, s); err == nil {
			return domain.DayOf(t).String(), nil
		}
	}
	return nil, fmt.Errorf("%s: not an instant: %q", ItalianDayFunc, s)
}
