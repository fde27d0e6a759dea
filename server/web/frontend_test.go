package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
)

// A frontend build as Vite writes it.
var build = fstest.MapFS{
	"index.html":          {Data: []byte(`<!doctype html><title>WIN SPA</title><script type="module" src="/assets/app-abc.js"></script>`)},
	"graphiql.html":       {Data: []byte(`<!doctype html><title>GraphiQL</title>`)},
	"favicon.svg":         {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
	"robots.txt":          {Data: []byte("User-agent: *\nDisallow: /\n")},
	"assets/app-abc.js":   {Data: []byte(`console.log("WIN")`)},
	"assets/app-abc.css":  {Data: []byte(`body{}`)},
	"locales/it/app.json": {Data: []byte(`{}`)},
}

// frontendServer is the whole handler over a database and a frontend build.
func frontendServer(t *testing.T, app fstest.MapFS) http.Handler {
	t.Helper()
	db := storetest.Open(t, dialect.SQLite)
	return web.New(web.Options{Client: db.Client(), DB: db, Ping: db.Ping, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Frontend: app})
}

// fetch sends one request and returns the response with its body read.
func fetch(h http.Handler, method, target, body string) (*http.Response, string) {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// TestServeFrontend: the SPA's page at / and at its client-side routes,
// never cached stale; hashed assets cached for a year and a missing one a
// plain 404; the build's other files as files; the API, the probes and the
// exports untouched; no page for other methods.
func TestServeFrontend(t *testing.T) {
	h := frontendServer(t, build)
	spa := string(build["index.html"].Data)
	for _, tc := range []struct {
		method, target string
		status         int
		cache, body    string // "" checks nothing
		contentType    string
	}{
		{"GET", "/", 200, "no-cache", spa, "text/html"},
		{"GET", "/cases/cas_x", 200, "no-cache", spa, "text/html"},
		{"GET", "/cases/cas_x/plan?tab=goals", 200, "no-cache", spa, "text/html"},
		{"GET", "/locales", 200, "no-cache", spa, "text/html"}, // a folder of the build is no file
		{"HEAD", "/agenda", 200, "no-cache", "", "text/html"},
		{"GET", "/index.html", http.StatusMovedPermanently, "", "", ""},
		{"GET", "/assets/app-abc.js", 200, "public, max-age=31536000, immutable", `console.log("WIN")`, "text/javascript"},
		{"GET", "/assets/app-abc.css", 200, "public, max-age=31536000, immutable", "body{}", "text/css"},
		{"GET", "/assets/missing.js", 404, "", "404 page not found\n", "text/plain"},
		{"GET", "/assets/", 404, "", "404 page not found\n", "text/plain"},
		{"GET", "/favicon.svg", 200, "public, max-age=3600", `<svg xmlns="http://www.w3.org/2000/svg"/>`, "image/svg+xml"},
		{"GET", "/robots.txt", 200, "public, max-age=3600", "User-agent: *\nDisallow: /\n", "text/plain"},
		{"GET", "/locales/it/app.json", 200, "public, max-age=3600", "{}", "application/json"},
		{"GET", "/graphiql", 200, "no-cache", "<!doctype html><title>GraphiQL</title>", "text/html"},
		// The server's own paths: never the SPA's page.
		{"GET", "/healthz", 200, "", "ok\n", "text/plain"},
		{"GET", "/graphql?query=" + url.QueryEscape("{ __typename }"), 200, "", `{"data":{"__typename":"Query"}}`, "application/graphql-response+json"},
		{"POST", "/graphql", 200, "", `{"data":{"__typename":"Query"}}`, "application/graphql-response+json"},
		{"GET", "/export/indicator.csv?indicator=REFERRALS", 401, "", "", ""},
		{"GET", "/export/other.csv", 404, "", "404 page not found\n", ""},
		{"GET", "/graphql/extra", 404, "", "404 page not found\n", ""},
		{"GET", "/healthz/extra", 404, "", "404 page not found\n", ""},
		// Other methods on the SPA's paths.
		{"POST", "/cases/cas_x", 405, "", "", ""},
		{"DELETE", "/", 405, "", "", ""},
		{"POST", "/export/indicator.csv", 405, "", "", ""},
	} {
		body := ""
		if tc.method == "POST" && strings.HasPrefix(tc.target, "/graphql") {
			body = `{"query": "{ __typename }"}`
		}
		res, got := fetch(h, tc.method, tc.target, body)
		name := tc.method + " " + tc.target
		if res.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d: %.200s", name, res.StatusCode, tc.status, got)
			continue
		}
		if cc := res.Header.Get("Cache-Control"); tc.cache != "" && cc != tc.cache {
			t.Errorf("%s: Cache-Control %q, want %q", name, cc, tc.cache)
		}
		if res.StatusCode == 404 && strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("%s: a 404 cached for a year", name)
		}
		if tc.body != "" && got != tc.body {
			t.Errorf("%s: body %.200q, want %.200q", name, got, tc.body)
		}
		if ct := res.Header.Get("Content-Type"); tc.contentType != "" && !strings.HasPrefix(ct, tc.contentType) {
			t.Errorf("%s: Content-Type %q, want %s", name, ct, tc.contentType)
		}
		if tc.status != 200 && strings.Contains(got, "WIN SPA") {
			t.Errorf("%s: answered with the SPA's page", name)
		}
		if tc.method == "HEAD" && got != "" {
			t.Errorf("%s: a body to HEAD", name)
		}
	}
	if res, _ := fetch(h, "POST", "/cases/cas_x", ""); !strings.Contains(res.Header.Get("Allow"), "GET") {
		t.Errorf("405 without Allow: GET: %v", res.Header)
	}
}

// TestServeFrontendNotBuilt: a checkout where Node never ran explains, at
// the SPA's paths and at /graphiql, how to build the frontend; the API
// works and assets are still 404.
func TestServeFrontendNotBuilt(t *testing.T) {
	h := frontendServer(t, fstest.MapFS{})
	for _, target := range []string{"/", "/cases/cas_x", "/graphiql"} {
		res, body := fetch(h, "GET", target, "")
		if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "npm ci &amp;&amp; npm run build") ||
			!strings.Contains(body, "make run") || res.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET %s without a build: %d %q %.300s", target, res.StatusCode, res.Header.Get("Cache-Control"), body)
		}
	}
	if res, _ := fetch(h, "GET", "/assets/app-abc.js", ""); res.StatusCode != http.StatusNotFound {
		t.Errorf("an asset without a build: %d", res.StatusCode)
	}
	if res, body := fetch(h, "POST", "/graphql", `{"query": "{ __typename }"}`); res.StatusCode != http.StatusOK || !strings.Contains(body, "Query") {
		t.Errorf("POST /graphql without a build: %d %s", res.StatusCode, body)
	}
	if res, _ := fetch(h, "POST", "/", ""); res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST / without a build: %d", res.StatusCode)
	}
}
