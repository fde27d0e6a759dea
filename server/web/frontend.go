package web

import (
	"html/template"
	"io/fs"
	"net/http"
	"strings"
)

// Cache policies of the frontend's files.
const (
	// Hashed assets change name when they change: cached for a year.
	cacheImmutable = "public, max-age=31536000, immutable"
	// The pages name the current assets: always revalidated, so a deploy
	// shows at the next load.
	cacheRevalidate = "no-cache"
	// Other files of the build (favicon, robots.txt) keep their names
	// across deploys: an hour stale is harmless.
	cacheShort = "public, max-age=3600"
)

// serverPaths are the server's own paths: a request under one of them
// that no route took is a real 404, never the SPA's page. /metrics is
// served on a listener of its own (Metrics.Handler), never this one.
var serverPaths = []string{"/graphql", "/graphiql", "/export", "/assets", "/healthz", "/readyz", "/metrics"}

// mountFrontend serves a frontend build: the SPA at / and at every GET
// path that is neither the server's nor a file of the build, so that the
// SPA's client-side routes survive a reload; GraphiQL at /graphiql; hashed
// assets under /assets/, cached for a year; the build's other files as
// they are. Without a build (a checkout where Node never ran) the SPA's
// paths and /graphiql explain how to build it.
func mountFrontend(mux *http.ServeMux, app fs.FS) {
	built := isFile(app, "index.html")
	mux.HandleFunc("GET /graphiql", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", cacheRevalidate)
		if !isFile(app, "graphiql.html") {
			notBuilt(w)
			return
		}
		serveBuildFile(w, r, app, "graphiql.html")
	})
	mux.HandleFunc("GET /assets/", func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if !isFile(app, name) {
			// Not the SPA's page: a script or style sheet must fail as
			// one, and not for a year.
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", cacheImmutable)
		serveBuildFile(w, r, app, name)
	})
	// Registered without a method, as /graphql is (a GET-only catch-all
	// would conflict with it): other methods are refused here.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if serverPath(r.URL.Path) {
			http.NotFound(w, r)
			return
		}
		if name := strings.TrimPrefix(r.URL.Path, "/"); name != "index.html" && isFile(app, name) {
			w.Header().Set("Cache-Control", cacheShort)
			serveBuildFile(w, r, app, name)
			return
		}
		w.Header().Set("Cache-Control", cacheRevalidate)
		if !built {
			notBuilt(w)
			return
		}
		// A request for /index.html itself is redirected to /.
		serveBuildFile(w, r, app, "index.html")
	})
}

// serverPath reports whether a path is one of the server's own or under one.
func serverPath(path string) bool {
	for _, p := range serverPaths {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// isFile reports whether name is a regular file of the build; directories
// are never listed.
func isFile(app fs.FS, name string) bool {
	if !fs.ValidPath(name) {
		return false
	}
	info, err := fs.Stat(app, name)
	return err == nil && info.Mode().IsRegular()
}

// notBuilt answers with the page that explains how to build the frontend.
func notBuilt(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	_ = placeholder.Execute(w, nil)
}

var placeholder = template.Must(template.New("placeholder").Parse(`<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>WIN — frontend non compilato</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>WIN</h1>
<p>L'interfaccia web non è stata compilata in questo eseguibile.
The web frontend was not built into this binary.</p>
<p>Run <code>make run</code>, or <code>cd frontend &amp;&amp; npm ci &amp;&amp; npm run build</code> and rebuild the server.
The GraphQL API is available at <a href="/graphql">/graphql</a>.</p>
</body></html>
`))
