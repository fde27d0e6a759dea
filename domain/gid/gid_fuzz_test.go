package gid

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzGlobalID checks that any string taken as an ID goes back out as the
// JSON string it came in as — IDs are echoed in answers, so an ID that
// marshals to something no JSON parser reads breaks the whole response —
// and that a fresh ID carries its prefix and nothing a client could read.
func FuzzGlobalID(f *testing.F) {
	for _, s := range []string{
		"cas_k3v9q2m7x4t8w1z5y6r0p2n4b7", "tab_aaaaaaaaaaaaaaaaaaaaaaaaaa", "", "_", "cas_", "_cas",
		"not-an-id", "cas_é", "\u2028", "x\"y\\z", "<script>",
	} {
		f.Add(s, "cas")
	}
	f.Fuzz(func(t *testing.T, s, prefix string) {
		var id ID
		if err := id.UnmarshalGQL(s); err != nil || string(id) != s {
			t.Fatalf("UnmarshalGQL(%q) = %q, %v", s, id, err)
		}
		var out bytes.Buffer
		id.MarshalGQL(&out)
		var back string
		if err := json.Unmarshal(out.Bytes(), &back); err != nil {
			t.Fatalf("MarshalGQL(%q) wrote %s, not a JSON string: %v", s, out.Bytes(), err)
		}
		if utf8.ValidString(s) && back != s {
			t.Fatalf("MarshalGQL(%q) reads back as %q", s, back)
		}
		if p := id.Prefix(); p != "" && !strings.HasPrefix(s, p+"_") || strings.Contains(p, "_") {
			t.Fatalf("Prefix(%q) = %q", s, p)
		}
		if strings.Contains(prefix, "_") {
			return // prefixes are the schema's three letters
		}
		fresh := New(prefix)
		if fresh.Prefix() != prefix || len(fresh) != len(prefix)+1+26 {
			t.Fatalf("New(%q) = %q", prefix, fresh)
		}
		if _, err := encoding.DecodeString(strings.TrimPrefix(string(fresh), prefix+"_")); err != nil {
			t.Fatalf("New(%q) = %q: random part is not base32: %v", prefix, fresh, err)
		}
	})
}
