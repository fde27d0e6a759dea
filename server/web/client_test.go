package web_test

import (
	"context"
	"time"

	"github.com/progetto-win/win/ent/schema/rule"

	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/server/auth"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/web"
)

// api drives the real HTTP handler, as a client would: with an API token
// of a user who is ADMIN and STEERING, unless token is emptied.
type api struct {
	t       *testing.T
	handler http.Handler
	client  *ent.Client
	userID  gid.ID
	tokenID gid.ID
	token   string
	cookie  *http.Cookie // sent when set, as a browser would
	origin  string       // the Origin header, when set
}

func newAPI(t *testing.T, db *store.DB, opts ...ent.Option) *api {
	t.Helper()
	client := db.Client(opts...)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	a := &api{t: t, client: client, handler: web.New(web.Options{Client: client, DB: db, Ping: db.Ping, Logger: logger})}
	ctx := rule.SystemContext(context.Background())
	org := client.Organization.Create().SetName("Ente di prova").SetKind(organization.KindOther).SaveX(ctx)
	u := client.User.Create().SetEmail("tester@prova.example").SetName("Tester").SetOrganization(org).
		SetRoles([]domain.Role{domain.RoleAdmin, domain.RoleSteering}).SaveX(ctx)
	tok, secret, err := auth.New(client).CreateToken(ctx, &viewer.Viewer{UserID: u.ID}, "tests", apitoken.ScopeReadWrite, time.Now().Add(time.Hour), auth.Request{})
	if err != nil {
		t.Fatal(err)
	}
	a.userID, a.tokenID, a.token = u.ID, tok.ID, secret
	return a
}

// gqlError is one entry of a response's errors.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type response struct {
	Header http.Header
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
	Raw    string
}

// code returns the extensions.code of the first error, or "".
func (r response) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// post sends a GraphQL request by POST.
func (a *api) post(query string, vars map[string]any) response {
	a.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return a.do(req)
}

// get sends a GraphQL request by GET.
func (a *api) get(query string) response {
	a.t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(query), nil)
	return a.do(req)
}

func (a *api) do(req *http.Request) response {
	a.t.Helper()
	if a.token != "" {
		req.Header.Set("Authorization", "Bearer "+a.token)
	}
	if a.cookie != nil {
		req.AddCookie(a.cookie)
	}
	if a.origin != "" {
		req.Header.Set("Origin", a.origin)
	}
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	r := response{Status: rec.Code, Raw: rec.Body.String(), Header: rec.Header()}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		a.t.Fatalf("response is not JSON (%d): %s", rec.Code, rec.Body.String())
	}
	return r
}

// ok sends a query that must succeed and decodes its data into out.
func (a *api) ok(query string, vars map[string]any, out any) {
	a.t.Helper()
	r := a.post(query, vars)
	if len(r.Errors) > 0 || r.Status != http.StatusOK {
		a.t.Fatalf("query failed (%d): %s", r.Status, r.Raw)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		a.t.Fatalf("decoding %s: %v", r.Data, err)
	}
}

// logBuffer collects a handler's log, written by concurrent requests.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// rebuild replaces the API's handler with one of these options, over the
// same client, and returns its log.
func (a *api) rebuild(db *store.DB, set func(*web.Options)) *logBuffer {
	log := &logBuffer{}
	opts := web.Options{Client: a.client, DB: db, Ping: db.Ping, Logger: slog.New(slog.NewTextHandler(log, nil))}
	if set != nil {
		set(&opts)
	}
	a.handler = web.New(opts)
	return log
}
