package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// TestRateLimits checks that each token, session or anonymous address has
// an allowance of its own, and is answered 429 with Retry-After past it.
func TestRateLimits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		a.Rebuild(db, func(o *web.Options) { o.Throttle = web.Throttle{Rate: 0.1, Burst: 3} })
		const query = `{ viewer { email } }`
		for _, client := range []struct{ address, token string }{
			{"192.0.2.1", a.Token}, {"192.0.2.1", ""}, {"198.51.100.9", ""},
		} {
			for i := range 3 {
				if r := a.From(client.address, client.token, query); r.Status != http.StatusOK {
					t.Fatalf("%v, request %d: %d %s", client, i+1, r.Status, r.Raw)
				}
			}
			r := a.From(client.address, client.token, query)
			retry, err := strconv.Atoi(r.Header.Get("Retry-After"))
			if r.Status != http.StatusTooManyRequests || r.Code() != "RATE_LIMITED" || err != nil || retry < 1 || retry > 10 {
				t.Errorf("%v past its burst: %d Retry-After %q %s", client, r.Status, r.Header.Get("Retry-After"), r.Raw)
			}
		}
	})
}

// TestAnonymousConcurrency checks that anonymous requests run a few at a
// time, so that they cannot take the server from signed-in users.
func TestAnonymousConcurrency(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		gate, entered := make(chan struct{}), make(chan struct{})
		var once sync.Once
		slow := dialect.DebugWithContext(db.Driver(), func(ctx context.Context, args ...any) {
			if strings.Contains(fmt.Sprint(args...), "municipalities") {
				once.Do(func() { close(entered) })
				select {
				case <-gate:
				case <-ctx.Done():
				}
			}
		})
		a := webtest.NewAPI(t, db, ent.Driver(slow))
		a.Rebuild(db, func(o *web.Options) { o.Throttle = web.Throttle{AnonymousConcurrency: 1} })
		done := make(chan webtest.Response)
		go func() { done <- a.From("192.0.2.1", "", `{ municipalities(first: 1) { totalCount } }`) }()
		<-entered
		if r := a.From("192.0.2.1", a.Token, `{ viewer { email } }`); r.Status != http.StatusOK {
			t.Errorf("a signed-in request waited for anonymous ones: %d %s", r.Status, r.Raw)
		}
		start := time.Now()
		r := a.From("198.51.100.9", "", `{ viewer { email } }`)
		if r.Status != http.StatusTooManyRequests || r.Header.Get("Retry-After") == "" || time.Since(start) > 5*time.Second {
			t.Errorf("a second anonymous request at once: %d in %v %s", r.Status, time.Since(start), r.Raw)
		}
		close(gate)
		if r := <-done; r.Status != http.StatusOK {
			t.Errorf("the first anonymous request: %d %s", r.Status, r.Raw)
		}
		if r := a.From("198.51.100.9", "", `{ viewer { email } }`); r.Status != http.StatusOK {
			t.Errorf("an anonymous request after the others: %d %s", r.Status, r.Raw)
		}
	})
}
