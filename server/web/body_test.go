package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestUndecodableBodies sends bodies that are no GraphQL request: each
// gets the GraphQL-over-HTTP error answer — 400, or 413 when too large —
// not echoing the body, and the log has no error or stack trace.
func TestUndecodableBodies(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := webtest.NewAPI(t, db)
		log := a.Rebuild(db, nil)
		for _, tc := range []struct {
			name, body string
			status     int
		}{
			{"malformed JSON", `{"query": "{ viewer { email } }"`, http.StatusBadRequest},
			{"batch", `[{"query": "{ viewer { email } }"}, {"query": "{ viewer { email } }"}]`, http.StatusBadRequest},
			{"two objects", `{"query": "{ viewer { email } }"} {"query": "mutation { signOut }"}`, http.StatusBadRequest},
			{"null", `null`, http.StatusBadRequest},
			{"query of the wrong type", `{"query": 42}`, http.StatusBadRequest},
			{"variables of the wrong type", `{"query": "{ viewer { email } }", "variables": "x"}`, http.StatusBadRequest},
			{"empty", ``, http.StatusBadRequest},
			{"over 1 MiB", `{"query": "{ viewer { email } }", "variables": {"x": "` + strings.Repeat("x", 1<<20) + `"}}`, http.StatusRequestEntityTooLarge},
		} {
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(tc.body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+a.Token)
			rec := httptest.NewRecorder()
			a.Handler.ServeHTTP(rec, req)
			var r webtest.Response
			if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil || rec.Code != tc.status || r.Code() != "BAD_USER_INPUT" || len(r.Errors) != 1 {
				t.Errorf("%s: %d %.300s", tc.name, rec.Code, rec.Body.String())
				continue
			}
			if tc.body != "" && strings.Contains(r.Errors[0].Message, tc.body[:min(len(tc.body), 20)]) {
				t.Errorf("%s: the error echoes the body: %s", tc.name, r.Errors[0].Message)
			}
		}
		for _, bad := range []string{"level=ERROR", "panic", "goroutine"} {
			if strings.Contains(log.String(), bad) {
				t.Errorf("the log has %q:\n%s", bad, log.String())
			}
		}
	})
}
