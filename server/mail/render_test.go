package mail

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTruncate: a long subject or error fits its column in bytes and
// stays valid UTF-8.
func TestTruncate(t *testing.T) {
	long := strings.Repeat("è", 200) // 400 bytes
	got := truncate(long, 300)
	if len(got) > 300 || !utf8.ValidString(got) || !strings.HasSuffix(got, "…") {
		t.Errorf("truncate: %d bytes, valid %v", len(got), utf8.ValidString(got))
	}
	if truncate("breve", 300) != "breve" {
		t.Error("a short text is cut")
	}
}
