package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// otherAdmin returns, on a's handler, another administrator of a's
// organisation, acting by an API token.
func otherAdmin(t *testing.T, a *api) *api {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	org := a.client.User.GetX(ctx, a.userID).QueryOrganization().OnlyIDX(ctx)
	u := a.client.User.Create().SetEmail("amministratrice@prova.example").SetName("Amministratrice").
		SetOrganizationID(org).SetRoles([]domain.Role{domain.RoleAdmin}).SaveX(ctx)
	_, secret, err := auth.New(a.client).CreateToken(ctx, &viewer.Viewer{UserID: u.ID}, "amministrazione", apitoken.ScopeReadWrite, time.Now().Add(time.Hour), auth.Request{})
	if err != nil {
		t.Fatal(err)
	}
	return &api{t: t, handler: a.handler, client: a.client, userID: u.ID, token: secret}
}

const changePassword = `mutation($c: String!, $n: String!, $r: Boolean!) {
	changePassword(input: {currentPassword: $c, newPassword: $n, revokeApiTokens: $r}) }`

// TestPasswordRules: weak new passwords are refused as BAD_USER_INPUT on
// the field the client sent, by the viewer and by an administrator.
func TestPasswordRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := browser(t, db) // operatrice@prova.example, named Tester
		a.signIn(rightPassword)
		admin := otherAdmin(t, a)
		ctx := rule.SystemContext(context.Background())
		admin.client.User.UpdateOneID(a.userID).SetName("Giulia Bianchi").ExecX(ctx)
		for _, weak := range []string{
			"               ",  // only spaces
			"aaaaaaaaaaaaaaaa", // one character
			"ééééééééééééé",    // one character, not ASCII
			"corta",            // too short
			strings.Repeat("x", 12) + strings.Repeat("yz", 60), // 132 characters
			"password1234",             // common
			"operatrice@prova.example", // the e-mail
			"Operatrice-2026!",         // the e-mail's local part, any case
			"giulia bianchi 2026",      // the name
		} {
			r := a.post(changePassword, map[string]any{"c": rightPassword, "n": weak, "r": false})
			if r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "newPassword" {
				t.Errorf("changePassword to %q: %s", weak, r.Raw)
			}
			r = admin.post(`mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) }`, map[string]any{"id": a.userID, "p": weak})
			if r.code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "password" {
				t.Errorf("setUserPassword to %q: %s", weak, r.Raw)
			}
		}
		if a.viewerEmail() == "" {
			t.Fatal("a refused password ended the session")
		}
		long := strings.Repeat("ab1", 42) + "cd" // 128 characters: the most allowed
		var ok struct{ ChangePassword bool }
		a.ok(changePassword, map[string]any{"c": rightPassword, "n": long, "r": false}, &ok)
	})
}

// TestPasswordChangeEndsOtherSessions: changing one's password keeps the
// current session, ends the others, and revokes the API tokens only when
// asked; an administrator's reset ends every session.
func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		here := browser(t, db)
		here.signIn(rightPassword)
		there := &api{t: t, handler: here.handler, client: here.client}
		there.signInAs(operatorEmail, rightPassword)
		_, secret, err := auth.New(here.client).CreateToken(ctx, &viewer.Viewer{UserID: here.userID}, "cooperativa", apitoken.ScopeReadWrite, time.Now().Add(time.Hour), auth.Request{})
		if err != nil {
			t.Fatal(err)
		}
		client := &api{t: t, handler: here.handler, client: here.client, token: secret}

		var ok struct{ ChangePassword bool }
		here.ok(changePassword, map[string]any{"c": rightPassword, "n": "seconda-password-lunga", "r": false}, &ok)
		if here.viewerEmail() == "" || there.viewerEmail() != "" {
			t.Fatal("want the current session kept and the other ended")
		}
		if client.viewerEmail() == "" {
			t.Fatal("the token was revoked without being asked")
		}
		there.signInAs(operatorEmail, "seconda-password-lunga")
		here.ok(changePassword, map[string]any{"c": "seconda-password-lunga", "n": "terza-password-lunga", "r": true}, &ok)
		if r := client.post(`{ viewer { email } }`, nil); r.code() != "UNAUTHENTICATED" {
			t.Errorf("the token survived a change asking to revoke it: %s", r.Raw)
		}
		if here.viewerEmail() == "" || there.viewerEmail() != "" {
			t.Error("second change: want the current session kept and the other ended")
		}

		admin := otherAdmin(t, here)
		var set struct{ SetUserPassword bool }
		admin.ok(`mutation($id: ID!) { setUserPassword(id: $id, password: "quarta-password-lunga") }`, map[string]any{"id": here.userID}, &set)
		if here.viewerEmail() != "" {
			t.Error("an administrator's reset left a session open")
		}
	})
}

// TestDisablingEndsAccessForGood: disabling a user ends their sessions
// and revokes their tokens; enabling them again brings neither back.
func TestDisablingEndsAccessForGood(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		user := browser(t, db)
		user.signIn(rightPassword)
		_, secret, err := auth.New(user.client).CreateToken(ctx, &viewer.Viewer{UserID: user.userID}, "cooperativa", apitoken.ScopeRead, time.Now().Add(time.Hour), auth.Request{})
		if err != nil {
			t.Fatal(err)
		}
		client := &api{t: t, handler: user.handler, client: user.client, token: secret}
		admin := otherAdmin(t, user)
		setDisabled := func(disabled bool) {
			var out struct{ UpdateUser struct{ Disabled bool } }
			admin.ok(`mutation($id: ID!, $d: Boolean!) { updateUser(id: $id, input: {disabled: $d}) { disabled } }`,
				map[string]any{"id": user.userID, "d": disabled}, &out)
		}
		setDisabled(true)
		setDisabled(false)
		if user.viewerEmail() != "" {
			t.Error("the session came back with the account")
		}
		if r := client.post(`{ viewer { email } }`, nil); r.code() != "UNAUTHENTICATED" {
			t.Errorf("the token came back with the account: %s", r.Raw)
		}
		if n := user.client.APIToken.Query().Where(apitoken.RevokedAtIsNil()).CountX(ctx); n != 1 { // the administrator's own
			t.Errorf("%d live tokens, want only the administrator's", n)
		}
	})
}
