package web

import (
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/progetto-win/win/server/auth"

	"github.com/progetto-win/win/domain/viewer"
)

// contentSecurityPolicy fits the SPA and GraphiQL as Vite builds them:
// scripts and everything they fetch from this origin only, never inline
// scripts or eval; inline styles are allowed, since GraphiQL and the UI
// library set them (style attributes, GraphiQL's page style); images and
// fonts inlined by the style sheets come as data: URLs. No page may frame
// the app (clickjacking), and forms post only here.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// withSecurityHeaders sets the browser's protections on every answer, and
// HSTS when the browser reached the server over TLS (directly, or through
// a trusted proxy that says so).
func withSecurityHeaders(overTLS func(*http.Request) bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if overTLS(r) {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

// sameOrigin refuses API requests that a page of another site may have
// sent with the browser's session cookie, whatever their method: a GET
// reads identities, and reading them writes the audit log.
type sameOrigin struct {
	allowed []string                 // other origins allowed to call the API (CORS)
	overTLS func(*http.Request) bool // whether the browser came over TLS, trusted proxies believed
}

// guard wraps an authenticated handler: it needs the viewer.
func (o sameOrigin) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if reason := o.crossSite(r, viewer.FromContext(r.Context())); reason != "" {
			auth.WriteError(w, http.StatusForbidden, CodeForbidden, reason)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// crossSite says why a request may come from another site, or "". A
// bearer token is no ambient credential: its requests pass. An Origin
// must be this server's — scheme, host and port — or an allowed one. A
// session's request without Origin must be same-origin by Sec-Fetch-Site,
// or, from a client that sends neither header, carry a JSON Content-Type,
// which no cross-site page sends without a CORS preflight.
func (o sameOrigin) crossSite(r *http.Request, v *viewer.Viewer) string {
	if v != nil && v.TokenID != "" {
		return ""
	}
	if origin := r.Header.Get("Origin"); origin != "" {
		if o.same(r, origin) || slices.Contains(o.allowed, origin) {
			return ""
		}
		return "cross-origin request refused"
	}
	if v == nil || v.SessionID == "" {
		return ""
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin", "none":
		return ""
	case "":
		if mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mediaType == "application/json" {
			return ""
		}
		return "a request with a session cookie must come from this site's pages"
	}
	return "cross-site request refused"
}

// same reports whether an Origin header names this server, as the
// browser reached it.
func (o sameOrigin) same(r *http.Request, origin string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	scheme := "http"
	if o.overTLS(r) {
		scheme = "https"
	}
	return strings.EqualFold(u.Scheme, scheme) && hostPort(u.Scheme, u.Host) == hostPort(scheme, r.Host)
}

// hostPort returns host:port in lower case, with the scheme's default
// port made explicit.
func hostPort(scheme, host string) string {
	h, port, err := net.SplitHostPort(host)
	if err != nil {
		h, port = host, map[string]string{"http": "80", "https": "443"}[strings.ToLower(scheme)]
	}
	return strings.ToLower(net.JoinHostPort(strings.Trim(h, "[]"), port))
}
