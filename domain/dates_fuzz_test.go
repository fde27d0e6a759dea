package domain

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// FuzzDate reads any text as the API's Time scalar reads it, and checks
// what the pathway makes of it: the instant marshals and reads back
// equal; its date is the start of its calendar day in Rome, the same day,
// and stays so when taken again; the next day and the next month are
// calendar steps, across daylight-saving changes (midnight included,
// when Italy moved its clocks at midnight, as in the 1960s and 1970s).
// The Date of the instant (DayOf) is that same Italian day; it reads back
// from its text, the API's Date scalar and a cursor's msgpack, and its
// arithmetic agrees with the instants'.
func FuzzDate(f *testing.F) {
	for _, s := range []string{
		"2026-01-31T00:00:00+01:00", "2026-03-29T01:59:59Z", "2026-10-25T00:30:00Z", "2026-05-31T23:30:00Z",
		"1970-05-31T00:00:00+01:00", "1966-05-22T12:00:00Z", "1916-06-03T23:00:00Z", "1985-12-10T00:00:00.123456789+01:00",
		"2024-02-29T12:00:00Z", "0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-23:59",
		"2026-01-31 00:00:00", "2026-01-31", "2026-02-30T00:00:00Z", "2026-01-31T24:00:00Z", "", "x",
	} {
		f.Add(s, int16(1), int8(6))
	}
	f.Fuzz(func(t *testing.T, s string, days int16, months int8) {
		at, err := graphql.UnmarshalTime(s)
		if err != nil || at.IsZero() {
			return
		}
		var out bytes.Buffer
		graphql.MarshalTime(at).MarshalGQL(&out)
		var text string
		if err := json.Unmarshal(out.Bytes(), &text); err != nil {
			t.Fatalf("%q marshals as %s: %v", s, out.Bytes(), err)
		}
		if back, err := graphql.UnmarshalTime(text); err != nil || !back.Equal(at) {
			t.Fatalf("%q marshals as %q, read back as %v (%v)", s, text, back, err)
		}
		day := DateOf(at)
		y, m, d := at.In(Rome).Date()
		if dy, dm, dd := day.Date(); dy != y || dm != m || dd != d || day.Location() != Rome {
			t.Fatalf("DateOf(%v) = %v, another day", at, day)
		}
		if day.After(at) || at.Sub(day) >= 25*time.Hour {
			t.Fatalf("DateOf(%v) = %v, not the start of its day", at, day)
		}
		if !DateOf(day).Equal(day) {
			t.Fatalf("DateOf is not idempotent: %v -> %v -> %v", at, day, DateOf(day))
		}
		later := AddDays(day, int(days))
		if want := time.Date(y, m, d+int(days), 12, 0, 0, 0, Rome); !sameDay(later, want) || !DateOf(later).Equal(later) {
			t.Fatalf("AddDays(%v, %d) = %v", day, days, later)
		}
		next := AddDays(day, 1)
		if gap := next.Sub(day); gap < 23*time.Hour || gap > 25*time.Hour {
			t.Fatalf("AddDays(%v, 1) = %v, %v later", day, next, gap)
		}
		if got, want := AddMonths(day, int(months)), time.Date(y, m+time.Month(months), d, 12, 0, 0, 0, Rome); !sameDay(got, want) {
			t.Fatalf("AddMonths(%v, %d) = %v", day, months, got)
		}
		date := DayOf(at)
		if date.Year() != y || date.Month() != m || date.Day() != d || !date.Start().Equal(day) {
			t.Fatalf("DayOf(%v) = %v, not the day of %v", at, date, day)
		}
		if y < 0 || y > 9999 {
			return // no YYYY-MM-DD text
		}
		if back, err := ParseDate(date.String()); err != nil || back != date {
			t.Fatalf("%v reads back from %q as %v (%v)", date, date.String(), back, err)
		}
		var gql bytes.Buffer
		date.MarshalGQL(&gql)
		var fromGQL Date
		if err := json.Unmarshal(gql.Bytes(), &text); err != nil || fromGQL.UnmarshalGQL(text) != nil || fromGQL != date {
			t.Fatalf("%v marshals as %s, read back as %v", date, gql.Bytes(), fromGQL)
		}
		packed, _ := date.MarshalMsgpack()
		var fromPack Date
		if err := fromPack.UnmarshalMsgpack(packed); err != nil || fromPack != date {
			t.Fatalf("%v packs as %x, read back as %v (%v)", date, packed, fromPack, err)
		}
		if got := date.AddDays(int(days)); got != DayOf(later) || date.DaysUntil(got) != int(days) {
			t.Fatalf("%v.AddDays(%d) = %v, not the day of %v", date, days, got, later)
		}
		if got, want := date.AddMonths(int(months)), DayOf(AddMonths(day, int(months))); got != want {
			t.Fatalf("%v.AddMonths(%d) = %v, want %v", date, months, got, want)
		}
	})
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.In(Rome).Date()
	by, bm, bd := b.In(Rome).Date()
	return ay == by && am == bm && ad == bd
}
