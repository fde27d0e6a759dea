package web

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/server/auth"
)

// Live updates are GraphQL subscriptions over Server-Sent Events
// (gqlgen's SSE transport: POST /graphql with Accept: text/event-stream),
// authenticated like any API request. A stream lasts as long as the page
// that opened it, so it escapes the request deadline, the compression
// (which would hold events back) and the server's read and write
// timeouts; it is bounded instead by the number of streams per viewer
// and per process, a write deadline renewed at each event or heartbeat,
// and the viewer's session or token, checked again at each event and
// every minute (notify.Live).

// StreamLimits bound the live updates.
type StreamLimits struct {
	PerViewer int           // open streams of one user; zero means 5
	Total     int           // open streams of the process; zero means 1000
	Heartbeat time.Duration // a comment line kept flowing to the client; zero means 15 s
	Recheck   time.Duration // how often an idle stream checks its viewer is still signed in; zero: notify.DefaultRecheck
}

// DefaultStreamLimits are the limits of zero fields.
var DefaultStreamLimits = StreamLimits{PerViewer: 5, Total: 1000, Heartbeat: 15 * time.Second}

func (l StreamLimits) withDefaults() StreamLimits {
	if l.PerViewer <= 0 {
		l.PerViewer = DefaultStreamLimits.PerViewer
	}
	if l.Total <= 0 {
		l.Total = DefaultStreamLimits.Total
	}
	if l.Heartbeat <= 0 {
		l.Heartbeat = DefaultStreamLimits.Heartbeat
	}
	return l
}

// isStream reports whether a request asks for a stream of events: a
// POST whose Accept puts text/event-stream first. Merely listing it is
// not asking: urql lists it, after JSON, on every request, in case an
// answer comes in parts.
func isStream(r *http.Request) bool {
	if r.Method != http.MethodPost {
		return false
	}
	first, _, _ := strings.Cut(r.Header.Get("Accept"), ",")
	mediaType, _, _ := mime.ParseMediaType(strings.TrimSpace(first))
	return mediaType == "text/event-stream"
}

// sseTransport is gqlgen's SSE transport, taking only the requests that
// ask for a stream (isStream): gqlgen's own test takes any request that
// lists text/event-stream anywhere in Accept.
type sseTransport struct{ transport.SSE }

// Supports implements graphql.Transport.
func (t sseTransport) Supports(r *http.Request) bool { return isStream(r) && t.SSE.Supports(r) }

// streams counts the open streams, to refuse those beyond the limits.
type streams struct {
	limits StreamLimits
	mu     sync.Mutex
	open   map[gid.ID]int
	total  int
}

func newStreams(l StreamLimits) *streams {
	return &streams{limits: l.withDefaults(), open: map[gid.ID]int{}}
}

// acquire takes a place for a user's stream, or says why there is none.
func (s *streams) acquire(user gid.ID) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.open[user] >= s.limits.PerViewer:
		return fmt.Sprintf("at most %d live-update subscriptions may be open at once for a user: close one (another tab?) first", s.limits.PerViewer)
	case s.total >= s.limits.Total:
		return "the server has as many live-update subscriptions open as it can hold: try again later"
	}
	s.open[user]++
	s.total++
	return ""
}

func (s *streams) release(user gid.ID) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.total--
	if s.open[user]--; s.open[user] <= 0 {
		delete(s.open, user)
	}
}

type streamKey struct{}

// gate lets a stream through when a signed-in viewer has room for one,
// lifting the connection's read and write deadlines: the body is read
// already (withBody), and writes get a deadline of their own
// (streamWriter). Other requests pass untouched.
func (s *streams) gate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isStream(r) {
			next.ServeHTTP(w, r)
			return
		}
		v := viewer.FromContext(r.Context())
		if v == nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="WIN"`)
			auth.WriteError(w, http.StatusUnauthorized, CodeUnauthenticated, "live updates need a session or an API token: sign in first")
			return
		}
		if why := s.acquire(v.UserID); why != "" {
			w.Header().Set("Retry-After", "60")
			auth.WriteError(w, http.StatusTooManyRequests, CodeRateLimited, why)
			return
		}
		defer s.release(v.UserID)
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Time{}) // not supported by a test recorder: nothing to lift
		sw := &streamWriter{ResponseWriter: w, rc: rc, grace: 2*s.limits.Heartbeat + 10*time.Second}
		sw.extend()
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), streamKey{}, true)))
	})
}

// streamWriter renews the connection's write deadline before each write,
// so that a client that stopped reading is dropped within a heartbeat or
// two, and a live one is never cut by the server's WriteTimeout.
type streamWriter struct {
	http.ResponseWriter
	rc    *http.ResponseController
	grace time.Duration
}

func (w *streamWriter) extend() { _ = w.rc.SetWriteDeadline(time.Now().Add(w.grace)) }

func (w *streamWriter) Write(b []byte) (int, error) {
	w.extend()
	return w.ResponseWriter.Write(b)
}

// Flush implements http.Flusher, which the SSE transport requires.
func (w *streamWriter) Flush() { _ = w.rc.Flush() }

// Unwrap lets http.ResponseController reach the connection.
func (w *streamWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// subscriptionsStream keeps each transport to its operations: a
// subscription only over a stream, and a stream only for a subscription
// — a query sent as a stream would escape the request deadline.
type subscriptionsStream struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = subscriptionsStream{}

// ExtensionName implements graphql.HandlerExtension.
func (subscriptionsStream) ExtensionName() string { return "WINSubscriptionsStream" }

// Validate implements graphql.HandlerExtension.
func (subscriptionsStream) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (subscriptionsStream) MutateOperationContext(ctx context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil {
		return nil
	}
	stream, _ := ctx.Value(streamKey{}).(bool)
	subscription := rc.Operation.Operation == ast.Subscription
	switch {
	case subscription && !stream:
		return badInput("subscriptions are sent as POST with Accept: text/event-stream (GraphQL over Server-Sent Events)")
	case stream && !subscription:
		return badInput("only subscriptions are sent with Accept: text/event-stream; send queries and mutations as plain POST")
	}
	return nil
}
