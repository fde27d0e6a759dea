package auth

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// member makes a user with roles, a member of two tables and coordinator
// of one, and returns it with a session token and an API token.
func member(t *testing.T, s *Service, email string) (u *ent.User, session, token string) {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	c := s.Client
	org := c.Organization.Create().SetName("Ente " + email).SetKind(organization.KindOther).SaveX(ctx)
	u = c.User.Create().SetEmail(email).SetName(email).SetOrganization(org).
		SetRoles([]domain.Role{domain.RoleOperator, domain.RoleCoordinator}).SaveX(ctx)
	for i, code := range []string{"AAA", "BBB"} {
		tab := c.TerritorialTable.Create().SetName("Tavolo " + code + email).SetCode(code).SaveX(ctx)
		c.TableMembership.Create().SetUser(u).SetTable(tab).SetOrganization(org).SetProfession(tablemembership.ProfessionEmployerRepresentative).
			SetJoinedOn(domain.Today()).ExecX(ctx)
		if i == 0 {
			tab.Update().SetCoordinator(u).ExecX(ctx)
		}
	}
	if err := s.SetPassword(ctx, u.ID, "una-password-lunga"); err != nil {
		t.Fatal(err)
	}
	v, session, err := s.Login(ctx, email, "una-password-lunga", Request{})
	if err != nil {
		t.Fatal(err)
	}
	_, token, err = s.CreateToken(ctx, v, "prova", apitoken.ScopeRead, time.Now().Add(time.Hour), Request{})
	if err != nil {
		t.Fatal(err)
	}
	return u, session, token
}

// TestAuthenticationStatements: a request authenticates with one
// statement, none while its session or token is in the cache, and
// writes nothing on its path; the viewer is the same either way.
func TestAuthenticationStatements(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := NewCached(db.Client(), NewCache(true))
		t.Cleanup(s.Flush)
		u, session, token := member(t, s, "conta@prova.example")
		// The statements of a request (store.CountStatements), not those
		// written behind it.
		var count *store.StatementCount
		request := func() context.Context {
			var ctx context.Context
			ctx, count = store.CountStatements(context.Background())
			return ctx
		}
		check := func(what string, v *viewer.Viewer, err error, statements int64) {
			t.Helper()
			if err != nil || v == nil {
				t.Fatalf("%s: %v, %v", what, v, err)
			}
			if v.UserID != u.ID || v.OrganizationID == "" || len(v.Tables) != 2 || len(v.Coordinates) != 1 ||
				!slices.Contains(v.Tables, v.Coordinates[0]) || !v.Has(domain.RoleCoordinator) {
				t.Errorf("%s: viewer %+v", what, v)
			}
			if got := count.Load(); got != statements {
				t.Errorf("%s: %d statements, want %d", what, got, statements)
			}
		}
		for _, round := range []struct {
			what       string
			statements int64
		}{{"first", 1}, {"cached", 0}} {
			v, err := s.Authenticate(request(), session)
			check(round.what+" session", v, err, round.statements)
			v, err = s.AuthenticateToken(request(), token, Request{})
			check(round.what+" token", v, err, round.statements)
			if !v.ReadOnly || v.TokenID == "" {
				t.Errorf("token viewer %+v", v)
			}
			s.Flush()
		}
		// Without a cache: one statement every time.
		plain := New(s.Client)
		t.Cleanup(plain.Flush)
		for range 2 {
			v, err := plain.Authenticate(request(), session)
			check("uncached session", v, err, 1)
		}
	})
}

// TestCacheForgets: what changes a viewer holds from the next request
// of this process, cached or not.
func TestCacheForgets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := NewCached(db.Client(), NewCache(true))
		t.Cleanup(s.Flush)
		u, session, token := member(t, s, "dimentica@prova.example")
		ctx := rule.SystemContext(context.Background())
		tables := func() []gid.ID {
			t.Helper()
			v, err := s.Authenticate(ctx, session)
			if err != nil || v == nil {
				t.Fatalf("session: %v %v", v, err)
			}
			return v.Tables
		}
		if read, cached := tables(), tables(); len(read) != 2 || len(cached) != 2 {
			t.Fatalf("a member of %v, then of %v from the cache; want two tables", read, cached)
		}
		s.Client.TableMembership.Delete().ExecX(ctx)
		if got := tables(); len(got) != 0 {
			t.Errorf("membership removed, still a member of %v", got)
		}
		if _, err := s.AuthenticateToken(ctx, token, Request{}); err != nil {
			t.Fatal(err)
		}
		s.Client.APIToken.Update().SetRevokedAt(time.Now()).ExecX(ctx)
		if _, err := s.AuthenticateToken(ctx, token, Request{}); !errors.Is(err, ErrInvalidToken) {
			t.Errorf("revoked token: %v", err)
		}
		s.Client.User.UpdateOneID(u.ID).SetDisabled(true).ExecX(ctx)
		if v, err := s.Authenticate(ctx, session); v != nil || err != nil {
			t.Errorf("disabled user's session: %v %v", v, err)
		}
	})
}

// TestHearsOtherProcesses: a process that caches a token hears, through
// PostgreSQL, that another process revoked it, and refuses it within
// moments; without the news it would accept it for the cache's life.
func TestHearsOtherProcesses(t *testing.T) {
	url := storetest.PostgresURL(t)
	open := func() *store.DB {
		db, err := store.Open(url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		return db
	}
	here, there := open(), open()
	ctx, cancel := context.WithCancel(rule.SystemContext(context.Background()))
	defer cancel()
	if err := here.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := New(here.Client())
	t.Cleanup(a.Flush)
	_, _, token := member(t, a, "altrove@prova.example")

	cache := NewCache(false)
	cache.alone = true // hears of this test's changes only through PostgreSQL
	listening := make(chan error, 1)
	go func() { listening <- cache.Listen(ctx, there, url, slog.New(slog.DiscardHandler)) }()
	b := NewCached(there.Client(), cache)
	t.Cleanup(b.Flush)
	req, count := store.CountStatements(ctx)
	deadline := time.Now().Add(5 * time.Second)
	for !cache.heard.Trusted() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	for range 2 {
		if _, err := b.AuthenticateToken(req, token, Request{}); err != nil {
			t.Fatal(err)
		}
	}
	if got := count.Load(); got != 1 {
		t.Fatalf("%d statements for two uses of a token: not cached", got)
	}

	a.Client.APIToken.Update().SetRevokedAt(time.Now()).ExecX(ctx)
	start := time.Now()
	for {
		_, err := b.AuthenticateToken(req, token, Request{})
		if errors.Is(err, ErrInvalidToken) {
			t.Logf("the other process refused the revoked token after %s", time.Since(start).Round(time.Millisecond))
			break
		}
		if time.Since(start) > 3*time.Second {
			t.Fatalf("the revoked token still works in the other process (%v)", err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-listening; err != nil {
		t.Fatal(err)
	}
}
