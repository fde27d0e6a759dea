package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/progetto-win/win/server/auth"

	"github.com/99designs/gqlgen/graphql"
)

// withBody reads a POST body whole within a limit, as gqlgen would read
// it unbounded — a multipart request, which carries a file, is left to
// gqlgen's multipart transport within uploadLimit — and answers a body that is no GraphQL request — too large
// (413); or, sent as JSON, empty, not JSON, not one object, fields of the
// wrong type (400) — in the shape of a GraphQL response, with a message
// that does not echo it, before any GraphQL machinery sees it.
func withBody(limit, uploadLimit int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		if isUpload(r) {
			if r.ContentLength > uploadLimit {
				auth.WriteError(w, http.StatusRequestEntityTooLarge, CodeBadUserInput, fmt.Sprintf("the request body is larger than %d bytes, the most a file's may be", uploadLimit))
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, uploadLimit)
			next.ServeHTTP(w, r)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			auth.WriteError(w, http.StatusRequestEntityTooLarge, CodeBadUserInput, fmt.Sprintf("the request body is larger than %d bytes", limit))
			return
		case err != nil:
			auth.WriteError(w, http.StatusBadRequest, CodeBadUserInput, "the request body could not be read")
			return
		}
		// Other media types go on, to be refused as such.
		if mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mediaType != "application/json" {
			r.Body = io.NopCloser(bytes.NewReader(body))
			next.ServeHTTP(w, r)
			return
		}
		if msg := undecodable(body); msg != "" {
			auth.WriteError(w, http.StatusBadRequest, CodeBadUserInput, msg)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// undecodable says why a body is not a GraphQL request, or "".
func undecodable(body []byte) string {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return "the request body is empty: send a JSON object with a query"
	}
	const notOne = "the request body must be one JSON object with a query; batches are not supported"
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var params graphql.RawParams
	err := dec.Decode(&params)
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		// null decodes too, and the decoder stops after one value: what
		// follows it would be silently dropped (gqlgen reads it the same way).
		if _, next := dec.Token(); trimmed[0] != '{' || next != io.EOF {
			return notOne
		}
		return ""
	case errors.As(err, &typeErr) && typeErr.Field == "":
		return notOne
	case errors.As(err, &typeErr):
		return fmt.Sprintf("the request body's %q has the wrong type", typeErr.Field)
	}
	return "the request body is not valid JSON"
}
