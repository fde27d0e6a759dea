package domain

import (
	"bytes"
	"testing"
	"time"
)

func TestDayOfIsTheItalianDay(t *testing.T) {
	for _, c := range []struct {
		at   string
		want string
	}{
		{"2026-07-14T21:30:00Z", "2026-07-14"}, // 23:30 in Rome, summer (UTC+2)
		{"2026-07-14T22:30:00Z", "2026-07-15"}, // 00:30 the next day
		{"2026-01-14T22:30:00Z", "2026-01-14"}, // 23:30 in Rome, winter (UTC+1)
		{"2026-01-14T23:30:00Z", "2026-01-15"},
		{"2026-03-29T00:59:59Z", "2026-03-29"}, // the night the clocks go forward
		{"2026-10-24T22:00:00Z", "2026-10-25"}, // the night they go back
	} {
		at, _ := time.Parse(time.RFC3339, c.at)
		if got := DayOf(at).String(); got != c.want {
			t.Errorf("DayOf(%s) = %s, want %s", c.at, got, c.want)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	d := NewDate(2026, time.March, 28)
	if got := d.AddDays(1).String(); got != "2026-03-29" {
		t.Errorf("a day after 28 March: %s", got)
	}
	if got := d.AddDays(2).String(); got != "2026-03-30" { // across DST: still two days
		t.Errorf("two days after 28 March: %s", got)
	}
	if got := NewDate(2026, time.August, 31).AddMonths(1).String(); got != "2026-10-01" {
		t.Errorf("a month after 31 August: %s", got)
	}
	if got := d.DaysUntil(NewDate(2026, time.April, 7)); got != 10 {
		t.Errorf("28 March to 7 April: %d days", got)
	}
	if !d.Before(d.AddDays(1)) || d.After(d) || d.Compare(d) != 0 || d != NewDate(2026, 3, 28) {
		t.Error("comparisons")
	}
	if got := NewDate(2026, time.October, 25).Start(); !got.Equal(time.Date(2026, 10, 24, 22, 0, 0, 0, time.UTC)) {
		t.Errorf("25 October starts at %v", got)
	}
}

func TestDateText(t *testing.T) {
	for _, bad := range []string{"", "2026-02-30", "2026-1-31", "2026-01-31T00:00:00Z", "31/01/2026", "x"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) read a day", bad)
		}
	}
	var d Date
	if err := d.UnmarshalGQL("2026-01-31"); err != nil || d != NewDate(2026, 1, 31) {
		t.Fatalf("UnmarshalGQL: %v, %v", d, err)
	}
	if err := d.UnmarshalGQL(20260131); err == nil {
		t.Error("a number read as a date")
	}
	var b bytes.Buffer
	d.MarshalGQL(&b)
	if b.String() != `"2026-01-31"` {
		t.Errorf("MarshalGQL: %s", b.String())
	}
	m, _ := d.MarshalMsgpack()
	var back Date
	if err := back.UnmarshalMsgpack(m); err != nil || back != d {
		t.Errorf("msgpack: %x read back as %v, %v", m, back, err)
	}
}

// The drivers' own types are tested against real databases in
// server/store; these are the shapes they give.
func TestDateScan(t *testing.T) {
	want := NewDate(2026, 7, 14)
	for _, src := range []any{
		time.Date(2026, 7, 14, 0, 0, 0, 0, time.UTC),                 // lib/pq
		time.Date(2026, 7, 14, 0, 0, 0, 0, time.FixedZone("", 7200)), // a session zone
		"2026-07-14", []byte("2026-07-14"),
	} {
		var d Date
		if err := d.Scan(src); err != nil || d != want {
			t.Errorf("Scan(%#v) = %v, %v", src, d, err)
		}
	}
	var d Date
	if err := d.Scan(nil); err != nil || !d.IsZero() {
		t.Errorf("Scan(nil) = %v, %v", d, err)
	}
	if v, err := want.Value(); err != nil || v != "2026-07-14" {
		t.Errorf("Value = %v, %v", v, err)
	}
	if _, err := (Date{}).Value(); err == nil {
		t.Error("the zero Date stored")
	}
}

// TestNextDaily: every process aims its daily runs (retention, deadlines) at the same hour,
// Italian time, summer or winter, never at the moment it is already in.
func TestNextDaily(t *testing.T) {
	for _, c := range []struct{ now, want string }{
		{"2026-12-03T01:59:00Z", "2026-12-03T02:00:00Z"}, // 02:59 in Rome
		{"2026-12-03T02:00:00Z", "2026-12-04T02:00:00Z"}, // 03:00 in Rome: tomorrow's
		{"2026-07-01T00:30:00Z", "2026-07-01T01:00:00Z"}, // summer time
		{"2026-03-28T02:00:00Z", "2026-03-29T01:00:00Z"}, // the night clocks go forward
	} {
		now, _ := time.Parse(time.RFC3339, c.now)
		want, _ := time.Parse(time.RFC3339, c.want)
		if got := NextDaily(now, 3); !got.Equal(want) {
			t.Errorf("after %s: %s, want %s", c.now, got.UTC().Format(time.RFC3339), c.want)
		}
	}
}

func TestYearsUntil(t *testing.T) {
	born := NewDate(1996, time.March, 15)
	for _, c := range []struct {
		on   Date
		want int
	}{
		{NewDate(2026, time.March, 14), 29}, // the day before the 30th birthday
		{NewDate(2026, time.March, 15), 30},
		{NewDate(2026, time.February, 28), 29},
		{NewDate(1996, time.March, 15), 0},
		{NewDate(1995, time.March, 15), -1},
	} {
		if got := born.YearsUntil(c.on); got != c.want {
			t.Errorf("born %s, on %s: %d years, want %d", born, c.on, got, c.want)
		}
	}
	leap := NewDate(2004, time.February, 29)
	if got := leap.YearsUntil(NewDate(2019, time.February, 28)); got != 14 {
		t.Errorf("born on 29 February, on 28 February of a common year: %d, want 14", got)
	}
	if got := leap.YearsUntil(NewDate(2019, time.March, 1)); got != 15 {
		t.Errorf("born on 29 February, on 1 March of a common year: %d, want 15", got)
	}
}
