package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
)

const loginMutation = `mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { viewer { email roles } } }`

// browser returns an API client without token, signing in as a browser.
func browser(t *testing.T, db *store.DB) *api {
	t.Helper()
	a := newAPI(t, db)
	a.token = ""
	ctx := rule.SystemContext(context.Background())
	u := a.client.User.UpdateOneID(a.userID).SetEmail("operatrice@prova.example").SaveX(ctx)
	if err := auth.New(a.client).SetPassword(ctx, u.ID, "una-password-lunga"); err != nil {
		t.Fatal(err)
	}
	return a
}

// signIn logs in as the test operator and keeps the session cookie.
func (a *api) signIn(password string) response {
	a.t.Helper()
	return a.signInAs("Operatrice@Prova.example ", password)
}

// signInAs logs in and keeps the session cookie, if one is set.
func (a *api) signInAs(email, password string) response {
	a.t.Helper()
	r := a.post(loginMutation, map[string]any{"e": email, "p": password})
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == "win_session" {
			a.cookie = c
		}
	}
	return r
}

func (a *api) viewerEmail() string {
	a.t.Helper()
	var out struct{ Viewer *struct{ Email string } }
	a.ok(`{ viewer { email } }`, nil, &out)
	if out.Viewer == nil {
		return ""
	}
	return out.Viewer.Email
}

func TestSignInAndOut(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := browser(t, db)
		// Anonymous: the directory is public, the rest is not.
		var dir struct{ Organizations struct{ TotalCount int } }
		a.ok(`{ organizations(first: 0) { totalCount } }`, nil, &dir)
		if r := a.post(`{ cases(first: 1) { totalCount } }`, nil); r.code() != "UNAUTHENTICATED" {
			t.Errorf("anonymous cases: %s", r.Raw)
		}
		if a.viewerEmail() != "" {
			t.Error("anonymous viewer is not null")
		}

		// A wrong password and an unknown e-mail get the same answer.
		wrong := a.signIn("non-e-questa-la-password")
		unknown := a.post(loginMutation, map[string]any{"e": "nessuno@prova.example", "p": "non-e-questa-la-password"})
		if wrong.code() != "BAD_USER_INPUT" || unknown.code() != "BAD_USER_INPUT" || wrong.Errors[0].Message != unknown.Errors[0].Message {
			t.Errorf("wrong password %s / unknown e-mail %s", wrong.Raw, unknown.Raw)
		}
		if a.cookie != nil {
			t.Fatal("a failed sign-in set a cookie")
		}

		r := a.signIn("una-password-lunga")
		if len(r.Errors) > 0 || a.cookie == nil {
			t.Fatalf("sign-in: %s", r.Raw)
		}
		if !a.cookie.HttpOnly || a.cookie.SameSite != http.SameSiteLaxMode || a.cookie.Secure || len(a.cookie.Value) < 43 {
			t.Errorf("cookie %+v: want HttpOnly, SameSite=Lax, a 256-bit token", a.cookie)
		}
		if got := a.viewerEmail(); got != "operatrice@prova.example" {
			t.Fatalf("viewer after sign-in: %q", got)
		}
		var sessions struct{ MySessions []struct{ ID string } }
		a.ok(`{ mySessions { id } }`, nil, &sessions)
		if len(sessions.MySessions) != 1 {
			t.Errorf("mySessions: %+v", sessions)
		}

		old := a.cookie
		var out struct{ Logout bool }
		a.ok(`mutation { logout }`, nil, &out)
		a.cookie = old // a stolen copy of the cookie no longer works
		if a.viewerEmail() != "" {
			t.Error("the session survived logout")
		}
		ctx := rule.SystemContext(context.Background())
		for action, want := range map[string]int{"LOGIN": 1, "LOGIN_FAILED": 2, "LOGOUT": 1} {
			if n := a.client.AuditEvent.Query().Where(auditevent.Action(action)).CountX(ctx); n != want {
				t.Errorf("%s audit events: %d, want %d", action, n, want)
			}
		}
	})
}

// TestSessionEnds checks every way a session ends: idle, absolute limit,
// account disabled, password changed.
func TestSessionEnds(t *testing.T) {
	ctx := rule.SystemContext(context.Background())
	for name, end := range map[string]func(a *api){
		"idle 31 minutes": func(a *api) {
			a.client.Session.Update().SetLastSeenAt(time.Now().Add(-31 * time.Minute)).ExecX(ctx)
		},
		"past 12 hours": func(a *api) {
			id := a.client.Session.Query().OnlyIDX(ctx)
			a.client.Session.DeleteOneID(id).ExecX(ctx)
			a.client.Session.Create().SetUserID(a.userID).SetTokenHash(hashOf(a.cookie.Value)).
				SetCreatedAt(time.Now().Add(-13 * time.Hour)).SetExpiresAt(time.Now().Add(-time.Hour)).ExecX(ctx)
		},
		"account disabled": func(a *api) {
			a.client.User.UpdateOneID(a.userID).SetDisabled(true).ExecX(ctx)
		},
		"password changed": func(a *api) {
			if err := auth.New(a.client).SetPassword(ctx, a.userID, "un'altra-password-lunga"); err != nil {
				t.Fatal(err)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				a := browser(t, db)
				if r := a.signIn("una-password-lunga"); len(r.Errors) > 0 {
					t.Fatalf("sign-in: %s", r.Raw)
				}
				if a.viewerEmail() == "" {
					t.Fatal("not signed in")
				}
				end(a)
				if a.viewerEmail() != "" {
					t.Error("the session still works")
				}
			})
		})
	}
}

func hashOf(token string) string {
	return auth.HashToken(token)
}

func TestThrottling(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := browser(t, db)
		for range 5 {
			a.signIn("non-e-questa-la-password")
		}
		r := a.signIn("una-password-lunga")
		if r.code() != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "too many") || a.cookie != nil {
			t.Fatalf("sixth attempt, right password: %s", r.Raw)
		}
		ctx := rule.SystemContext(context.Background())
		if n := a.client.AuditEvent.Query().Where(auditevent.Action("LOGIN_THROTTLED")).CountX(ctx); n != 1 {
			t.Errorf("throttled attempts audited: %d, want 1", n)
		}
	})
}

func TestCrossSiteRequests(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := browser(t, db)
		a.signIn("una-password-lunga")
		a.origin = "https://evil.example"
		if r := a.post(`{ viewer { email } }`, nil); r.Status != http.StatusForbidden || r.code() != "FORBIDDEN" {
			t.Errorf("foreign Origin: %d %s", r.Status, r.Raw)
		}
		a.origin = "http://example.com" // httptest's host: same origin
		if a.viewerEmail() == "" {
			t.Error("same-origin request refused")
		}
		a.origin = ""
		req, _ := http.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`query=mutation{logout}`))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if r := a.do(req); r.Status != http.StatusForbidden {
			t.Errorf("form post: %d %s", r.Status, r.Raw)
		}
	})
}

func TestAPITokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := browser(t, db)
		a.signIn("una-password-lunga")
		var created struct {
			CreateAPIToken struct {
				Token    string
				APIToken struct {
					ID    gid.ID
					Scope string
				} `json:"apiToken"`
			} `json:"createApiToken"`
		}
		a.ok(`mutation { createApiToken(input: {name: "cooperativa", scope: READ, expiresAt: "`+time.Now().Add(24*time.Hour).UTC().Format(time.RFC3339)+`"}) { token apiToken { id scope } } }`, nil, &created)
		secret := created.CreateAPIToken.Token
		if !strings.HasPrefix(secret, "win_") || created.CreateAPIToken.APIToken.Scope != "READ" {
			t.Fatalf("created %+v", created)
		}
		ctx := rule.SystemContext(context.Background())
		stored := a.client.APIToken.GetX(ctx, created.CreateAPIToken.APIToken.ID)
		if stored.TokenHash == secret || strings.Contains(stored.TokenHash, secret[4:]) {
			t.Fatal("the token is stored in clear")
		}

		client := &api{t: t, handler: a.handler, client: a.client, token: secret}
		if client.viewerEmail() != "operatrice@prova.example" {
			t.Fatal("the token does not act for its user")
		}
		r := client.post(`mutation { createMunicipality(input: {name: "X", istatCode: "048999", population: 1}) { id } }`, nil)
		if r.code() != "FORBIDDEN" {
			t.Errorf("write with a read token: %s", r.Raw)
		}
		if a.client.APIToken.GetX(ctx, stored.ID).LastUsedAt == nil {
			t.Error("last use not recorded")
		}

		var revoked struct {
			RevokeAPIToken struct{ RevokedAt *string } `json:"revokeApiToken"`
		}
		a.ok(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, map[string]any{"id": stored.ID}, &revoked)
		if r := client.post(`{ viewer { email } }`, nil); r.Status != http.StatusUnauthorized || r.code() != "UNAUTHENTICATED" {
			t.Errorf("revoked token: %d %s", r.Status, r.Raw)
		}
		a.client.APIToken.Update().Where(apitoken.ID(stored.ID)).ClearRevokedAt().ExecX(ctx)
		a.client.APIToken.Delete().Where(apitoken.ID(stored.ID)).ExecX(ctx)
		expired, secret2, err := auth.New(a.client).CreateToken(ctx, viewerOf(a), "scaduto", apitoken.ScopeRead, time.Now().Add(time.Second), auth.Request{})
		if err != nil {
			t.Fatal(err)
		}
		a.client.APIToken.Delete().Where(apitoken.ID(expired.ID)).ExecX(ctx)
		a.client.APIToken.Create().SetName("scaduto").SetUserID(a.userID).SetScope(apitoken.ScopeRead).
			SetTokenHash(auth.HashToken(secret2)).SetExpiresAt(time.Now().Add(-time.Minute)).ExecX(ctx)
		client.token = secret2
		if r := client.post(`{ viewer { email } }`, nil); r.Status != http.StatusUnauthorized {
			t.Errorf("expired token: %d %s", r.Status, r.Raw)
		}
		if n := a.client.Session.Query().Where(session.HasUserWith(user.ID(a.userID))).CountX(ctx); n != 1 {
			t.Errorf("%d sessions", n)
		}
	})
}

func viewerOf(a *api) *viewer.Viewer { return &viewer.Viewer{UserID: a.userID} }

// TestBehindProxy: from a trusted proxy, the forwarded client address is
// the one throttled and audited, and a browser that reached the proxy
// over TLS gets a Secure __Host- cookie; from anyone else the headers are
// ignored.
func TestBehindProxy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := browser(t, db)
		a.handler = web.New(web.Options{Client: a.client, DB: db, Ping: db.Ping, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
			TrustedProxies: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}}) // httptest's peer address
		login := func(remote string) *http.Cookie {
			body, _ := json.Marshal(map[string]any{"query": loginMutation, "variables": map[string]any{"e": "operatrice@prova.example", "p": "una-password-lunga"}})
			req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
			req.RemoteAddr = remote
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Forwarded-For", "198.51.100.7, 192.0.2.9")
			req.Header.Set("X-Forwarded-Proto", "https")
			rec := httptest.NewRecorder()
			a.handler.ServeHTTP(rec, req)
			cookies := rec.Result().Cookies()
			if len(cookies) != 1 {
				t.Fatalf("no cookie: %s", rec.Body.String())
			}
			return cookies[0]
		}
		c := login("192.0.2.1:1234")
		if c.Name != "__Host-win_session" || !c.Secure || c.Path != "/" {
			t.Errorf("behind a TLS proxy the cookie is %+v", c)
		}
		ctx := rule.SystemContext(context.Background())
		if ev := a.client.AuditEvent.Query().Where(auditevent.Action("LOGIN")).OnlyX(ctx); ev.ClientAddress != "198.51.100.7" {
			t.Errorf("client address recorded as %q", ev.ClientAddress)
		}
		if c := login("203.0.113.5:1234"); c.Name != "win_session" || c.Secure {
			t.Errorf("an untrusted peer's headers were believed: %+v", c)
		}
	})
}
