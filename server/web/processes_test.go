package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/subject"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// Several server processes on one database share what the database
// holds: sessions, sign-in attempts, case versions, the retention job's
// lock. Each test serves one user through two handlers, each with its own
// ent client, throttles and caches, as two processes behind a load
// balancer would.

// secondProcess is another server process over the same database.
func secondProcess(t *testing.T, db *store.DB) http.Handler {
	client := db.Client()
	return web.New(web.Options{Client: client, Accounts: webtest.Accounts(t, client), DB: db, Ping: db.Ping, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

// TestSessionsAcrossProcesses: a session opened through one process
// works through the other, and signing out through one ends it on both.
func TestSessionsAcrossProcesses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.Browser(t, db)
		b := &webtest.API{T: t, Handler: secondProcess(t, db), Client: a.Client}
		if r := a.SignIn(rightPassword); a.Cookie == nil {
			t.Fatalf("cannot sign in: %s", r.Raw)
		}
		b.Cookie = a.Cookie
		if got := b.ViewerEmail(); got != operatorEmail {
			t.Fatalf("the session opened on A is %q on B", got)
		}
		var out struct{ Logout bool }
		a.OK(`mutation { logout }`, nil, &out)
		if got := b.ViewerEmail(); got != "" {
			t.Errorf("the session signed out on A still works on B as %q", got)
		}
	})
}

// TestSignInThrottledAcrossProcesses: attempts on one account from one
// address count together whichever process receives them.
func TestSignInThrottledAcrossProcesses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.Browser(t, db)
		b := &webtest.API{T: t, Handler: secondProcess(t, db), Client: a.Client}
		const attacker = "203.0.113.77"
		var got []string
		for i := range 6 {
			via := a
			if i%2 == 1 {
				via = b
			}
			r, err := via.SignInFrom(attacker, operatorEmail, fmt.Sprintf("tentativo-%d", i))
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, signInOutcome(r))
		}
		want := []string{"wrong", "wrong", "wrong", "wrong", "wrong", "throttled"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("six attempts alternating between processes got %q, want %q", got, want)
		}
		if r, err := b.SignInFrom(attacker, operatorEmail, rightPassword); err != nil || signInOutcome(r) != "throttled" {
			t.Errorf("the right password from the throttled address, through B: %v %s", err, r.Raw)
		}
		if r, err := a.SignInFrom("198.51.100.8", operatorEmail, rightPassword); err != nil || signInOutcome(r) != "in" {
			t.Errorf("the user from their own address, through A: %v %s", err, r.Raw)
		}
	})
}

// TestStaleVersionAcrossProcesses: a step through B on the version a
// step through A has just left is a CONFLICT with the current version.
func TestStaleVersionAcrossProcesses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		coordB := &webtest.API{T: t, Handler: secondProcess(t, db), Client: w.Client, Cookie: w.Coord.Cookie}
		id, _ := w.CaseIn(casefile.StatusInCharge)
		seen := w.Snapshot(id).Version
		const step = `mutation($id: ID!, $v: Int!) { moveToMonitoring(id: $id, version: $v) { id } }`
		w.Coord.Must(step, map[string]any{"id": id, "v": seen}, nil)
		r := coordB.Send(step, map[string]any{"id": id, "v": seen}, nil)
		webtest.Refused(t, r, "CONFLICT", "")
		if v, _ := r.Errors[0].Extensions["currentVersion"].(float64); int(v) != seen+1 || r.Errors[0].Extensions["currentStatus"] != "MONITORING" {
			t.Errorf("the conflict through B does not give A's change: %s", r.Raw)
		}
		if after := w.Snapshot(id); after.Version != seen+1 {
			t.Errorf("the case is at version %d after one step from %d", after.Version, seen)
		}
	})
}

// TestRetentionRunsOnce: four processes applying the retention rule at
// the same moment erase and audit each identity once between them. On
// PostgreSQL the runs meet at an advisory lock and those that find it
// taken erase nothing; on SQLite — one server process per database file,
// on its local disk — each run's transaction takes the write lock when it
// begins, so the runs follow one another and the later find nothing left.
func TestRetentionRunsOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		c := webtest.DemoAPI(t, db, 9, 80).Client
		ended := []casefile.Status{casefile.StatusClosed, casefile.StatusDeclined}
		kept := c.PersonIdentity.Query().Where(personidentity.HasPersonWith(person.HasCasesWith(casefile.StatusNotIn(ended...)))).CountX(ctx)
		due := c.PersonIdentity.Query().CountX(ctx) - kept
		if due == 0 {
			t.Fatal("the demo data have no identity due for erasure")
		}
		twelveYearsOn := func() time.Time { return time.Now().AddDate(12, 0, 0) }
		erased := make([]int, 4)
		var wg sync.WaitGroup
		for i := range erased {
			wg.Go(func() {
				var err error
				process := &subject.Service{Client: db.Client(), Now: twelveYearsOn}
				if erased[i], err = process.ApplyRetention(context.Background(), db, 10); err != nil {
					t.Errorf("run %d: %v", i, err)
				}
			})
		}
		wg.Wait()
		total := 0
		for _, n := range erased {
			total += n
		}
		if total != due || c.PersonIdentity.Query().CountX(ctx) != kept {
			t.Errorf("the runs erased %v identities, %d in all, of %d due", erased, total, due)
		}
		audited := c.AuditEvent.Query().Where(auditevent.Action("RETENTION_ERASE")).CountX(ctx)
		distinct := len(c.AuditEvent.Query().Where(auditevent.Action("RETENTION_ERASE")).GroupBy(auditevent.FieldEntityID).StringsX(ctx))
		if audited != due || distinct != due {
			t.Errorf("%d erasures audited, %d identities among them, of %d erased", audited, distinct, due)
		}
	})
}
