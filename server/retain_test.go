package main

import (
	"testing"
	"time"
)

// TestNextDaily: every process aims its retention run at the same hour,
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
		if got := nextDaily(now, 3); !got.Equal(want) {
			t.Errorf("after %s: %s, want %s", c.now, got.UTC().Format(time.RFC3339), c.want)
		}
	}
}
