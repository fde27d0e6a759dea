package web_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// A script well over gzhttp's 1 KiB floor, as a chunk of the build is.
var bigScript = []byte(strings.Repeat(`export function f(){return "WIN, Welfare d'INiziativa";}`+"\n", 100))

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("broken gzip: %v", err)
	}
	return out
}

// compressedBuild is a frontend build as Vite and frontend/precompress.ts
// write it: a chunk with its brotli and gzip copies, one without (a build
// made before them), a font, and a file under 1 KiB.
func compressedBuild(t *testing.T) fstest.MapFS {
	page := []byte(`<!doctype html><title>WIN SPA</title>` + strings.Repeat("<!-- padding -->", 100))
	return fstest.MapFS{
		"index.html":            {Data: page},
		"index.html.br":         {Data: []byte("brotli bytes of index.html")},
		"index.html.gz":         {Data: gzipped(t, page)},
		"assets/app-abc.js":     {Data: bigScript},
		"assets/app-abc.js.br":  {Data: []byte("brotli bytes of app-abc.js")}, // the server sends them as they are
		"assets/app-abc.js.gz":  {Data: gzipped(t, bigScript)},
		"assets/lazy-def.js":    {Data: bigScript},
		"assets/font-ghi.woff2": {Data: bytes.Repeat([]byte("wOF2"), 1000)},
		"assets/tiny-jkl.js":    {Data: []byte(`console.log("WIN")`)},
	}
}

type answer struct {
	status                  int
	encoding, vary, ctype   string
	contentLength, acceptRg string
	body                    []byte
}

func send(h http.Handler, req *http.Request) answer {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return answer{
		status: res.StatusCode, encoding: res.Header.Get("Content-Encoding"), vary: strings.Join(res.Header.Values("Vary"), ", "),
		ctype: res.Header.Get("Content-Type"), contentLength: res.Header.Get("Content-Length"), acceptRg: res.Header.Get("Accept-Ranges"), body: b,
	}
}

func get(method, target, acceptEncoding string) *http.Request {
	req := httptest.NewRequest(method, target, nil)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	return req
}

// TestCompressedFrontend: through the whole handler, the build's files
// come as the client accepts them — its brotli or gzip copy, gzipped by
// the server when the build has no copy, as they are when the client
// asks for no encoding, for a font or for a file under 1 KiB — always
// with Vary: Accept-Encoding and a Content-Length that fits the bytes
// sent; a HEAD tells what a GET would send, and a range counts the
// file's own bytes.
func TestCompressedFrontend(t *testing.T) {
	app := compressedBuild(t)
	h := frontendServer(t, app)
	for _, tc := range []struct {
		target, accept string
		encoding       string // expected Content-Encoding
		body           []byte // expected body, decoded from gzip when gzipped
	}{
		{"/assets/app-abc.js", "gzip, deflate, br, zstd", "br", app["assets/app-abc.js.br"].Data},
		{"/assets/app-abc.js", "gzip", "gzip", bigScript},
		{"/assets/app-abc.js", "br;q=0, gzip;q=0.8", "gzip", bigScript},
		{"/assets/app-abc.js", "", "", bigScript},
		{"/assets/app-abc.js", "identity", "", bigScript},
		{"/assets/app-abc.js", "br;q=0, gzip;q=0", "", bigScript},
		{"/assets/lazy-def.js", "gzip, br", "gzip", bigScript},
		{"/assets/lazy-def.js", "", "", bigScript},
		{"/assets/font-ghi.woff2", "gzip, br", "", app["assets/font-ghi.woff2"].Data},
		{"/assets/tiny-jkl.js", "gzip, br", "", app["assets/tiny-jkl.js"].Data},
		{"/cases", "gzip, br", "br", app["index.html.br"].Data},
		{"/cases", "gzip", "gzip", app["index.html"].Data},
		{"/cases", "", "", app["index.html"].Data},
	} {
		t.Run(tc.target+" "+tc.accept, func(t *testing.T) {
			a := send(h, get("GET", tc.target, tc.accept))
			if a.status != 200 || a.encoding != tc.encoding {
				t.Fatalf("status %d, Content-Encoding %q; want 200, %q", a.status, a.encoding, tc.encoding)
			}
			if !strings.Contains(a.vary, "Accept-Encoding") {
				t.Errorf("Vary %q does not name Accept-Encoding", a.vary)
			}
			if tc.target == "/assets/app-abc.js" && a.ctype != "text/javascript; charset=utf-8" {
				t.Errorf("Content-Type %q, want the script's", a.ctype)
			}
			if a.contentLength != "" && a.contentLength != strconv.Itoa(len(a.body)) {
				t.Errorf("Content-Length %s, but %d bytes sent", a.contentLength, len(a.body))
			}
			body := a.body
			if a.encoding == "gzip" {
				body = gunzip(t, body)
			}
			if !bytes.Equal(body, tc.body) {
				t.Errorf("body differs: %.60q…", body)
			}
		})
	}

	t.Run("HEAD", func(t *testing.T) {
		for _, accept := range []string{"gzip, br", "gzip", ""} {
			getA, headA := send(h, get("GET", "/assets/app-abc.js", accept)), send(h, get("HEAD", "/assets/app-abc.js", accept))
			if headA.status != 200 || len(headA.body) != 0 || headA.encoding != getA.encoding || headA.contentLength != strconv.Itoa(len(getA.body)) {
				t.Errorf("HEAD with %q: status %d, %d bytes, Content-Encoding %q, Content-Length %s; GET sent %q, %d bytes",
					accept, headA.status, len(headA.body), headA.encoding, headA.contentLength, getA.encoding, len(getA.body))
			}
		}
		if a := send(h, get("HEAD", "/cases", "gzip")); a.status != 200 || len(a.body) != 0 || a.ctype != "text/html; charset=utf-8" {
			t.Errorf("HEAD of the SPA's page: status %d, %d bytes, Content-Type %q", a.status, len(a.body), a.ctype)
		}
	})

	t.Run("redirect", func(t *testing.T) {
		// Never with a copy's Content-Encoding and Content-Length.
		a := send(h, get("GET", "/index.html", "gzip, br"))
		if a.status != http.StatusMovedPermanently || a.encoding != "" || (a.contentLength != "" && a.contentLength != strconv.Itoa(len(a.body))) {
			t.Errorf("/index.html: status %d, Content-Encoding %q, Content-Length %s for %d bytes", a.status, a.encoding, a.contentLength, len(a.body))
		}
	})

	t.Run("range", func(t *testing.T) {
		for _, target := range []string{"/assets/app-abc.js", "/assets/lazy-def.js"} {
			req := get("GET", target, "gzip, br")
			req.Header.Set("Range", "bytes=7-14")
			a := send(h, req)
			if a.status != http.StatusPartialContent || a.encoding != "" || string(a.body) != string(bigScript[7:15]) {
				t.Errorf("%s bytes 7-14: status %d, Content-Encoding %q, body %q", target, a.status, a.encoding, a.body)
			}
		}
	})
}

// TestCompressedAPI: GraphQL answers over 1 KiB come gzipped with Vary:
// Accept-Encoding when the client accepts gzip, as they are when not;
// refusals — a body over the limit, a page over its size — keep their
// status and typed error either way.
func TestCompressedAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		// The schema's types: a real answer of a few KiB.
		query, _ := json.Marshal(map[string]any{"query": "{ __schema { types { name description } } }"})
		post := func(body []byte, accept string) answer {
			req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+a.Token)
			if accept != "" {
				req.Header.Set("Accept-Encoding", accept)
			}
			return send(a.Handler, req)
		}
		decoded := func(t *testing.T, ans answer) webtest.Response {
			t.Helper()
			body := ans.body
			if ans.encoding == "gzip" {
				body = gunzip(t, body)
			}
			r := webtest.Response{Raw: string(body)}
			if err := json.Unmarshal(body, &r); err != nil {
				t.Fatalf("not JSON (%d, %q): %.80q", ans.status, ans.encoding, body)
			}
			return r
		}

		plain := post(query, "")
		zipped := post(query, "gzip, deflate, br")
		if plain.status != 200 || plain.encoding != "" || len(plain.body) < 2048 {
			t.Fatalf("without Accept-Encoding: status %d, Content-Encoding %q, %d bytes", plain.status, plain.encoding, len(plain.body))
		}
		if zipped.status != 200 || zipped.encoding != "gzip" || !strings.Contains(zipped.vary, "Accept-Encoding") {
			t.Fatalf("with gzip: status %d, Content-Encoding %q, Vary %q", zipped.status, zipped.encoding, zipped.vary)
		}
		if !bytes.Equal(gunzip(t, zipped.body), plain.body) {
			t.Error("the gzipped answer is not the plain one")
		}
		if zipped.ctype != plain.ctype || !strings.HasPrefix(zipped.ctype, "application/graphql-response+json") {
			t.Errorf("Content-Type %q gzipped, %q plain", zipped.ctype, plain.ctype)
		}
		if len(zipped.body)*3 > len(plain.body) {
			t.Errorf("gzip made %d bytes of %d", len(zipped.body), len(plain.body))
		}
		t.Logf("%d bytes plain, %d gzipped", len(plain.body), len(zipped.body))

		for _, accept := range []string{"", "gzip"} {
			tooLarge := post([]byte(`{"query":"{ __typename }","variables":{"x":"`+strings.Repeat("x", 2<<20)+`"}}`), accept)
			if r := decoded(t, tooLarge); tooLarge.status != http.StatusRequestEntityTooLarge || r.Code() != web.CodeBadUserInput {
				t.Errorf("body over the limit, Accept-Encoding %q: status %d, code %q", accept, tooLarge.status, r.Code())
			}
			// Over the page size: refused before anything runs.
			costly, _ := json.Marshal(map[string]any{"query": "{ cases(first: 101) { edges { node { id } } } }"})
			refused := post(costly, accept)
			if r := decoded(t, refused); r.Code() != web.CodeBadUserInput || len(r.Errors) != 1 {
				t.Errorf("a page over the limit, Accept-Encoding %q: status %d, %s", accept, refused.status, r.Raw)
			}
		}
	})
}
