package domain

import (
	"time"
	_ "time/tzdata" // Europe/Rome without system time-zone data
)

// Rome is Italy's time zone: the network works in Italian days, so the
// day of an instant (DayOf) and "today" turn at Italian midnight.
var Rome = mustLocation("Europe/Rome")

func mustLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // embedded by time/tzdata: cannot fail
	}
	return loc
}

// Today is the current Italian day.
func Today() Date { return DayOf(time.Now()) }

// DateOr returns the day d, or fallback when d is nil.
func DateOr(d *Date, fallback Date) Date {
	if d == nil {
		return fallback
	}
	return *d
}
