package auth

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestGrowingWaits: after five free attempts, an address waits a minute
// before its next attempt on the account, then two, then four; an attempt
// made during a wait is refused and counts; a successful sign-in starts
// the count again.
func TestGrowingWaits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		client := db.Client()
		org := client.Organization.Create().SetName("Ente").SetKind(organization.KindOther).SaveX(ctx)
		u := client.User.Create().SetEmail("utente@prova.example").SetName("Utente").SetOrganization(org).SaveX(ctx)
		// The clock runs an hour behind, so that the real time of the
		// LOGIN event, which restarts the counts, comes after the attempts.
		now := time.Now().Add(-time.Hour)
		s := &Service{Client: client, Now: func() time.Time { return now }}
		if err := s.SetPassword(ctx, u.ID, "una-password-lunga"); err != nil {
			t.Fatal(err)
		}
		req := Request{ClientAddress: "203.0.113.7"}
		try := func(after time.Duration, password, want string) {
			t.Helper()
			now = now.Add(after)
			_, _, err := s.Login(ctx, "utente@prova.example", password, req)
			var invalid *fault.Invalid
			got := "in"
			switch {
			case errors.Is(err, ErrBadCredentials):
				got = "wrong"
			case errors.As(err, &invalid) && strings.Contains(invalid.Message, "too many"):
				got = "throttled"
			case err != nil:
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("after %s: %s, want %s", after, got, want)
			}
		}
		for range pairFree {
			try(time.Second, "sbagliata-davvero", "wrong")
		}
		try(30*time.Second, "una-password-lunga", "throttled")       // the 6th, within a minute: refused, and counted
		try(61*time.Second, "sbagliata-davvero", "throttled")        // the 7th waits two minutes from the 6th
		try(4*time.Minute+time.Second, "sbagliata-davvero", "wrong") // the 8th, four minutes after the 7th
		try(time.Second, "sbagliata-davvero", "throttled")           // the 9th waits eight
		try(16*time.Minute+time.Second, "una-password-lunga", "in")  // the 10th, sixteen
		try(time.Second, "sbagliata-davvero", "wrong")               // counting again from the sign-in
	})
}

func TestPairWait(t *testing.T) {
	for n, want := range map[int]time.Duration{1: 0, 5: 0, 6: time.Minute, 7: 2 * time.Minute, 9: 8 * time.Minute, 12: time.Hour, 100: time.Hour} {
		if got := pairWait(n); got != want {
			t.Errorf("pairWait(%d) = %s, want %s", n, got, want)
		}
	}
}
