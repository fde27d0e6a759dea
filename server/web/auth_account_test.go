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
	"github.com/progetto-win/win/server/webtest"
)

// otherAdmin returns, on a's handler, another administrator of a's
// organisation, acting by an API token.
func otherAdmin(t *testing.T, a *webtest.API) *webtest.API {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	org := a.Client.User.GetX(ctx, a.UserID).QueryOrganization().OnlyIDX(ctx)
	u := a.Client.User.Create().SetEmail("amministratrice@prova.example").SetName("Amministratrice").
		SetOrganizationID(org).SetRoles([]domain.Role{domain.RoleAdmin}).SaveX(ctx)
	_, secret, err := auth.New(a.Client).CreateToken(ctx, &viewer.Viewer{UserID: u.ID}, "amministrazione", apitoken.ScopeReadWrite, time.Now().Add(time.Hour), auth.Request{})
	if err != nil {
		t.Fatal(err)
	}
	return &webtest.API{T: t, Handler: a.Handler, Client: a.Client, UserID: u.ID, Token: secret}
}

const changePassword = `mutation($c: String!, $n: String!, $r: Boolean!) {
	changePassword(input: {currentPassword: $c, newPassword: $n, revokeApiTokens: $r}) }`

// TestPasswordRules: weak new passwords are refused as BAD_USER_INPUT on
// the field the client sent, by the viewer and by an administrator.
func TestPasswordRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.Browser(t, db) // operatrice@prova.example, named Tester
		a.SignIn(rightPassword)
		admin := otherAdmin(t, a)
		ctx := rule.SystemContext(context.Background())
		admin.Client.User.UpdateOneID(a.UserID).SetName("Giulia Bianchi").ExecX(ctx)
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
			r := a.Post(changePassword, map[string]any{"c": rightPassword, "n": weak, "r": false})
			if r.Code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "newPassword" {
				t.Errorf("changePassword to %q: %s", weak, r.Raw)
			}
			r = admin.Post(`mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) }`, map[string]any{"id": a.UserID, "p": weak})
			if r.Code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "password" {
				t.Errorf("setUserPassword to %q: %s", weak, r.Raw)
			}
		}
		if a.ViewerEmail() == "" {
			t.Fatal("a refused password ended the session")
		}
		long := strings.Repeat("ab1", 42) + "cd" // 128 characters: the most allowed
		var ok struct{ ChangePassword bool }
		a.OK(changePassword, map[string]any{"c": rightPassword, "n": long, "r": false}, &ok)
	})
}

// TestPasswordChangeEndsOtherSessions: changing one's password keeps the
// current session, ends the others, and revokes the API tokens only when
// asked; an administrator's reset ends every session.
func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		here := webtest.Browser(t, db)
		here.SignIn(rightPassword)
		there := &webtest.API{T: t, Handler: here.Handler, Client: here.Client}
		there.SignInAs(operatorEmail, rightPassword)
		_, secret, err := auth.New(here.Client).CreateToken(ctx, &viewer.Viewer{UserID: here.UserID}, "cooperativa", apitoken.ScopeReadWrite, time.Now().Add(time.Hour), auth.Request{})
		if err != nil {
			t.Fatal(err)
		}
		client := &webtest.API{T: t, Handler: here.Handler, Client: here.Client, Token: secret}

		var ok struct{ ChangePassword bool }
		here.OK(changePassword, map[string]any{"c": rightPassword, "n": "seconda-password-lunga", "r": false}, &ok)
		if here.ViewerEmail() == "" || there.ViewerEmail() != "" {
			t.Fatal("want the current session kept and the other ended")
		}
		if client.ViewerEmail() == "" {
			t.Fatal("the token was revoked without being asked")
		}
		there.SignInAs(operatorEmail, "seconda-password-lunga")
		here.OK(changePassword, map[string]any{"c": "seconda-password-lunga", "n": "terza-password-lunga", "r": true}, &ok)
		if r := client.Post(`{ viewer { email } }`, nil); r.Code() != "UNAUTHENTICATED" {
			t.Errorf("the token survived a change asking to revoke it: %s", r.Raw)
		}
		if here.ViewerEmail() == "" || there.ViewerEmail() != "" {
			t.Error("second change: want the current session kept and the other ended")
		}

		admin := otherAdmin(t, here)
		var set struct{ SetUserPassword bool }
		admin.OK(`mutation($id: ID!) { setUserPassword(id: $id, password: "quarta-password-lunga") }`, map[string]any{"id": here.UserID}, &set)
		if here.ViewerEmail() != "" {
			t.Error("an administrator's reset left a session open")
		}
	})
}

// TestDisablingEndsAccessForGood: disabling a user ends their sessions
// and revokes their tokens; enabling them again brings neither back.
func TestDisablingEndsAccessForGood(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		user := webtest.Browser(t, db)
		user.SignIn(rightPassword)
		_, secret, err := auth.New(user.Client).CreateToken(ctx, &viewer.Viewer{UserID: user.UserID}, "cooperativa", apitoken.ScopeRead, time.Now().Add(time.Hour), auth.Request{})
		if err != nil {
			t.Fatal(err)
		}
		client := &webtest.API{T: t, Handler: user.Handler, Client: user.Client, Token: secret}
		admin := otherAdmin(t, user)
		setDisabled := func(disabled bool) {
			var out struct{ UpdateUser struct{ Disabled bool } }
			admin.OK(`mutation($id: ID!, $d: Boolean!) { updateUser(id: $id, input: {disabled: $d}) { disabled } }`,
				map[string]any{"id": user.UserID, "d": disabled}, &out)
		}
		setDisabled(true)
		setDisabled(false)
		if user.ViewerEmail() != "" {
			t.Error("the session came back with the account")
		}
		if r := client.Post(`{ viewer { email } }`, nil); r.Code() != "UNAUTHENTICATED" {
			t.Errorf("the token came back with the account: %s", r.Raw)
		}
		if n := user.Client.APIToken.Query().Where(apitoken.RevokedAtIsNil()).CountX(ctx); n != 1 { // the administrator's own
			t.Errorf("%d live tokens, want only the administrator's", n)
		}
	})
}
