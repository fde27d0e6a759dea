package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// request is a GraphQL request body.
type request struct {
	Query     string         `json:"query"`
	Variables map[string]any `json:"variables,omitempty"`
}

// answer is a GraphQL response: data, and the errors with their codes.
type answer struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// code is the first error's extensions.code, "" when there is none.
func (a *answer) code() string {
	if len(a.Errors) == 0 {
		return ""
	}
	if c, ok := a.Errors[0].Extensions["code"].(string); ok {
		return c
	}
	return "NO_CODE"
}

// jsonBody encodes a GraphQL request.
func jsonBody(query string, vars map[string]any) []byte {
	b, err := json.Marshal(request{Query: query, Variables: vars})
	if err != nil {
		panic(err) // the documents and variables are the tool's own
	}
	return b
}

// call sends one GraphQL request outside the measured attack: sign-in,
// the set-up's look-ups and the final read of the funds.
func call(ctx context.Context, hc *http.Client, base, cookie, query string, vars map[string]any, into any) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/graphql", bytes.NewReader(jsonBody(query, vars)))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var a answer
	if err := json.Unmarshal(body, &a); err != nil {
		return nil, fmt.Errorf("HTTP %d: %s", resp.StatusCode, strings.TrimSpace(string(body)))
	}
	if len(a.Errors) > 0 {
		return nil, fmt.Errorf("%s: %s", a.code(), a.Errors[0].Message)
	}
	if into != nil {
		if err := json.Unmarshal(a.Data, into); err != nil {
			return nil, err
		}
	}
	return resp, nil
}

// signIn opens a session as a browser does and returns its cookie.
func signIn(ctx context.Context, hc *http.Client, base, email, password string) (string, error) {
	resp, err := call(ctx, hc, base, "", signInDoc, map[string]any{"input": map[string]any{"email": email, "password": password}}, nil)
	if err != nil {
		return "", fmt.Errorf("signing in as %s: %w", email, err)
	}
	for _, c := range resp.Cookies() {
		if strings.HasSuffix(c.Name, "win_session") && c.Value != "" {
			return c.Name + "=" + c.Value, nil
		}
	}
	return "", fmt.Errorf("signing in as %s: no session cookie", email)
}
