package webtest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/web"
)

// API drives the real HTTP handler, as a client would: with an API token
// of a user who is ADMIN and STEERING, unless Token is emptied.
type API struct {
	T       testing.TB
	Handler http.Handler
	Client  *ent.Client
	// Accounts is the handler's account service: Flush waits for the
	// uses of sessions and tokens it writes behind the requests.
	Accounts *auth.Service
	UserID   gid.ID
	TokenID  gid.ID
	Token    string
	Cookie   *http.Cookie // sent when set, as a browser would
	Origin   string       // the Origin header, when set
}

// NewAPI returns a client of a new handler over db, holding the API token
// of a fresh ADMIN and STEERING user.
func NewAPI(t *testing.T, db *store.DB, opts ...ent.Option) *API {
	t.Helper()
	client := db.Client(opts...)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	a := &API{T: t, Client: client, Accounts: Accounts(t, client)}
	a.Handler = web.New(a.Options(db, logger))
	ctx := rule.SystemContext(context.Background())
	org := client.Organization.Create().SetName("Ente di prova").SetKind(organization.KindOther).SaveX(ctx)
	u := client.User.Create().SetEmail("tester@prova.example").SetName("Tester").SetOrganization(org).
		SetRoles([]domain.Role{domain.RoleAdmin, domain.RoleSteering}).SaveX(ctx)
	tok, secret, err := auth.New(client).CreateToken(ctx, &viewer.Viewer{UserID: u.ID}, "tests", apitoken.ScopeReadWrite, time.Now().Add(time.Hour), auth.Request{})
	if err != nil {
		t.Fatal(err)
	}
	a.UserID, a.TokenID, a.Token = u.ID, tok.ID, secret
	return a
}

// Accounts returns an account service as the server's, with a cache of
// viewers, trusted as on SQLite, since the test is the database's one
// process. Its writes behind the requests end before the test's database
// is dropped.
func Accounts(t testing.TB, client *ent.Client) *auth.Service {
	accounts := auth.NewCached(client, auth.NewCache(true))
	t.Cleanup(accounts.Flush)
	return accounts
}

// Options are the handler's options over the API's client and accounts.
func (a *API) Options(db *store.DB, logger *slog.Logger) web.Options {
	return web.Options{Client: a.Client, Accounts: a.Accounts, DB: db, Indicators: indicator.NewCache(true), Ping: db.Ping, Logger: logger}
}

// GQLError is one entry of a response's errors.
type GQLError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Response is an HTTP answer of the GraphQL endpoint, decoded.
type Response struct {
	Header http.Header
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []GQLError      `json:"errors"`
	Raw    string
}

// Code returns the extensions.code of the first error, or "".
func (r Response) Code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// Post sends a GraphQL request by POST.
func (a *API) Post(query string, vars map[string]any) Response {
	a.T.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return a.Do(req)
}

// Upload sends a GraphQL multipart request (the convention of
// github.com/jaydenseric/graphql-multipart-request-spec) with one file,
// for the variable at path (e.g. "input.file"), which vars leave out.
func (a *API) Upload(query string, vars map[string]any, path, fileName string, content []byte) Response {
	a.T.Helper()
	req := UploadRequest(a.T, query, vars, path, fileName, content)
	if a.Origin == "" {
		req.Header.Set("Origin", "http://"+req.Host) // as browsers send with every form
	}
	return a.Do(req)
}

// UploadRequest is the multipart request Upload sends.
func UploadRequest(t testing.TB, query string, vars map[string]any, path, fileName string, content []byte) *http.Request {
	t.Helper()
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	operations, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := json.Marshal(map[string][]string{"0": {"variables." + path}})
	_ = form.WriteField("operations", string(operations))
	_ = form.WriteField("map", string(files))
	part, err := form.CreateFormFile("0", fileName)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = part.Write(content)
	_ = form.Close()
	req := httptest.NewRequest(http.MethodPost, "/graphql", &body)
	req.Header.Set("Content-Type", form.FormDataContentType())
	return req
}

// Get sends a GraphQL request by GET.
func (a *API) Get(query string) Response {
	a.T.Helper()
	req := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(query), nil)
	return a.Do(req)
}

// Fetch sends a request with the client's credentials and Origin, and
// returns the answer as it is: a file, a CSV.
func (a *API) Fetch(req *http.Request) *httptest.ResponseRecorder {
	a.T.Helper()
	if a.Token != "" {
		req.Header.Set("Authorization", "Bearer "+a.Token)
	}
	if a.Cookie != nil {
		req.AddCookie(a.Cookie)
	}
	if a.Origin != "" {
		req.Header.Set("Origin", a.Origin)
	}
	rec := httptest.NewRecorder()
	a.Handler.ServeHTTP(rec, req)
	return rec
}

// Do sends a request with the client's credentials and Origin, and decodes
// the answer, which must be JSON.
func (a *API) Do(req *http.Request) Response {
	a.T.Helper()
	rec := a.Fetch(req)
	r := Response{Status: rec.Code, Raw: rec.Body.String(), Header: rec.Header()}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		a.T.Fatalf("response is not JSON (%d): %s", rec.Code, rec.Body.String())
	}
	return r
}

// OK sends a query that must succeed and decodes its data into out.
func (a *API) OK(query string, vars map[string]any, out any) {
	a.T.Helper()
	r := a.Post(query, vars)
	if len(r.Errors) > 0 || r.Status != http.StatusOK {
		a.T.Fatalf("query failed (%d): %s", r.Status, r.Raw)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		a.T.Fatalf("decoding %s: %v", r.Data, err)
	}
}

// Send posts a request and decodes the one root field's value into out.
func (a *API) Send(query string, vars map[string]any, out any) Response {
	a.T.Helper()
	r := a.Post(query, vars)
	if len(r.Errors) == 0 && out != nil {
		var data map[string]json.RawMessage
		if err := json.Unmarshal(r.Data, &data); err != nil {
			a.T.Fatal(err)
		}
		for _, v := range data {
			if err := json.Unmarshal(v, out); err != nil {
				a.T.Fatal(err)
			}
		}
	}
	return r
}

// Must posts a request that must succeed.
func (a *API) Must(query string, vars map[string]any, out any) {
	a.T.Helper()
	if r := a.Send(query, vars, out); len(r.Errors) > 0 {
		a.T.Fatalf("%s: %s", query, r.Raw)
	}
}

// Count sends a query of one connection and returns its totalCount.
func (a *API) Count(query string, vars map[string]any) int {
	a.T.Helper()
	var out map[string]struct{ TotalCount int }
	a.OK(query, vars, &out)
	for _, v := range out {
		return v.TotalCount
	}
	return -1
}

// From sends a query as a client at an address, with a token or none.
func (a *API) From(address, token, query string) Response {
	a.T.Helper()
	req := httptest.NewRequest(http.MethodGet, "/graphql?query="+strings.ReplaceAll(query, " ", "+"), nil)
	req.RemoteAddr = address + ":40000"
	c := *a
	c.Token = token
	return c.Do(req)
}

// LogBuffer collects a handler's log, written by concurrent requests.
type LogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *LogBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Rebuild replaces the API's handler with one of these options, over the
// same client, and returns its log.
func (a *API) Rebuild(db *store.DB, set func(*web.Options)) *LogBuffer {
	log := &LogBuffer{}
	opts := a.Options(db, slog.New(slog.NewTextHandler(log, nil)))
	if set != nil {
		set(&opts)
	}
	a.Handler = web.New(opts)
	return log
}

// Leaks lists words that betray SQL or internals in a message.
var Leaks = []string{"sql", "SQL", "constraint", "UNIQUE", "duplicate key", "pq:", "ent:", "goroutine", "violates"}

// AssertNoLeak fails the test if an error message of r names internals.
func AssertNoLeak(t *testing.T, r Response) {
	t.Helper()
	for _, e := range r.Errors {
		for _, w := range Leaks {
			if strings.Contains(e.Message, w) {
				t.Errorf("error message leaks %q: %s", w, e.Message)
			}
		}
	}
}

// Refused checks a request is refused with a code and, when given, the
// field the error names.
func Refused(t *testing.T, r Response, code, field string) {
	t.Helper()
	if r.Code() != code {
		t.Fatalf("want %s, got %s", code, r.Raw)
	}
	if f, _ := r.Errors[0].Extensions["field"].(string); field != "" && f != field {
		t.Fatalf("want the error on %s, got %q: %s", field, f, r.Raw)
	}
	AssertNoLeak(t, r)
}
