package web_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// signInOutcome names what a sign-in got: in, wrong (the password was checked),
// throttled, or the raw answer.
func signInOutcome(r webtest.Response) string {
	switch {
	case len(r.Errors) == 0:
		return "in"
	case strings.Contains(r.Errors[0].Message, "is wrong"):
		return "wrong"
	case r.Code() == "BAD_USER_INPUT" && r.Errors[0].Extensions["field"] == "password" && strings.Contains(r.Errors[0].Message, "too many"):
		return "throttled"
	}
	return r.Raw
}

const (
	operatorEmail = webtest.OperatorEmail
	rightPassword = webtest.RightPassword
)

// TestParallelGuessesCountedAtomically: 40 guesses at once for one
// account from one address get at most 5 password checks — each attempt
// is recorded before it is judged — while the user signs in from another
// address, and the right password from the attacker's address is refused.
func TestParallelGuessesCountedAtomically(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.Browser(t, db)
		// All 40 at once: the anonymous requests' turn-taking (at most 4
		// at once, each waiting 2 s) is TestThrottle's, and on a loaded
		// machine it refused a guess before it was recorded.
		a.Rebuild(db, func(o *web.Options) { o.Throttle.AnonymousConcurrency = 40 })
		const attacker = "203.0.113.66"
		results := make([]string, 40)
		var wg sync.WaitGroup
		for i := range results {
			wg.Go(func() {
				r, err := a.SignInFrom(attacker, operatorEmail, fmt.Sprintf("tentativo-numero-%d", i))
				if err != nil {
					results[i] = err.Error()
					return
				}
				results[i] = signInOutcome(r)
			})
		}
		wg.Wait()
		count := map[string]int{}
		for _, r := range results {
			count[r]++
		}
		// How many are checked depends on how the attempts interleave
		// (none, when all are recorded before any is counted); never more
		// than the limit.
		if count["wrong"] > 5 || count["wrong"]+count["throttled"] != 40 {
			t.Fatalf("40 parallel guesses: %v; want at most 5 checked, the rest throttled", count)
		}
		ctx := rule.SystemContext(context.Background())
		if n := a.Client.AuditEvent.Query().Where(auditevent.Action("LOGIN_FAILED")).CountX(ctx); n != count["wrong"] {
			t.Errorf("%d failures audited, %d checked", n, count["wrong"])
		}
		if n := a.Client.AuditEvent.Query().Where(auditevent.Action("LOGIN_ATTEMPT")).CountX(ctx); n != 40 {
			t.Errorf("%d attempts recorded, want 40", n)
		}

		r, err := a.SignInFrom(attacker, operatorEmail, rightPassword)
		if err != nil || signInOutcome(r) != "throttled" {
			t.Errorf("right password from the attacker's address: %s %v", r.Raw, err)
		}
		if r, err := a.SignInFrom("198.51.100.20", operatorEmail, rightPassword); err != nil || signInOutcome(r) != "in" {
			t.Errorf("right password from the user's own address during the attack: %s %v", r.Raw, err)
		}
	})
}

// TestFailuresDoNotLockOut: neither failures from one address on many
// accounts nor a flood on one account keep the user out: a fresh address
// always gets its attempt, and the account-wide limit stops only
// addresses that already tried.
func TestFailuresDoNotLockOut(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.Browser(t, db)
		must := func(address, email, password, want string) {
			t.Helper()
			r, err := a.SignInFrom(address, email, password)
			if err != nil {
				t.Fatal(err)
			}
			if got := signInOutcome(r); got != want {
				t.Fatalf("%s from %s: %s, want %s", email, address, got, want)
			}
		}
		// Twenty failures from an office's address, on other accounts,
		// leave its users alone.
		for i := range 20 {
			must("198.51.100.1", fmt.Sprintf("collega%d@prova.example", i), "non-e-questa-la-password", "wrong")
		}
		must("198.51.100.1", operatorEmail, rightPassword, "in")

		// An address tries once; then a flood from another passes the
		// account-wide limit of 50 attempts an hour…
		must("203.0.113.1", operatorEmail, "non-e-questa-la-password", "wrong")
		for range 50 {
			if r, err := a.SignInFrom("203.0.113.2", operatorEmail, "non-e-questa-la-password"); err != nil || len(r.Errors) == 0 {
				t.Fatalf("flood: %s %v", r.Raw, err)
			}
		}
		// …past which an address's second attempt waits, although that
		// address alone is far below its own limit…
		must("203.0.113.1", operatorEmail, "non-e-questa-la-password", "throttled")
		// …while the user, from an address of their own, signs in.
		must("192.0.2.200", operatorEmail, rightPassword, "in")
	})
}

// TestThrottledSignInSaysWhenToRetry: a throttled sign-in carries a
// reason and the wait in its extensions, so the sign-in page can tell it
// from a wrong password and say when to retry; a wrong password carries
// neither; and an e-mail no account has gets the very same answers, so
// they reveal nothing about which accounts exist.
func TestThrottledSignInSaysWhenToRetry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.Browser(t, db)
		for _, email := range []string{operatorEmail, "nessuno@prova.example"} {
			const address = "203.0.113.9"
			for i := range 5 {
				r, err := a.SignInFrom(address, email, "non-e-questa-la-password")
				if err != nil || signInOutcome(r) != "wrong" {
					t.Fatalf("%s, attempt %d: %s %v", email, i+1, r.Raw, err)
				}
				if ext := r.Errors[0].Extensions; ext["reason"] != nil || ext["retryAfterSeconds"] != nil {
					t.Errorf("%s: a wrong password says it is throttled: %v", email, ext)
				}
			}
			// The sixth attempt comes within the minute the fifth imposed:
			// refused, and it counts, so the next must wait two minutes.
			r, err := a.SignInFrom(address, email, rightPassword)
			if err != nil || signInOutcome(r) != "throttled" {
				t.Fatalf("%s, sixth attempt: %s %v", email, r.Raw, err)
			}
			ext := r.Errors[0].Extensions
			if ext["code"] != "BAD_USER_INPUT" || ext["field"] != "password" || ext["reason"] != "TOO_MANY_ATTEMPTS" || ext["retryAfterSeconds"] != float64(120) {
				t.Errorf("%s, throttled: extensions %v, want the reason and 120 seconds", email, ext)
			}
		}
	})
}
