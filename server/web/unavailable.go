package web

import (
	"context"
	"net/http"
	"strconv"
	"sync/atomic"

	"github.com/progetto-win/win/server/store"
)

// answerUnavailable sets the status of an UNAVAILABLE answer.
func answerUnavailable(w http.ResponseWriter) {
	w.Header().Set("Retry-After", strconv.Itoa(store.RetryAfter))
	w.WriteHeader(http.StatusServiceUnavailable)
}

type outageKey struct{}

// markUnavailable records that the request's answer carries an
// UNAVAILABLE error, for withUnavailableStatus.
func markUnavailable(ctx context.Context) {
	if seen, ok := ctx.Value(outageKey{}).(*atomic.Bool); ok {
		seen.Store(true)
	}
}

// withUnavailableStatus answers 503 with Retry-After instead of 200 when
// the GraphQL response carries an UNAVAILABLE error, so that proxies,
// load balancers and clients see an outage as one: gqlgen writes every
// executed operation with 200, and the error presenter, which sees the
// error, cannot reach the response.
func withUnavailableStatus(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen := &atomic.Bool{}
		ctx := context.WithValue(r.Context(), outageKey{}, seen)
		next.ServeHTTP(&outageWriter{ResponseWriter: w, seen: seen}, r.WithContext(ctx))
	})
}

type outageWriter struct {
	http.ResponseWriter
	seen    *atomic.Bool
	written bool
}

func (w *outageWriter) WriteHeader(code int) {
	if !w.written {
		w.written = true
		if code == http.StatusOK && w.seen.Load() {
			answerUnavailable(w.ResponseWriter)
			return
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *outageWriter) Write(b []byte) (int, error) {
	if !w.written {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *outageWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// pingWithin pings the database but answers by the context's deadline
// even if the driver does not: a probe that hangs is a failed probe, and
// orchestrators stop waiting anyway.
func pingWithin(ctx context.Context, ping func(context.Context) error) error {
	done := make(chan error, 1)
	go func() { done <- ping(ctx) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}
