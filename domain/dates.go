package domain

import (
	"time"
	_ "time/tzdata" // Europe/Rome without system time-zone data
)

// Rome is the time zone of dates: the network works in Italian days, so a
// date is midnight in Italy and "today" turns at Italian midnight.
var Rome = mustLocation("Europe/Rome")

func mustLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // embedded by time/tzdata: cannot fail
	}
	return loc
}

// DateOf returns midnight in Rome of the day of t.
func DateOf(t time.Time) time.Time {
	t = t.In(Rome)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, Rome)
}

// AddDays moves a date by n calendar days, staying at midnight across
// daylight-saving changes.
func AddDays(t time.Time, n int) time.Time {
	t = t.In(Rome)
	return time.Date(t.Year(), t.Month(), t.Day()+n, 0, 0, 0, 0, Rome)
}

// AddMonths moves a date by n calendar months (a follow-up six months on).
func AddMonths(t time.Time, n int) time.Time {
	t = t.In(Rome)
	return time.Date(t.Year(), t.Month()+time.Month(n), t.Day(), 0, 0, 0, 0, Rome)
}

// Today is the current date in Rome.
func Today() time.Time { return DateOf(time.Now()) }

// DateOr returns the date of t, or fallback when t is nil.
func DateOr(t *time.Time, fallback time.Time) time.Time {
	if t == nil {
		return fallback
	}
	return DateOf(*t)
}
