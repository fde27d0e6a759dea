package web_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// outageLeaks are the driver's words an UNAVAILABLE answer must not carry.
var outageLeaks = []string{"dial", "refused", "reset", "EOF", "57P01", "terminating", "SQLITE", "readonly", "disk", "pq:", "sqlite"}

const updatePlan = `mutation($id: ID!, $v: Int!, $s: String!) { updatePlan(id: $id, version: $v, input: {summary: $s}) { id } }`

// unavailable checks an answer is the outage's: 503, Retry-After, code
// UNAVAILABLE, nothing of the driver's.
func unavailable(t *testing.T, r webtest.Response) {
	t.Helper()
	if r.Status != http.StatusServiceUnavailable || r.Header.Get("Retry-After") != "5" || r.Code() != "UNAVAILABLE" {
		t.Fatalf("want 503 UNAVAILABLE with Retry-After: 5, got %d, Retry-After %q: %s", r.Status, r.Header.Get("Retry-After"), r.Raw)
	}
	webtest.AssertNoLeak(t, r)
	for _, w := range outageLeaks {
		if strings.Contains(r.Errors[0].Message, w) {
			t.Errorf("the message tells the driver's %q: %s", w, r.Errors[0].Message)
		}
	}
}

// stepTrace is what a step writes: the case's version, its timeline and
// the step's audit events. A failed step must leave it as it was.
type stepTrace struct{ version, events, audits int }

func (w *world) trace(id gid.ID) stepTrace {
	c := w.Client.CaseFile.GetX(w.Ctx, id)
	return stepTrace{c.Version, c.QueryEvents().CountX(w.Ctx),
		w.Client.AuditEvent.Query().Where(auditevent.Action("UPDATE_PLAN"), auditevent.EntityID(string(id))).CountX(w.Ctx)}
}

// readyz asks the handler whether the database is reachable, and how
// long the answer took.
func readyz(h http.Handler) (int, time.Duration) {
	start := time.Now()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	return rec.Code, time.Since(start)
}

// TestPostgresOutage: a PostgreSQL connection killed in the middle of a
// step (pg_terminate_backend of this test's backends only), then the
// server unreachable (a proxy in front of it refusing connections, as a
// restarting server does). Each failure answers 503 UNAVAILABLE with
// Retry-After and leaves nothing of the step; /readyz says not ready in
// time; once the database is back the next request succeeds, with no
// restart of anything.
func TestPostgresOutage(t *testing.T) {
	raw := storetest.PostgresURL(t)
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	proxy := startProxy(t, u.Host)
	u.Host = proxy.addr
	q := u.Query()
	app := "win_outage_" + q.Get("search_path")
	q.Set("application_name", app)
	u.RawQuery = q.Encode()
	db, err := store.Open(u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("postgres", raw)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = admin.Close() })

	w := newWorld(t, db)
	id, _ := w.CaseIn(casefile.StatusInCharge)
	before := w.trace(id)

	// Killed in the middle of the step: the case's new version is
	// written, its timeline event not yet.
	var kill atomic.Bool
	w.Client.CaseEvent.Use(func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if kill.CompareAndSwap(true, false) {
				if _, err := admin.ExecContext(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, app); err != nil {
					t.Errorf("terminating the test's backends: %v", err)
				}
			}
			return next.Mutate(ctx, m)
		})
	})
	kill.Store(true)
	unavailable(t, w.Coord.Post(updatePlan, map[string]any{"id": id, "v": before.version, "s": "Rivisto"}))
	if got := w.trace(id); got != before {
		t.Fatalf("a step cut short left %+v, had %+v", got, before)
	}
	// The pool drops the dead connections and opens new ones.
	w.Coord.Must(updatePlan, map[string]any{"id": id, "v": before.version, "s": "Rivisto"}, nil)
	after := w.trace(id)
	if want := (stepTrace{before.version + 1, before.events + 1, before.audits + 1}); after != want {
		t.Fatalf("the step after the kill wrote %+v, want %+v", after, want)
	}

	// Unreachable: every connection cut, new ones refused.
	proxy.down()
	unavailable(t, w.Coord.Post(updatePlan, map[string]any{"id": id, "v": after.version, "s": "Di nuovo"}))
	unavailable(t, w.Coord.Post(`{ cases(first: 5) { totalCount } }`, nil))
	if code, took := readyz(w.Base.Handler); code != http.StatusServiceUnavailable || took > 2500*time.Millisecond {
		t.Fatalf("/readyz while the database is down: %d after %v, want 503 within 2 s", code, took)
	}
	// Unresponsive: connections accepted, never answered.
	proxy.up()
	proxy.stall(true)
	if code, took := readyz(w.Base.Handler); code != http.StatusServiceUnavailable || took > 2500*time.Millisecond {
		t.Fatalf("/readyz while the database does not answer: %d after %v, want 503 within 2 s", code, took)
	}
	// A request gives up connecting after the connect timeout, not at
	// its own deadline, nor never.
	start := time.Now()
	unavailable(t, w.Coord.Post(`{ cases(first: 5) { totalCount } }`, nil))
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("a request waited %v for a database that does not answer", took)
	}
	proxy.stall(false)
	if code, _ := readyz(w.Base.Handler); code != http.StatusOK {
		t.Fatalf("/readyz once the database is back: %d", code)
	}
	w.Coord.Must(updatePlan, map[string]any{"id": id, "v": after.version, "s": "Di nuovo"}, nil)
	if got := w.trace(id); got.version != after.version+1 || got.events != after.events+1 || got.audits != after.audits+1 {
		t.Fatalf("after the outage the step wrote %+v, had %+v", got, after)
	}
}

// TestSQLiteCannotWrite: an SQLite database whose storage is full, and
// one opened read-only. A step that cannot be written answers 503
// UNAVAILABLE saying the storage cannot store changes, leaves nothing of
// itself, reads go on, and the file stays sound.
func TestSQLiteCannotWrite(t *testing.T) {
	for _, tc := range []struct {
		name string
		dsn  func(path string, pages int) string // the restricted opening of the file
	}{
		// max_page_count caps the file at its size: a write that needs
		// a new page fails with SQLITE_FULL, as on a full disk.
		{"full", func(path string, pages int) string {
			return store.SQLiteDSN(path) + "&_pragma=max_page_count(" + strconv.Itoa(pages) + ")"
		}},
		// mode=ro is how SQLite opens a file it may not write (a
		// read-only file or mount); chmod would not stop root.
		{"read-only", func(path string, _ int) string { return store.SQLiteDSN(path) + "&mode=ro" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := storetest.Open(t, dialect.SQLite)
			w := newWorld(t, db)
			id, _ := w.CaseIn(casefile.StatusInCharge)
			before := w.trace(id)
			var path string
			var pages int
			if err := db.SQL.QueryRow(`SELECT file FROM pragma_database_list WHERE name = 'main'`).Scan(&path); err != nil {
				t.Fatal(err)
			}
			if err := db.SQL.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
				t.Fatal(err)
			}
			restricted, err := sql.Open("sqlite", tc.dsn(filepath.Clean(path), pages))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = restricted.Close() })
			rdb := &store.DB{SQL: restricted, Dialect: dialect.SQLite}
			rc := rdb.Client()
			w.Coord.Handler = web.New(web.Options{Client: rc, Accounts: webtest.Accounts(t, rc), DB: rdb, Ping: rdb.Ping, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})

			// Larger than the free space of any page: it needs new ones.
			long := strings.Repeat("Piano rivisto con la persona. ", 300)
			r := w.Coord.Post(updatePlan, map[string]any{"id": id, "v": before.version, "s": long})
			unavailable(t, r)
			if !strings.Contains(r.Errors[0].Message, "cannot store changes") {
				t.Errorf("the message does not say the storage cannot write: %s", r.Errors[0].Message)
			}
			if got := w.trace(id); got != before {
				t.Fatalf("a step that could not be written left %+v, had %+v", got, before)
			}
			var cases struct{ TotalCount int }
			w.Coord.Must(`{ cases(first: 1) { totalCount } }`, nil, &cases)
			if cases.TotalCount == 0 {
				t.Fatal("reads stopped with the writes")
			}
			var check string
			if err := db.SQL.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
				t.Fatalf("integrity_check: %q, %v", check, err)
			}
		})
	}
}

// proxy forwards TCP connections to PostgreSQL until it is taken down:
// then it cuts every connection and refuses new ones, as a server that
// restarts does, without touching the shared server itself.
type proxy struct {
	t       *testing.T
	target  string
	addr    string
	mu      sync.Mutex
	ln      net.Listener
	conns   []net.Conn
	stalled bool // accepting connections without forwarding them
}

func startProxy(t *testing.T, target string) *proxy {
	p := &proxy{t: t, target: target}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.ln, p.addr = ln, ln.Addr().String()
	go p.serve(ln)
	t.Cleanup(p.down)
	return p
}

func (p *proxy) serve(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		stalled := p.stalled
		p.conns = append(p.conns, c)
		p.mu.Unlock()
		if stalled {
			continue
		}
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			_ = c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, up)
		p.mu.Unlock()
		go func() { _, _ = io.Copy(up, c); _ = up.Close() }()
		go func() { _, _ = io.Copy(c, up); _ = c.Close() }()
	}
}

// down cuts every connection and stops listening: connections are refused.
func (p *proxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		_ = p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		_ = c.Close()
	}
	p.conns = nil
}

// stall cuts every connection and holds the new ones unanswered, or,
// with false, forwards them again.
func (p *proxy) stall(on bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stalled = on
	for _, c := range p.conns {
		_ = c.Close()
	}
	p.conns = nil
}

// up listens again on the same address.
func (p *proxy) up() {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatal(err)
	}
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go p.serve(ln)
}
