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
	})
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.In(Rome).Date()
	by, bm, bd := b.In(Rome).Date()
	return ay == by && am == bm && ad == bd
}
