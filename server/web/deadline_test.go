package web_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// TestRequestDeadline runs a request whose database work outlasts the
// request timeout: the database sees the deadline and stops, the client
// gets TIMEOUT errors in time, and the log tells the interruption once,
// not once per interrupted field.
func TestRequestDeadline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		// Queries of municipalities hang until their context ends, as a
		// runaway query would until cancelled.
		slow := dialect.DebugWithContext(db.Driver(), func(ctx context.Context, args ...any) {
			if strings.Contains(fmt.Sprint(args...), "municipalities") {
				select {
				case <-ctx.Done():
				case <-time.After(30 * time.Second):
				}
			}
		})
		a := webtest.NewAPI(t, db, ent.Driver(slow))
		log := a.Rebuild(db, func(o *web.Options) { o.RequestTimeout = 300 * time.Millisecond })
		start := time.Now()
		r := a.Post(aliased(5, "municipalities(first: 10) { totalCount edges { node { id name } } }"), nil)
		if elapsed := time.Since(start); elapsed > 5*time.Second {
			t.Errorf("the request took %v past its 300 ms deadline", elapsed)
		}
		if len(r.Errors) == 0 {
			t.Fatalf("no error: %s", r.Raw)
		}
		for _, e := range r.Errors {
			if e.Extensions["code"] != "TIMEOUT" {
				t.Errorf("error %v, want TIMEOUT", e)
			}
		}
		if n := strings.Count(log.String(), "request interrupted"); n != 1 || strings.Contains(log.String(), "level=ERROR") {
			t.Errorf("the interruption is logged %d times, want once, without errors:\n%s", n, log.String())
		}
	})
}

// TestDeadlineBeforeExecution lets the deadline pass before any resolver
// runs — before the request's turn, or while a large document is being
// validated: the answer is still a TIMEOUT error, not the empty body or
// bare null gqlgen gave when it found the context done.
func TestDeadlineBeforeExecution(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		a.Token = ""
		large := "{ municipalities(first: 1) { " + strings.Repeat("totalCount ", 1450) + "} }"
		for _, tc := range []struct {
			timeout time.Duration
			query   string
		}{{time.Nanosecond, `{ municipalities(first: 1) { totalCount } }`}, {5 * time.Millisecond, large}} {
			a.Rebuild(db, func(o *web.Options) { o.RequestTimeout = tc.timeout })
			if r := a.Post(tc.query, nil); r.Code() != "TIMEOUT" {
				t.Errorf("%v: %d %.200s", tc.timeout, r.Status, r.Raw)
			}
		}
	})
}

// authQuery matches the reads of tokens and sessions, as either dialect
// quotes them.
var authQuery = regexp.MustCompile("FROM [\"`](api_tokens|sessions)[\"`]")

// TestDeadlineWhileAuthenticating lets the deadline pass while a token or
// a session is being checked, as when the database is busy under load:
// the answer is 503 TIMEOUT with Retry-After, not a 500 nor a 401 that
// would sign the client out, and nothing is logged as an error.
func TestDeadlineWhileAuthenticating(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		var hang atomic.Bool
		slow := dialect.DebugWithContext(db.Driver(), func(ctx context.Context, args ...any) {
			if hang.Load() && authQuery.MatchString(fmt.Sprint(args...)) {
				select {
				case <-ctx.Done():
				case <-time.After(30 * time.Second):
				}
			}
		})
		a := webtest.NewAPI(t, db, ent.Driver(slow))
		token := a.Token
		a.Token = ""
		ctx := rule.SystemContext(context.Background())
		u := a.Client.User.UpdateOneID(a.UserID).SetEmail("operatrice@prova.example").SaveX(ctx)
		if err := auth.New(a.Client).SetPassword(ctx, u.ID, "una-password-lunga"); err != nil {
			t.Fatal(err)
		}
		if r := a.SignIn("una-password-lunga"); r.Status != http.StatusOK || a.Cookie == nil {
			t.Fatalf("sign-in: %d %s", r.Status, r.Raw)
		}
		log := a.Rebuild(db, func(o *web.Options) { o.RequestTimeout = 300 * time.Millisecond })
		hang.Store(true)
		for _, by := range []string{"session", "token"} {
			if by == "token" {
				a.Cookie, a.Token = nil, token
			}
			r := a.Post(`{ municipalities(first: 1) { totalCount } }`, nil)
			if r.Status != http.StatusServiceUnavailable || r.Code() != "TIMEOUT" || r.Header.Get("Retry-After") == "" {
				t.Errorf("%s: %d, Retry-After %q: %.200s", by, r.Status, r.Header.Get("Retry-After"), r.Raw)
			}
		}
		if strings.Contains(log.String(), "level=ERROR") {
			t.Errorf("an interruption logged as an error:\n%s", log.String())
		}
	})
}
