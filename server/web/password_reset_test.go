package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/passwordtoken"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/mail"
	"github.com/progetto-win/win/server/mail/mailtest"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

const (
	requestReset = `mutation($e: String!) { requestPasswordReset(email: $e) }`
	resetWith    = `mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }`
)

var resetLink = regexp.MustCompile(`https://win\.example/reset-password#([A-Za-z0-9_-]{43})`)

// withMail makes the handler's account service send password links
// through a real SMTP server started for the test.
func withMail(t *testing.T, db *store.DB, a *webtest.API) *mailtest.Server {
	srv := mailtest.Start(t, mailtest.StartTLS)
	cfg, err := mail.ParseConfig(srv.URL, "", "https://win.example")
	if err != nil {
		t.Fatal(err)
	}
	cfg.RootCAs = srv.RootCAs
	a.Accounts.Links = mail.New(a.Client, cfg, db.Dialect == "postgres", slog.New(slog.NewTextHandler(io.Discard, nil)))
	return srv
}

// linkIn returns the token of the last mail's link to an address.
func linkIn(t *testing.T, srv *mailtest.Server, to string) string {
	t.Helper()
	msgs := srv.Messages()
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].To[0] == to {
			_, text, _ := msgs[i].Parts(t)
			m := resetLink.FindStringSubmatch(text)
			if m == nil {
				t.Fatalf("no link in %s", text)
			}
			return m[1]
		}
	}
	t.Fatalf("no mail to %s", to)
	return ""
}

// TestPasswordReset drives the reset through the HTTP handler: the same
// answer for an unknown address, one mail to a known one with a link that
// works once, within 30 minutes, ending every session; the stored copy of
// the mail holds no link, the database no token.
func TestPasswordReset(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		a := webtest.Browser(t, db)
		srv := withMail(t, db, a)
		if r := a.SignIn(rightPassword); len(r.Errors) > 0 {
			t.Fatal(r.Raw)
		}
		anon := *a
		anon.Cookie = nil

		known := anon.Post(requestReset, map[string]any{"e": " Operatrice@Prova.example"})
		unknown := anon.Post(requestReset, map[string]any{"e": "nessuno@prova.example"})
		if known.Raw != unknown.Raw || known.Raw != `{"data":{"requestPasswordReset":true}}` {
			t.Fatalf("answers differ: %s / %s", known.Raw, unknown.Raw)
		}
		if r := anon.Post(requestReset, map[string]any{"e": "  "}); r.Code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "email" {
			t.Errorf("no address: %s", r.Raw)
		}
		a.Accounts.WaitLinks()
		if got := srv.Messages(); len(got) != 1 || got[0].To[0] != operatorEmail {
			t.Fatalf("mails: %+v", got)
		}
		token := linkIn(t, srv, operatorEmail)
		stored := a.Client.OutgoingMail.Query().Where(outgoingmail.KindEQ(outgoingmail.KindPASSWORD_RESET)).OnlyX(ctx)
		if strings.Contains(stored.TextBody+stored.HTMLBody, token) || !strings.Contains(stored.TextBody, "link non conservato") ||
			stored.State != outgoingmail.StateSENT || !strings.Contains(string(srv.Messages()[0].Raw), stored.MessageID) {
			t.Errorf("stored mail: %+v", stored)
		}
		if a.Client.PasswordToken.Query().Where(passwordtoken.TokenHash(auth.HashToken(token))).CountX(ctx) != 1 {
			t.Error("the token's hash is not what is stored")
		}

		// The password rules apply, and a refused password leaves the link usable.
		if r := anon.Post(resetWith, map[string]any{"t": token, "p": "corta"}); r.Code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "password" {
			t.Fatalf("short password: %s", r.Raw)
		}
		const newPassword = "un-altro-segreto-lungo"
		if r := anon.Post(resetWith, map[string]any{"t": token, "p": newPassword}); r.Raw != `{"data":{"resetPassword":true}}` {
			t.Fatalf("reset: %s", r.Raw)
		}
		if n := a.Client.Session.Query().Where(session.HasUserWith(user.Email(operatorEmail))).CountX(ctx); n != 0 {
			t.Errorf("%d sessions survive the reset", n)
		}
		if a.ViewerEmail() != "" {
			t.Error("the old session still works")
		}
		again := anon.Post(resetWith, map[string]any{"t": token, "p": "ancora-un-altro-segreto"})
		bogus := anon.Post(resetWith, map[string]any{"t": strings.Repeat("A", 43), "p": "ancora-un-altro-segreto"})
		if again.Code() != "BAD_USER_INPUT" || again.Errors[0].Extensions["field"] != "token" || again.Raw != bogus.Raw {
			t.Errorf("used link: %s; unknown link: %s", again.Raw, bogus.Raw)
		}
		if r := a.SignIn(newPassword); len(r.Errors) > 0 {
			t.Errorf("sign-in with the new password: %s", r.Raw)
		}

		// A new request voids the previous link; a link expires after 30 minutes.
		anon.Post(requestReset, map[string]any{"e": operatorEmail})
		a.Accounts.WaitLinks()
		first := linkIn(t, srv, operatorEmail)
		anon.Post(requestReset, map[string]any{"e": operatorEmail})
		a.Accounts.WaitLinks()
		second := linkIn(t, srv, operatorEmail)
		if r := anon.Post(resetWith, map[string]any{"t": first, "p": "ancora-un-altro-segreto"}); r.Code() != "BAD_USER_INPUT" {
			t.Errorf("voided link: %s", r.Raw)
		}
		a.Accounts.Now = func() time.Time { return time.Now().Add(auth.ResetValidity + time.Second) }
		if r := anon.Post(resetWith, map[string]any{"t": second, "p": "ancora-un-altro-segreto"}); r.Code() != "BAD_USER_INPUT" {
			t.Errorf("expired link: %s", r.Raw)
		}
		a.Accounts.Now = time.Now

		audit := func(action string) int {
			return a.Client.AuditEvent.Query().Where(auditevent.Action(action)).CountX(ctx)
		}
		if audit("PASSWORD_RESET_REQUESTED") != 4 || audit("PASSWORD_RESET") != 1 {
			t.Errorf("audit: %d requests, %d resets", audit("PASSWORD_RESET_REQUESTED"), audit("PASSWORD_RESET"))
		}
	})
}

// TestPasswordResetThrottled: requests for one address are throttled like
// sign-ins, the same whether or not an account has it.
func TestPasswordResetThrottled(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.Browser(t, db)
		withMail(t, db, a)
		outcomes := func(email string) []string {
			var out []string
			for range 7 {
				body, _ := json.Marshal(map[string]any{"query": requestReset, "variables": map[string]any{"e": email}})
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.RemoteAddr = "203.0.113.9:40000"
				r := a.Do(req)
				switch {
				case len(r.Errors) == 0:
					out = append(out, "ok")
				case r.Code() == "BAD_USER_INPUT" && r.Errors[0].Extensions["field"] == "email" && r.Errors[0].Extensions["reason"] == auth.ThrottledReason:
					out = append(out, "throttled")
				default:
					out = append(out, r.Raw)
				}
			}
			return out
		}
		known, unknown := outcomes(operatorEmail), outcomes("nessuno@prova.example")
		if strings.Join(known, " ") != "ok ok ok ok ok throttled throttled" || strings.Join(known, " ") != strings.Join(unknown, " ") {
			t.Errorf("known %v, unknown %v", known, unknown)
		}
		a.Accounts.WaitLinks()
	})
}

// TestInvitations: creating a user sends them an invitation whose link
// sets their first password; an administrator can send a new one, which
// voids the first, and nobody else can.
func TestInvitations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		w := newWorld(t, db)
		base := w.Base // the handler's account service and client
		srv := withMail(t, db, base)
		admin := webtest.As(t, base, demo.AdminEmail)
		var created struct{ ID string }
		admin.Must(`mutation($o: ID!) { createUser(input: {email: "invitata@prova.example", name: "Invitata", organizationID: $o, roles: [OPERATOR]}) { id } }`,
			map[string]any{"o": w.OpOrg}, &created)
		base.Accounts.WaitLinks()
		first := linkIn(t, srv, "invitata@prova.example")
		h, text, _ := srv.Messages()[0].Parts(t)
		if h["Subject"] != "WIN: sei stato invitato" || !strings.Contains(text, "entro 7 giorni") {
			t.Errorf("invitation %q: %q", h["Subject"], text)
		}
		tok := base.Client.PasswordToken.Query().Where(passwordtoken.TokenHash(auth.HashToken(first))).OnlyX(ctx)
		if tok.Purpose != passwordtoken.PurposeINVITATION || tok.ExpiresAt.Sub(tok.CreatedAt) != auth.InvitationValidity {
			t.Errorf("token %+v", tok)
		}

		// Only administrators invite.
		if r := w.Coord.Post(`mutation($id: ID!) { inviteUser(id: $id) }`, map[string]any{"id": created.ID}); r.Code() != "FORBIDDEN" {
			t.Errorf("a coordinator inviting: %s", r.Raw)
		}
		admin.Must(`mutation($id: ID!) { inviteUser(id: $id) }`, map[string]any{"id": created.ID}, nil)
		base.Accounts.WaitLinks()
		second := linkIn(t, srv, "invitata@prova.example")
		if len(srv.Messages()) != 2 || second == first {
			t.Fatalf("%d mails", len(srv.Messages()))
		}
		anon := *base
		if r := anon.Post(resetWith, map[string]any{"t": first, "p": "la-mia-prima-password"}); r.Code() != "BAD_USER_INPUT" {
			t.Errorf("the voided invitation: %s", r.Raw)
		}
		if r := anon.Post(resetWith, map[string]any{"t": second, "p": "la-mia-prima-password"}); r.Raw != `{"data":{"resetPassword":true}}` {
			t.Errorf("the invitation: %s", r.Raw)
		}
		if r := anon.SignInAs("invitata@prova.example", "la-mia-prima-password"); len(r.Errors) > 0 {
			t.Errorf("sign-in after the invitation: %s", r.Raw)
		}
		if n := base.Client.AuditEvent.Query().Where(auditevent.Action("USER_INVITED")).CountX(ctx); n != 2 {
			t.Errorf("%d invitations audited", n)
		}
	})
}
