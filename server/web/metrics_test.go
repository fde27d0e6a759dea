package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}

// scrape asks the metrics handler for the series as a peer would.
func scrape(h http.Handler, peer string, set func(*http.Request)) (int, string) {
	req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	req.RemoteAddr = peer
	if set != nil {
		set(req)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// seriesOf returns the lines of a metric's series in a scrape.
func seriesOf(body, name string) []string {
	var out []string
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(line, name+"{") {
			out = append(out, line)
		}
	}
	return out
}

// TestMetricsSeries: after some requests the scrape counts them by
// operation, first root field, outcome code and status, times them, and
// tells the database pool, the Go runtime and the process.
func TestMetricsSeries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		m := web.NewMetrics(db)
		a.Rebuild(db, func(o *web.Options) { o.Metrics = m })
		var viewer struct{ Viewer struct{ Email string } }
		a.OK(`{ viewer { email } }`, nil, &viewer)
		a.OK(`query Mine { ...V } fragment V on Query { __typename viewer { email } }`, nil, &viewer)
		const create = `mutation { createMunicipality(input: {name: "Comune di Prova", istatCode: "048998", population: 10}) { id } }`
		a.OK(create, nil, &struct{}{})
		if r := a.Post(create, nil); r.Code() != "CONFLICT" {
			t.Fatalf("the second municipality: %s", r.Raw)
		}
		a.Post(`{ viewer { email `, nil)
		export := httptest.NewRequest(http.MethodGet, "/export/indicator.csv?indicator=referrals&from=someday", nil)
		export.Header.Set("Authorization", "Bearer "+a.Token)
		a.Handler.ServeHTTP(httptest.NewRecorder(), export)
		token := a.Token
		a.Token = "not-a-token"
		a.Post(`{ viewer { email } }`, nil)
		a.Token = token

		code, body := scrape(m.Handler(loopback), "127.0.0.1:41000", nil)
		if code != http.StatusOK {
			t.Fatalf("scrape from loopback: %d %s", code, body)
		}
		for _, want := range []string{
			`win_http_requests_total{code="OK",field="viewer",operation="query",status="200"} 2`,
			`win_http_requests_total{code="OK",field="createMunicipality",operation="mutation",status="200"} 1`,
			`win_http_requests_total{code="CONFLICT",field="createMunicipality",operation="mutation",status="200"} 1`,
			`win_http_requests_total{code="UNAUTHENTICATED",field="other",operation="other",status="401"} 1`,
			`win_http_requests_total{code="BAD_USER_INPUT",field="indicator.csv",operation="export",status="400"} 1`,
			`win_http_request_duration_seconds_count{field="viewer",operation="query"} 2`,
			`go_sql_max_open_connections{db_name="win"}`,
			`go_goroutines `,
			`process_resident_memory_bytes `,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("the scrape lacks %s", want)
			}
		}
		if parse := seriesOf(body, "win_http_requests_total"); !strings.Contains(strings.Join(parse, "\n"), `code="GRAPHQL_PARSE_FAILED",field="other",operation="other"`) {
			t.Errorf("a document that does not parse is not counted as such:\n%s", strings.Join(parse, "\n"))
		}
	})
}

// TestMetricsBounded: a thousand operation names, a thousand aliases and
// a hundred fields the schema lacks add no series: labels come from the
// schema and the server, not from what clients name.
func TestMetricsBounded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		m := web.NewMetrics(db)
		a.Rebuild(db, func(o *web.Options) {
			o.Metrics = m
			o.Throttle = web.Throttle{Rate: 1e6, Burst: 1e6, AnonymousConcurrency: 4}
		})
		a.Token = "" // anonymous: the same labels, without a token's audit at every request
		for i := range 1000 {
			if r := a.Post(fmt.Sprintf(`query Operation%d { alias%d: viewer { email } }`, i, i), nil); len(r.Errors) > 0 {
				t.Fatalf("named operation %d: %s", i, r.Raw)
			}
		}
		for i := range 100 {
			a.Post(fmt.Sprintf(`{ field%d }`, i), nil)
			a.Post(fmt.Sprintf(`mutation Change%d { field%d }`, i, i), nil)
		}
		_, body := scrape(m.Handler(loopback), "[::1]:41000", nil)
		series := append(seriesOf(body, "win_http_requests_total"), seriesOf(body, "win_http_request_duration_seconds_count")...)
		if len(series) > 4 {
			t.Errorf("%d series after 1,200 differently named requests:\n%s", len(series), strings.Join(series, "\n"))
		}
		if strings.Contains(body, "Operation1") || strings.Contains(body, "alias") || strings.Contains(body, "field1") {
			t.Error("a name the client chose became a label")
		}
		if !strings.Contains(body, `win_http_requests_total{code="OK",field="viewer",operation="query",status="200"} 1000`) {
			t.Errorf("the named operations are not counted under their root field:\n%s", strings.Join(series, "\n"))
		}
	})
}

// TestMetricsRestricted: the series go to the configured peers only,
// never through a proxy, and the public handler does not serve them at
// all, not even to a trusted proxy's forwarded request from loopback.
func TestMetricsRestricted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		m := web.NewMetrics(db)
		a.Rebuild(db, func(o *web.Options) {
			o.Metrics = m
			o.TrustedProxies = loopback
		})
		h := m.Handler(loopback)
		if code, _ := scrape(h, "203.0.113.9:41000", nil); code != http.StatusForbidden {
			t.Errorf("a peer outside the allowed ranges got %d", code)
		}
		for _, header := range []string{"X-Forwarded-For", "Forwarded", "X-Real-IP"} {
			code, body := scrape(h, "127.0.0.1:41000", func(r *http.Request) { r.Header.Set(header, "127.0.0.1") })
			if code != http.StatusForbidden || strings.Contains(body, "win_") {
				t.Errorf("a request forwarded by a proxy on loopback (%s) got %d", header, code)
			}
		}
		for _, peer := range []string{"127.0.0.1:41000", "203.0.113.9:41000"} {
			code, body := scrape(a.Handler, peer, func(r *http.Request) { r.Header.Set("X-Forwarded-For", "127.0.0.1") })
			if code != http.StatusNotFound || strings.Contains(body, "win_") {
				t.Errorf("the public handler answered /metrics from %s with %d", peer, code)
			}
		}
		if code, _ := scrape(h, "127.0.0.1:41000", nil); code != http.StatusOK {
			t.Errorf("an allowed peer got %d", code)
		}
	})
}

// TestStatementsPerRequest: each request's SQL statements, its
// authentication and a mutation's transaction included, are observed
// under the web app's operation name, any other name as "other", and add
// up to what the database ran.
func TestStatementsPerRequest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		var viewer struct{ Viewer struct{ Email string } }
		// The token's first use of the day is written behind its request,
		// by no request: before the measure.
		a.OK(`{ viewer { email } }`, nil, &viewer)
		a.Accounts.Flush()
		m := web.NewMetrics(db)
		a.Rebuild(db, func(o *web.Options) { o.Metrics = m })
		from := db.Statements()
		a.OK(`{ viewer { email } }`, nil, &viewer)
		a.OK(`query CasesList { viewer { email } }`, nil, &viewer)
		a.OK(`query Mine { viewer { email } }`, nil, &viewer)
		// The web app's name on another document: the name labels, the
		// transaction's statements count.
		a.OK(`mutation CaseActionsAddNote { createMunicipality(input: {name: "Comune di Prova", istatCode: "048998", population: 10}) { id } }`, nil, &struct{}{})
		ran := db.Statements() - from

		_, body := scrape(m.Handler(loopback), "127.0.0.1:41000", nil)
		sums := map[string]float64{}
		for _, op := range []string{"CasesList", "other", "CaseActionsAddNote"} {
			want := 1
			if op == "other" {
				want = 2
			}
			if !strings.Contains(body, fmt.Sprintf(`win_sql_statements_per_request_count{operation=%q} %d`, op, want)) {
				t.Errorf("not %d request(s) of %s counted:\n%s", want, op, strings.Join(seriesOf(body, "win_sql_statements_per_request_count"), "\n"))
			}
			var sum float64
			if _, err := fmt.Sscanf(value(body, fmt.Sprintf(`win_sql_statements_per_request_sum{operation=%q}`, op)), "%g", &sum); err != nil {
				t.Fatalf("no sum for %s: %v", op, err)
			}
			sums[op] = sum
		}
		if sums["CasesList"] < 1 || sums["CaseActionsAddNote"] <= sums["CasesList"] {
			t.Errorf("statements per request: %v", sums)
		}
		if sums["other"]+sums["CasesList"]+sums["CaseActionsAddNote"] != float64(ran) {
			t.Errorf("the requests ran %d statements, the histogram says %v", ran, sums)
		}
		if value(body, "win_sql_statements_total") == "" {
			t.Error("no process total")
		}
	})
}

// value is the value of a series in a scrape, "" when it is missing.
func value(body, series string) string {
	for _, line := range strings.Split(body, "\n") {
		if rest, ok := strings.CutPrefix(line, series+" "); ok {
			return rest
		}
	}
	return ""
}
