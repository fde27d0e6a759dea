package auth_test

import (
	"context"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestTokenUseWritesRarely: a client reading through a token every few
// seconds does not write on each request. The token's last use is kept
// to the minute, its use audited once per Italian day.
func TestTokenUseWritesRarely(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := db.Client()
		ctx := rule.SystemContext(context.Background())
		s := auth.New(c)
		t.Cleanup(s.Flush)
		account(t, s, "analista@prova.example", domain.RoleAnalyst)
		req := auth.Request{ClientAddress: "192.0.2.8"}
		v, _, err := s.Login(ctx, "analista@prova.example", password, req)
		if err != nil {
			t.Fatal(err)
		}
		// 22:00 in Italy (winter): the Italian day ends two hours later.
		now := time.Date(2026, 12, 3, 21, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		tok, secret, err := s.CreateToken(ctx, v, "cruscotto", apitoken.ScopeRead, now.Add(72*time.Hour), req)
		if err != nil {
			t.Fatal(err)
		}
		use := func(at time.Time) (lastUsed time.Time, audited int) {
			t.Helper()
			now = at
			if _, err := s.AuthenticateToken(ctx, secret, req); err != nil {
				t.Fatal(err)
			}
			s.Flush() // written behind the request
			stored := c.APIToken.GetX(ctx, tok.ID)
			if stored.LastUsedAt == nil {
				t.Fatal("the token's use was not recorded")
			}
			return *stored.LastUsedAt, c.AuditEvent.Query().Where(auditevent.Action("TOKEN_USED"), auditevent.EntityID(string(tok.ID))).CountX(ctx)
		}
		start := now
		for i, step := range []struct {
			after    time.Duration
			lastUsed time.Duration // after start
			audited  int
		}{
			{0, 0, 1},                             // first use: recorded and audited
			{10 * time.Second, 0, 1},              // within the minute: nothing written
			{50 * time.Second, 0, 1},              // still within it
			{2 * time.Minute, 2 * time.Minute, 1}, // a minute later: the time moves, the same day is not audited again
			{2*time.Hour + time.Minute, 2*time.Hour + time.Minute, 2}, // 00:01 in Italy: a new day, audited once more
			{2*time.Hour + 2*time.Minute, 2*time.Hour + time.Minute, 2},
		} {
			lastUsed, audited := use(start.Add(step.after))
			if !lastUsed.Equal(start.Add(step.lastUsed)) || audited != step.audited {
				t.Errorf("use %d (+%s): last used %s, %d TOKEN_USED; want %s, %d",
					i, step.after, lastUsed.UTC(), audited, start.Add(step.lastUsed).UTC(), step.audited)
			}
		}
	})
}
