package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAccepts: Accept-Encoding as browsers and RFC 9110 write it; a
// quality of zero refuses a coding, and "*" is not taken for one.
func TestAccepts(t *testing.T) {
	for _, tc := range []struct {
		header   string
		br, gzip bool
	}{
		{"gzip, deflate, br, zstd", true, true},
		{"gzip", false, true},
		{"BR;Q=0.5 , GZIP", true, true},
		{"br;q=0, gzip;q=1.0", false, true},
		{"br; q=0.000, gzip; q=0", false, false},
		{"br;level=1;q=0", false, false},
		{"*", false, false},
		{"identity", false, false},
		{"", false, false},
		{"br;q=x", false, false},
		{"gzipx, xbr", false, false},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", tc.header)
		if accepts(r, "br") != tc.br || accepts(r, "gzip") != tc.gzip {
			t.Errorf("%q: br %v, gzip %v; want %v, %v", tc.header, accepts(r, "br"), accepts(r, "gzip"), tc.br, tc.gzip)
		}
	}
}

// TestCompressedETag: an answer with an ETag keeps it as it is when sent
// as it is, and gets another when gzipped, so that no cache takes one
// encoding's bytes for the other's. No handler of WIN sets one today:
// this holds the day one does.
func TestCompressedETag(t *testing.T) {
	h := withCompression(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":"` + strings.Repeat("x", 4096) + `"}`))
	}))
	etag := func(accept string) (string, string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", accept)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Header().Get("Content-Encoding"), rec.Header().Get("ETag")
	}
	if enc, tag := etag(""); enc != "" || tag != `"v1"` {
		t.Errorf("as it is: Content-Encoding %q, ETag %s", enc, tag)
	}
	if enc, tag := etag("gzip"); enc != "gzip" || tag == `"v1"` || tag == "" {
		t.Errorf("gzipped: Content-Encoding %q, ETag %s", enc, tag)
	}
}
