package web

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// refusals are the messages withBody answers with: none repeats the body
// but for the name of a field of the request.
var refusals = regexp.MustCompile(`^(the request body is larger than \d+ bytes|the request body is empty: send a JSON object with a query|the request body must be one JSON object with a query; batches are not supported|the request body is not valid JSON|the request body's "(?i:query|operationName|variables|extensions)" has the wrong type)$`)

// FuzzRequestBody sends any body, repeated up to past the size limit, as
// JSON or as something else, through the body decoder: what it passes on
// is the body unchanged, and a JSON body it passes on is one GraphQL
// request object; what it refuses gets 413 past the limit, else 400, as
// a GraphQL error in JSON that does not echo the body.
func FuzzRequestBody(f *testing.F) {
	for _, s := range []string{
		`{"query":"{ viewer { email } }"}`,
		`{"query":"query($id: ID!) { node(id: $id) { id } }","variables":{"id":"cas_x"},"operationName":null}`,
		`{"query":"{ a }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}`,
		`{"query": "{ a }"} {"query": "mutation { b }"}`, `{"query": "{ a }"} garbage`, `{"query": "{ a }"}` + "\n",
		`[{"query":"{ a }"}]`, `{"query": 42}`, `{"variables": "x"}`, `{"QUERY": true}`, `{"query": "\ud800"}`,
		``, ` `, `null`, `"query"`, `{`, `{"query":"` + strings.Repeat("[", 64) + `"}`, strings.Repeat("[", 20000),
	} {
		f.Add([]byte(s), uint16(1), true)
	}
	f.Add([]byte(`{"query":"{ a }","variables":{"x":"`), uint16(65535), true)
	f.Add([]byte(`query { a }`), uint16(1), false)
	const limit = maxBodyBytes
	f.Fuzz(func(t *testing.T, chunk []byte, repeat uint16, asJSON bool) {
		body := chunk
		if repeat > 1 && len(chunk) > 0 {
			body = bytes.Repeat(chunk, min(int(repeat), 2*limit/len(chunk)+1))
		}
		var passed []byte
		next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			passed, _ = io.ReadAll(r.Body)
			w.WriteHeader(http.StatusTeapot)
		})
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		if asJSON {
			req.Header.Set("Content-Type", "application/json; charset=utf-8")
		} else {
			req.Header.Set("Content-Type", "application/graphql")
		}
		rec := httptest.NewRecorder()
		withBody(limit, limit, next).ServeHTTP(rec, req)

		if rec.Code == http.StatusTeapot {
			switch {
			case len(body) > limit:
				t.Fatalf("a body of %d bytes passed a limit of %d", len(body), limit)
			case !bytes.Equal(passed, body):
				t.Fatalf("the body passed on differs from the body sent")
			case asJSON && !oneRequest(body):
				t.Fatalf("passed on a JSON body that is no one GraphQL request: %.200q", body)
			}
			return
		}
		want := http.StatusBadRequest
		if len(body) > limit {
			want = http.StatusRequestEntityTooLarge
		}
		var answer struct {
			Errors []struct {
				Message    string
				Extensions struct{ Code string }
			}
		}
		if rec.Code != want || json.Unmarshal(rec.Body.Bytes(), &answer) != nil || len(answer.Errors) != 1 ||
			answer.Errors[0].Extensions.Code != CodeBadUserInput || !refusals.MatchString(answer.Errors[0].Message) {
			t.Fatalf("refused %d bytes (%.100q) with %d %.300s, want %d and a known message", len(body), body, rec.Code, rec.Body.Bytes(), want)
		}
		if !asJSON && len(body) <= limit {
			t.Fatalf("refused a body of %d bytes that is not JSON: the GraphQL server answers those", len(body))
		}
		if len(body) <= limit && oneRequest(body) {
			t.Fatalf("refused a GraphQL request: %.200q: %s", body, answer.Errors[0].Message)
		}
	})
}

// oneRequest is the decoder's specification, said another way: the body
// is exactly one JSON object whose known fields have their types.
func oneRequest(body []byte) bool {
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) != nil || fields == nil {
		return false
	}
	var typed struct {
		Query, OperationName  *string
		Variables, Extensions *map[string]any
	}
	return json.Unmarshal(body, &typed) == nil
}
