package auth_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// password is the password account gives its users.
const password = "una-password-lunga"

// account makes a user with the roles, in an organisation of their own,
// whose password is password.
func account(t *testing.T, s *auth.Service, email string, roles ...domain.Role) *ent.User {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	org := s.Client.Organization.Create().SetName("Ente di " + email).SetKind(organization.KindOther).SaveX(ctx)
	u := s.Client.User.Create().SetEmail(email).SetName(email).SetOrganization(org).SetRoles(roles).SaveX(ctx)
	if err := s.SetPassword(ctx, u.ID, password); err != nil {
		t.Fatal(err)
	}
	return u
}

// TestSignInAndTokens calls the account service directly: the right
// password opens a session whose token finds the viewer again; a wrong
// one, or an unknown e-mail, gets the same refusal, audited, and no
// session; an API token acts read-only or read-write as its scope says,
// cannot mint tokens, and is refused once revoked.
func TestSignInAndTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := db.Client()
		ctx := rule.SystemContext(context.Background())
		s := auth.New(c)
		t.Cleanup(s.Flush)
		u := account(t, s, "operatrice@prova.example", domain.RoleOperator)
		org, err := u.QueryOrganization().Only(ctx)
		if err != nil {
			t.Fatal(err)
		}
		req := auth.Request{ClientAddress: "192.0.2.7"}

		for _, tc := range []struct{ email, password string }{
			{"operatrice@prova.example", "una-password-sbagliata"},
			{"nessuno@prova.example", password},
		} {
			failed := c.AuditEvent.Query().Where(auditevent.Action("LOGIN_FAILED")).CountX(ctx)
			if v, _, err := s.Login(ctx, tc.email, tc.password, req); v != nil || !errors.Is(err, auth.ErrBadCredentials) {
				t.Errorf("%s with %s: viewer %v, error %v; want ErrBadCredentials", tc.email, tc.password, v, err)
			}
			if n := c.AuditEvent.Query().Where(auditevent.Action("LOGIN_FAILED")).CountX(ctx); n != failed+1 {
				t.Errorf("%s: the failed sign-in was not audited", tc.email)
			}
		}
		if n := c.Session.Query().CountX(ctx); n != 0 {
			t.Fatalf("failed sign-ins opened %d sessions", n)
		}

		// The e-mail is matched whatever its case and spaces.
		v, cookie, err := s.Login(ctx, " Operatrice@Prova.example", password, req)
		if err != nil || v.UserID != u.ID || v.OrganizationID != org.ID || v.SessionID == "" || v.ReadOnly {
			t.Fatalf("sign-in: %+v, %v", v, err)
		}
		if again, err := s.Authenticate(ctx, cookie); err != nil || again == nil || again.UserID != u.ID || again.SessionID != v.SessionID {
			t.Fatalf("the session's token finds %+v, %v", again, err)
		}
		if n := c.Session.Query().Where(session.HasUser()).CountX(ctx); n != 1 {
			t.Fatalf("%d sessions after one sign-in", n)
		}

		expires := time.Now().Add(time.Hour)
		for _, scope := range []apitoken.Scope{apitoken.ScopeRead, apitoken.ScopeReadWrite} {
			tok, secret, err := s.CreateToken(ctx, v, "prova", scope, expires, req)
			if err != nil {
				t.Fatal(err)
			}
			tv, err := s.AuthenticateToken(ctx, secret, req)
			if err != nil || tv.UserID != u.ID || tv.TokenID != tok.ID || tv.ReadOnly != (scope == apitoken.ScopeRead) {
				t.Fatalf("a %s token acts as %+v, %v", scope, tv, err)
			}
			if _, _, err := s.CreateToken(ctx, tv, "figlio", scope, expires, req); err == nil {
				t.Errorf("a %s token minted a token", scope)
			}
			if _, err := s.RevokeToken(ctx, v, tok.ID, req); err != nil {
				t.Fatal(err)
			}
			if tv, err := s.AuthenticateToken(ctx, secret, req); tv != nil || !errors.Is(err, auth.ErrInvalidToken) {
				t.Errorf("a revoked %s token acts as %+v, %v", scope, tv, err)
			}
		}
		if _, err := s.AuthenticateToken(ctx, "win_not-a-token", req); !errors.Is(err, auth.ErrInvalidToken) {
			t.Errorf("an unknown token: %v", err)
		}
	})
}
