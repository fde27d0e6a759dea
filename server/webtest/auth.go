package webtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
)

// LoginMutation signs in with $e and $p.
const LoginMutation = `mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { viewer { email roles } } }`

// The test operator's account of Browser.
const (
	OperatorEmail = "operatrice@prova.example"
	RightPassword = "una-password-lunga"
)

// Browser returns an API client without token, signing in as a browser.
func Browser(t *testing.T, db *store.DB) *API {
	t.Helper()
	a := NewAPI(t, db)
	a.Token = ""
	ctx := rule.SystemContext(context.Background())
	u := a.Client.User.UpdateOneID(a.UserID).SetEmail(OperatorEmail).SaveX(ctx)
	if err := auth.New(a.Client).SetPassword(ctx, u.ID, RightPassword); err != nil {
		t.Fatal(err)
	}
	return a
}

// SignIn logs in as the test operator and keeps the session cookie.
func (a *API) SignIn(password string) Response {
	a.T.Helper()
	return a.SignInAs("Operatrice@Prova.example ", password)
}

// SignInAs logs in and keeps the session cookie, if one is set.
func (a *API) SignInAs(email, password string) Response {
	a.T.Helper()
	r := a.Post(LoginMutation, map[string]any{"e": email, "p": password})
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == "win_session" {
			a.Cookie = c
		}
	}
	return r
}

// SignInFrom sends a sign-in from a client address, safely from many
// goroutines at once: it reports what it got instead of failing the test.
func (a *API) SignInFrom(address, email, password string) (Response, error) {
	body, _ := json.Marshal(map[string]any{"query": LoginMutation, "variables": map[string]any{"e": email, "p": password}})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.RemoteAddr = address + ":40000"
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	a.Handler.ServeHTTP(rec, req)
	r := Response{Status: rec.Code, Raw: rec.Body.String(), Header: rec.Header()}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		return r, fmt.Errorf("response is not JSON (%d): %s", rec.Code, rec.Body.String())
	}
	return r, nil
}

// ViewerEmail is the signed-in viewer's email, or "" for nobody.
func (a *API) ViewerEmail() string {
	a.T.Helper()
	var out struct{ Viewer *struct{ Email string } }
	a.OK(`{ viewer { email } }`, nil, &out)
	if out.Viewer == nil {
		return ""
	}
	return out.Viewer.Email
}
