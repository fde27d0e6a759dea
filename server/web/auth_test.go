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
	"github.com/progetto-win/win/server/webtest"
)

// TestSessionEnds checks every way a session ends: idle, absolute limit,
// account disabled, password changed.
func TestSessionEnds(t *testing.T) {
	ctx := rule.SystemContext(context.Background())
	for name, end := range map[string]func(a *webtest.API){
		"idle 31 minutes": func(a *webtest.API) {
			a.Accounts.Now = func() time.Time { return time.Now().Add(31 * time.Minute) }
		},
		"past 12 hours": func(a *webtest.API) {
			id := a.Client.Session.Query().OnlyIDX(ctx)
			a.Client.Session.DeleteOneID(id).ExecX(ctx)
			a.Client.Session.Create().SetUserID(a.UserID).SetTokenHash(hashOf(a.Cookie.Value)).
				SetCreatedAt(time.Now().Add(-13 * time.Hour)).SetExpiresAt(time.Now().Add(-time.Hour)).ExecX(ctx)
		},
		"account disabled": func(a *webtest.API) {
			a.Client.User.UpdateOneID(a.UserID).SetDisabled(true).ExecX(ctx)
		},
		"password changed": func(a *webtest.API) {
			if err := auth.New(a.Client).SetPassword(ctx, a.UserID, "un'altra-password-lunga"); err != nil {
				t.Fatal(err)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				a := webtest.Browser(t, db)
				if r := a.SignIn("una-password-lunga"); len(r.Errors) > 0 {
					t.Fatalf("sign-in: %s", r.Raw)
				}
				if a.ViewerEmail() == "" {
					t.Fatal("not signed in")
				}
				end(a)
				if a.ViewerEmail() != "" {
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
		a := webtest.Browser(t, db)
		for range 5 {
			a.SignIn("non-e-questa-la-password")
		}
		r := a.SignIn("una-password-lunga")
		if r.Code() != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "too many") || a.Cookie != nil {
			t.Fatalf("sixth attempt, right password: %s", r.Raw)
		}
		ctx := rule.SystemContext(context.Background())
		if n := a.Client.AuditEvent.Query().Where(auditevent.Action("LOGIN_THROTTLED")).CountX(ctx); n != 1 {
			t.Errorf("throttled attempts audited: %d, want 1", n)
		}
	})
}

func TestCrossSiteRequests(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.Browser(t, db)
		a.SignIn("una-password-lunga")
		a.Origin = "https://evil.example"
		if r := a.Post(`{ viewer { email } }`, nil); r.Status != http.StatusForbidden || r.Code() != "FORBIDDEN" {
			t.Errorf("foreign Origin: %d %s", r.Status, r.Raw)
		}
		a.Origin = "http://example.com" // httptest's host: same origin
		if a.ViewerEmail() == "" {
			t.Error("same-origin request refused")
		}
		a.Origin = ""
		req, _ := http.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`query=mutation{logout}`))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if r := a.Do(req); r.Status != http.StatusForbidden {
			t.Errorf("form post: %d %s", r.Status, r.Raw)
		}
	})
}

func TestAPITokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.Browser(t, db)
		a.SignIn("una-password-lunga")
		var created struct {
			CreateAPIToken struct {
				Token    string
				APIToken struct {
					ID    gid.ID
					Scope string
				} `json:"apiToken"`
			} `json:"createApiToken"`
		}
		a.OK(`mutation { createApiToken(input: {name: "cooperativa", scope: READ, expiresAt: "`+time.Now().Add(24*time.Hour).UTC().Format(time.RFC3339)+`"}) { token apiToken { id scope } } }`, nil, &created)
		secret := created.CreateAPIToken.Token
		if !strings.HasPrefix(secret, "win_") || created.CreateAPIToken.APIToken.Scope != "READ" {
			t.Fatalf("created %+v", created)
		}
		ctx := rule.SystemContext(context.Background())
		stored := a.Client.APIToken.GetX(ctx, created.CreateAPIToken.APIToken.ID)
		if stored.TokenHash == secret || strings.Contains(stored.TokenHash, secret[4:]) {
			t.Fatal("the token is stored in clear")
		}

		client := &webtest.API{T: t, Handler: a.Handler, Client: a.Client, Token: secret}
		if client.ViewerEmail() != "operatrice@prova.example" {
			t.Fatal("the token does not act for its user")
		}
		r := client.Post(`mutation { createMunicipality(input: {name: "X", istatCode: "048999", population: 1}) { id } }`, nil)
		if r.Code() != "FORBIDDEN" {
			t.Errorf("write with a read token: %s", r.Raw)
		}
		a.Accounts.Flush()
		if a.Client.APIToken.GetX(ctx, stored.ID).LastUsedAt == nil {
			t.Error("last use not recorded")
		}

		var revoked struct {
			RevokeAPIToken struct{ RevokedAt *string } `json:"revokeApiToken"`
		}
		a.OK(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, map[string]any{"id": stored.ID}, &revoked)
		if r := client.Post(`{ viewer { email } }`, nil); r.Status != http.StatusUnauthorized || r.Code() != "UNAUTHENTICATED" {
			t.Errorf("revoked token: %d %s", r.Status, r.Raw)
		}
		a.Client.APIToken.Update().Where(apitoken.ID(stored.ID)).ClearRevokedAt().ExecX(ctx)
		a.Client.APIToken.Delete().Where(apitoken.ID(stored.ID)).ExecX(ctx)
		expired, secret2, err := auth.New(a.Client).CreateToken(ctx, viewerOf(a), "scaduto", apitoken.ScopeRead, time.Now().Add(time.Second), auth.Request{})
		if err != nil {
			t.Fatal(err)
		}
		a.Client.APIToken.Delete().Where(apitoken.ID(expired.ID)).ExecX(ctx)
		a.Client.APIToken.Create().SetName("scaduto").SetUserID(a.UserID).SetScope(apitoken.ScopeRead).
			SetTokenHash(auth.HashToken(secret2)).SetExpiresAt(time.Now().Add(-time.Minute)).ExecX(ctx)
		client.Token = secret2
		if r := client.Post(`{ viewer { email } }`, nil); r.Status != http.StatusUnauthorized {
			t.Errorf("expired token: %d %s", r.Status, r.Raw)
		}
		if n := a.Client.Session.Query().Where(session.HasUserWith(user.ID(a.UserID))).CountX(ctx); n != 1 {
			t.Errorf("%d sessions", n)
		}
	})
}

func viewerOf(a *webtest.API) *viewer.Viewer { return &viewer.Viewer{UserID: a.UserID} }

// TestBehindProxy: from a trusted proxy, the forwarded client address is
// the one throttled and audited, and a browser that reached the proxy
// over TLS gets a Secure __Host- cookie; from anyone else the headers are
// ignored.
func TestBehindProxy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.Browser(t, db)
		opts := a.Options(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
		opts.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")} // httptest's peer address
		a.Handler = web.New(opts)
		login := func(remote string) *http.Cookie {
			body, _ := json.Marshal(map[string]any{"query": webtest.LoginMutation, "variables": map[string]any{"e": "operatrice@prova.example", "p": "una-password-lunga"}})
			req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
			req.RemoteAddr = remote
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Forwarded-For", "198.51.100.7, 192.0.2.9")
			req.Header.Set("X-Forwarded-Proto", "https")
			rec := httptest.NewRecorder()
			a.Handler.ServeHTTP(rec, req)
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
		if ev := a.Client.AuditEvent.Query().Where(auditevent.Action("LOGIN")).OnlyX(ctx); ev.ClientAddress != "198.51.100.7" {
			t.Errorf("client address recorded as %q", ev.ClientAddress)
		}
		if c := login("203.0.113.5:1234"); c.Name != "win_session" || c.Secure {
			t.Errorf("an untrusted peer's headers were believed: %+v", c)
		}
	})
}
