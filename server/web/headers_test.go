package web_test

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// TestSecurityHeaders checks the browser protections on every kind of
// answer, and HSTS exactly when the browser came over TLS.
func TestSecurityHeaders(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		app := fstest.MapFS{
			"index.html":    {Data: []byte("<!doctype html><title>WIN</title>")},
			"graphiql.html": {Data: []byte("<!doctype html><title>GraphiQL</title>")},
		}
		a.Rebuild(db, func(o *web.Options) {
			o.Frontend = app
			o.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
		})
		get := func(path string, set func(*http.Request)) http.Header {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			if set != nil {
				set(req)
			}
			rec := httptest.NewRecorder()
			a.Handler.ServeHTTP(rec, req)
			return rec.Header()
		}
		for _, path := range []string{"/", "/cases/x", "/graphiql", "/graphql?query=%7Bviewer%7Bemail%7D%7D", "/healthz", "/assets/missing.js"} {
			h := get(path, nil)
			csp := h.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self';", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("%s: Content-Security-Policy %q lacks %q", path, csp, want)
				}
			}
			if strings.Contains(csp, "http") || strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "*") {
				t.Errorf("%s: Content-Security-Policy %q allows other origins or eval", path, csp)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
				t.Errorf("%s: headers %v", path, h)
			}
			if h.Get("Strict-Transport-Security") != "" {
				t.Errorf("%s: HSTS over plain HTTP", path)
			}
		}
		for name, set := range map[string]func(*http.Request){
			"TLS":           func(r *http.Request) { r.TLS = &tls.ConnectionState{} },
			"trusted proxy": func(r *http.Request) { r.RemoteAddr = "10.1.2.3:5000"; r.Header.Set("X-Forwarded-Proto", "https") },
		} {
			if hsts := get("/", set).Get("Strict-Transport-Security"); !strings.HasPrefix(hsts, "max-age=31536000") {
				t.Errorf("%s: HSTS %q", name, hsts)
			}
		}
		untrusted := func(r *http.Request) { r.Header.Set("X-Forwarded-Proto", "https") }
		if hsts := get("/", untrusted).Get("Strict-Transport-Security"); hsts != "" {
			t.Errorf("an untrusted X-Forwarded-Proto gave HSTS %q", hsts)
		}
	})
}

// TestCORS checks that without configured origins no other origin may
// read the API, and with them only those.
func TestCORS(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		preflight := func(origin string) http.Header {
			req := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
			req.Header.Set("Origin", origin)
			req.Header.Set("Access-Control-Request-Method", http.MethodPost)
			req.Header.Set("Access-Control-Request-Headers", "content-type")
			rec := httptest.NewRecorder()
			a.Handler.ServeHTTP(rec, req)
			return rec.Header()
		}
		if h := preflight("https://evil.example"); h.Get("Access-Control-Allow-Origin") != "" || h.Get("Access-Control-Allow-Credentials") != "" {
			t.Errorf("no origins configured, yet a foreign preflight got %v", h)
		}
		a.Rebuild(db, func(o *web.Options) { o.CORSOrigins = []string{"https://app.example"} })
		if h := preflight("https://evil.example"); h.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("an origin not configured got %v", h)
		}
		if h := preflight("https://app.example"); h.Get("Access-Control-Allow-Origin") != "https://app.example" || h.Get("Access-Control-Allow-Credentials") != "true" {
			t.Errorf("the configured origin got %v", h)
		}
	})
}

// TestCrossSiteSessionRequests checks that a request carrying the session
// cookie from another site is refused whatever its method: a cross-site
// GET of findPersonMatches wrote audit rows of identity matches.
func TestCrossSiteSessionRequests(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		f := webtest.SeedOneOfEach(t, a.Client)
		ctx := rule.SystemContext(context.Background())
		if err := auth.New(a.Client).SetPassword(ctx, f["User"], "una-password-lunga"); err != nil {
			t.Fatal(err)
		}
		a.Token = ""
		if a.SignInAs("operator@demo.example", "una-password-lunga"); a.Cookie == nil {
			t.Fatal("the operator cannot sign in")
		}
		const find = `{ findPersonMatches(taxCode: "RSSMRA85T10A562S") { personID } }`
		audited := func() int {
			return a.Client.AuditEvent.Query().Where(auditevent.HasActorWith(user.ID(f["User"]))).CountX(ctx)
		}
		send := func(method string, headers map[string]string) webtest.Response {
			t.Helper()
			var req *http.Request
			if method == http.MethodGet {
				req = httptest.NewRequest(method, "/graphql?query="+url.QueryEscape(find), nil)
			} else {
				req = httptest.NewRequest(method, "/graphql", strings.NewReader(`{"query": `+strconv.Quote(find)+`}`))
			}
			for k, v := range headers {
				req.Header.Set(k, v)
			}
			return a.Do(req)
		}
		before := audited()
		for name, tc := range map[string]struct {
			method  string
			headers map[string]string
		}{
			"cross-site GET":                 {http.MethodGet, map[string]string{"Sec-Fetch-Site": "cross-site"}},
			"same-site GET":                  {http.MethodGet, map[string]string{"Sec-Fetch-Site": "same-site"}},
			"GET telling nothing":            {http.MethodGet, nil},
			"GET from a foreign Origin":      {http.MethodGet, map[string]string{"Origin": "https://evil.example"}},
			"POST from another scheme":       {http.MethodPost, map[string]string{"Origin": "https://example.com", "Content-Type": "application/json"}},
			"POST from another port":         {http.MethodPost, map[string]string{"Origin": "http://example.com:8080", "Content-Type": "application/json"}},
			"POST from a null Origin":        {http.MethodPost, map[string]string{"Origin": "null", "Content-Type": "application/json"}},
			"cross-site POST without Origin": {http.MethodPost, map[string]string{"Sec-Fetch-Site": "cross-site", "Content-Type": "application/json"}},
		} {
			if r := send(tc.method, tc.headers); r.Status != http.StatusForbidden || r.Code() != "FORBIDDEN" {
				t.Errorf("%s: %d %s", name, r.Status, r.Raw)
			}
		}
		if n := audited(); n != before {
			t.Errorf("refused requests wrote %d audit events", n-before)
		}
		for name, tc := range map[string]struct {
			method  string
			headers map[string]string
		}{
			"same-origin GET":      {http.MethodGet, map[string]string{"Sec-Fetch-Site": "same-origin"}},
			"GET typed in the bar": {http.MethodGet, map[string]string{"Sec-Fetch-Site": "none"}},
			"GET sent as JSON":     {http.MethodGet, map[string]string{"Content-Type": "application/json"}},
			"same-origin POST":     {http.MethodPost, map[string]string{"Origin": "http://example.com", "Content-Type": "application/json"}},
		} {
			if r := send(tc.method, tc.headers); r.Status != http.StatusOK || len(r.Errors) > 0 {
				t.Errorf("%s: %d %s", name, r.Status, r.Raw)
			}
		}
		if audited() == before {
			t.Error("the same-origin requests wrote no audit event: the refusals above prove nothing")
		}
	})
}
