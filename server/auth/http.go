package auth

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/server/store"
)

// Cookie names: with TLS the __Host- prefix binds the cookie to this host,
// secure, on every path.
const (
	cookieName       = "win_session"
	secureCookieName = "__Host-win_session"
)

// Middleware authenticates requests and guards cookie-authenticated ones
// against cross-site request forgery.
type Middleware struct {
	Service   *Service
	Origins   []string                         // other origins allowed to send writes
	RequestID func(ctx context.Context) string // from the request-ID middleware
	Logger    *slog.Logger
	// TrustedProxies are the reverse proxies whose X-Forwarded-For and
	// X-Forwarded-Proto are believed: the client's address, and whether
	// the browser reached the server over TLS.
	TrustedProxies []netip.Prefix
}

type requestKey struct{}

// requestState is what resolvers of sign-in and sign-out need of the HTTP
// exchange.
type requestState struct {
	req    Request
	w      http.ResponseWriter
	secure bool
	// signedIn is the viewer of a session this request opened.
	signedIn *viewer.Viewer
}

// RequestFrom returns where the current request comes from.
func RequestFrom(ctx context.Context) Request {
	if s, ok := ctx.Value(requestKey{}).(*requestState); ok {
		return s.req
	}
	return Request{}
}

// StartSession sends the token of a session this request opened to the
// browser, and keeps its viewer for the rest of the answer (SignedIn).
func StartSession(ctx context.Context, token string, v *viewer.Viewer) {
	if s, ok := ctx.Value(requestKey{}).(*requestState); ok {
		http.SetCookie(s.w, s.cookie(token, int(AbsoluteTimeout.Seconds())))
		s.signedIn = v
	}
}

// SignedIn returns the viewer of a session this request opened, or nil:
// the answer of a sign-in reads as the user who just signed in.
func SignedIn(ctx context.Context) *viewer.Viewer {
	if s, ok := ctx.Value(requestKey{}).(*requestState); ok {
		return s.signedIn
	}
	return nil
}

// ClearSessionCookie removes the session cookie.
func ClearSessionCookie(ctx context.Context) {
	if s, ok := ctx.Value(requestKey{}).(*requestState); ok {
		http.SetCookie(s.w, s.cookie("", -1))
	}
}

func (s *requestState) cookie(value string, maxAge int) *http.Cookie {
	name := cookieName
	if s.secure {
		name = secureCookieName
	}
	// Secure follows the request's scheme: plain HTTP is local development.
	return &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode} //nolint:gosec // G124: see above
}

// Handler wraps next with authentication.
func (m *Middleware) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		address, secure := m.origin(r)
		state := &requestState{w: w, secure: secure, req: Request{
			ClientAddress: address, UserAgent: r.UserAgent(), RequestID: m.RequestID(ctx),
		}}
		ctx = context.WithValue(ctx, requestKey{}, state)

		var v *viewer.Viewer
		bearer, hasBearer := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if hasBearer {
			var err error
			v, err = m.Service.AuthenticateToken(ctx, strings.TrimSpace(bearer), state.req)
			if err != nil && ctx.Err() != nil {
				m.interrupted(w, r, state.req.RequestID)
				return
			}
			if err != nil {
				if o := store.OutageOf(err); o != store.NoOutage {
					m.unavailable(ctx, w, o, err)
					return
				}
				if !errors.Is(err, ErrInvalidToken) {
					m.Logger.ErrorContext(ctx, "authenticating a token", "error", err, "request_id", state.req.RequestID)
				}
				unauthenticated(w, ErrInvalidToken.Error())
				return
			}
		} else if c, err := r.Cookie(state.cookie("", 0).Name); err == nil && c.Value != "" {
			if v, err = m.Service.Authenticate(ctx, c.Value); err != nil {
				if ctx.Err() != nil {
					m.interrupted(w, r, state.req.RequestID)
					return
				}
				if o := store.OutageOf(err); o != store.NoOutage {
					m.unavailable(ctx, w, o, err)
					return
				}
				m.Logger.ErrorContext(ctx, "authenticating a session", "error", err, "request_id", state.req.RequestID)
				http.Error(w, "internal error", http.StatusInternalServerError)
				return
			}
			if v == nil {
				http.SetCookie(w, state.cookie("", -1)) // ended: forget it
			}
			if reason := m.forgery(r); reason != "" {
				forbidden(w, reason)
				return
			}
		} else if reason := m.forgery(r); reason != "" {
			forbidden(w, reason) // sign-in forgery: a foreign site signing a browser in
			return
		}
		if v != nil {
			v.RequestID, v.ClientAddress = state.req.RequestID, state.req.ClientAddress
			ctx = viewer.NewContext(ctx, v)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// forgery says why a browser request may come from another site: a write
// (POST) must be JSON — which a cross-site form cannot send without a
// preflight — or a file with its Origin, and its Origin, when the browser
// sends one, must be this server or an allowed origin.
func (m *Middleware) forgery(r *http.Request) string {
	if r.Method != http.MethodPost {
		return ""
	}
	origin := r.Header.Get("Origin")
	switch mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); {
	case mediaType == "application/json":
	case mediaType == "multipart/form-data" && origin != "":
		// A file (a GraphQL multipart request): a cross-site form can
		// send one without a preflight, so it must say where it comes
		// from, as browsers do, and come from here.
	default:
		return "requests that change data must have Content-Type: application/json, or multipart/form-data with an Origin for files"
	}
	if origin == "" {
		if r.Header.Get("Cookie") != "" && r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			return "cross-site request refused"
		}
		return ""
	}
	u, err := url.Parse(origin)
	if err != nil {
		return "the Origin header is not a valid origin"
	}
	if u.Host == r.Host || slices.Contains(m.Origins, origin) {
		return ""
	}
	return "requests from " + origin + " are not allowed"
}

// origin returns the client's address and whether it reached the server
// over TLS: the peer's own, unless the peer is a trusted proxy, whose
// forwarding headers then tell — the last address in X-Forwarded-For
// that is not itself a trusted proxy.
func (m *Middleware) origin(r *http.Request) (string, bool) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if !m.trusted(host) {
		return host, r.TLS != nil
	}
	secure := r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
	hops := strings.Split(r.Header.Get("X-Forwarded-For"), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop := strings.TrimSpace(hops[i])
		if hop != "" && !m.trusted(hop) {
			return hop, secure
		}
	}
	return host, secure
}

// OverTLS reports whether the browser reached the server over TLS: the
// connection's own, or a trusted proxy's X-Forwarded-Proto.
func (m *Middleware) OverTLS(r *http.Request) bool {
	_, tls := m.origin(r)
	return tls
}

func (m *Middleware) trusted(address string) bool {
	ip, err := netip.ParseAddr(address)
	if err != nil {
		return false
	}
	for _, p := range m.TrustedProxies {
		if p.Contains(ip.Unmap()) {
			return true
		}
	}
	return false
}

// unavailable answers a request whose credentials could not be checked
// because the database cannot serve: 503, not a refusal of the
// credentials, which are probably fine.
func (m *Middleware) unavailable(ctx context.Context, w http.ResponseWriter, o store.Outage, err error) {
	m.Logger.WarnContext(ctx, "database unavailable", "error", err, "request_id", m.RequestID(ctx))
	w.Header().Set("Retry-After", strconv.Itoa(store.RetryAfter))
	WriteError(w, http.StatusServiceUnavailable, "UNAVAILABLE", o.Message())
}

// interrupted answers a request whose deadline passed while it was being
// authenticated — under load, waiting for the database: the server is
// busy, not broken, and the token or session may be perfectly good, so
// 503 TIMEOUT with Retry-After, not a 500 or a 401 that signs the client
// out.
func (m *Middleware) interrupted(w http.ResponseWriter, r *http.Request, requestID string) {
	m.Logger.WarnContext(r.Context(), "request interrupted while authenticating", "request_id", requestID)
	w.Header().Set("Retry-After", "1")
	WriteError(w, http.StatusServiceUnavailable, "TIMEOUT", "the request was interrupted: the server is busy; try again shortly")
}

func unauthenticated(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="WIN"`)
	WriteError(w, http.StatusUnauthorized, "UNAUTHENTICATED", msg)
}

func forbidden(w http.ResponseWriter, msg string) {
	WriteError(w, http.StatusForbidden, "FORBIDDEN", msg)
}

// WriteError answers in the shape of a GraphQL response, so clients read
// one kind of error.
func WriteError(w http.ResponseWriter, status int, code, msg string) {
	// The metrics' writer counts the refusal under its code.
	if rec, ok := w.(interface{ RecordErrorCode(string) }); ok {
		rec.RecordErrorCode(code)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": msg, "extensions": map[string]string{"code": code}}},
		"data":   nil,
	})
}
