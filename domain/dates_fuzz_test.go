package domain

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// FuzzDate reads any text as the API's Time scalar reads it and takes the
// instant's Italian day (DayOf), then checks the Date: it is the day of
// the instant in Rome, which starts (Start) no later than the instant and
// less than 25 hours before it (midnight included, when Italy moved its
// clocks at midnight, as in the 1960s and 1970s); it reads back from its
// text, the API's Date scalar and a cursor's msgpack; and its next days
// and months are calendar steps whatever the clocks did.
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
		date := DayOf(at)
		y, m, d := at.In(Rome).Date()
		if date.Year() != y || date.Month() != m || date.Day() != d {
			t.Fatalf("DayOf(%v) = %v, another day", at, date)
		}
		if start := date.Start(); start.After(at) || at.Sub(start) >= 25*time.Hour || DayOf(start) != date {
			t.Fatalf("%v starts at %v, not the start of the day of %v", date, start, at)
		}
		if y < 0 || y > 9999 {
			return // no YYYY-MM-DD text
		}
		if back, err := ParseDate(date.String()); err != nil || back != date {
			t.Fatalf("%v reads back from %q as %v (%v)", date, date.String(), back, err)
		}
		var gql bytes.Buffer
		date.MarshalGQL(&gql)
		var text string
		var fromGQL Date
		if err := json.Unmarshal(gql.Bytes(), &text); err != nil || fromGQL.UnmarshalGQL(text) != nil || fromGQL != date {
			t.Fatalf("%v marshals as %s, read back as %v", date, gql.Bytes(), fromGQL)
		}
		packed, _ := date.MarshalMsgpack()
		var fromPack Date
		if err := fromPack.UnmarshalMsgpack(packed); err != nil || fromPack != date {
			t.Fatalf("%v packs as %x, read back as %v (%v)", date, packed, fromPack, err)
		}
		later := date.AddDays(int(days))
		if want := time.Date(y, m, d+int(days), 12, 0, 0, 0, time.UTC); later.Year() != want.Year() || later.Month() != want.Month() ||
			later.Day() != want.Day() || date.DaysUntil(later) != int(days) {
			t.Fatalf("%v.AddDays(%d) = %v", date, days, later)
		}
		if gap := date.AddDays(1).Start().Sub(date.Start()); gap < 23*time.Hour || gap > 25*time.Hour {
			t.Fatalf("the day after %v starts %v later", date, gap)
		}
		if got, want := date.AddMonths(int(months)), time.Date(y, m+time.Month(months), d, 12, 0, 0, 0, time.UTC); got.Year() != want.Year() ||
			got.Month() != want.Month() || got.Day() != want.Day() {
			t.Fatalf("%v.AddMonths(%d) = %v", date, months, got)
		}
	})
}
