package scalar

import (
	"bytes"
	"testing"
	"time"
)

func TestTimeLeavesInUTC(t *testing.T) {
	rome := time.FixedZone("CET", 3600)
	var b bytes.Buffer
	MarshalTime(time.Date(2026, 12, 3, 0, 0, 0, 0, rome)).MarshalGQL(&b)
	if got := b.String(); got != `"2026-12-02T23:00:00Z"` {
		t.Errorf("Rome's midnight marshals as %s", got)
	}
}

func TestEmptyTimeRefused(t *testing.T) {
	if _, err := UnmarshalTime(""); err == nil {
		t.Error("an empty string read as a time")
	}
	if v, err := UnmarshalTime("2026-12-03T00:00:00+01:00"); err != nil || !v.Equal(time.Date(2026, 12, 2, 23, 0, 0, 0, time.UTC)) {
		t.Errorf("read %v, %v", v, err)
	}
}
