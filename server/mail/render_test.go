package mail

import (
	"strings"
	"testing"
	"time"
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

// TestNextDigest: the digest goes out at 07:00 Italian time, summer or
// winter, the next morning once the hour has passed.
func TestNextDigest(t *testing.T) {
	for _, c := range []struct{ now, want string }{
		{"2026-01-15T05:59:00Z", "2026-01-15T06:00:00Z"}, // winter, UTC+1
		{"2026-01-15T06:00:00Z", "2026-01-16T06:00:00Z"},
		{"2026-07-15T04:30:00Z", "2026-07-15T05:00:00Z"}, // summer, UTC+2
		{"2026-07-15T22:30:00Z", "2026-07-16T05:00:00Z"}, // past midnight in Rome
	} {
		now, _ := time.Parse(time.RFC3339, c.now)
		if got := NextDigest(now).UTC().Format(time.RFC3339); got != c.want {
			t.Errorf("after %s: %s, want %s", c.now, got, c.want)
		}
	}
}

// TestPasswordLinkLayout: the mail of a reset reads as a sentence then
// the link, in text and HTML; the copy kept has a placeholder instead.
func TestPasswordLinkLayout(t *testing.T) {
	c, err := compose("EN", "WIN: reset your password", "someone asked.", []line{{Link: "https://win.example/reset-password#t"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.Text, "Hello,\n\nsomeone asked.\n\nhttps://win.example/reset-password#t\n") ||
		!strings.Contains(c.HTML, `<li><a href="https://win.example/reset-password#t">Open in WIN</a></li>`) {
		t.Errorf("text %q\nhtml %q", c.Text, c.HTML)
	}
	kept, err := compose("EN", "WIN: reset your password", "someone asked.", []line{{}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(kept.Text+kept.HTML, "reset-password#") || !strings.Contains(kept.Text, "[link not kept") {
		t.Errorf("kept %q", kept.Text)
	}
}
