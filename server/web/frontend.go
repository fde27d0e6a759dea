package web

import (
	"html/template"
	"net/http"

	"github.com/progetto-win/win/frontend"
)

// mountFrontend serves the built frontend embedded in the binary: GraphiQL
// at /graphiql and the hashed assets, cached for a year since their names
// change with their content. Without a build (a checkout where Node never
// ran) /graphiql explains how to build it.
func mountFrontend(mux *http.ServeMux) {
	assets := frontend.Assets()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/graphiql", http.StatusFound)
	})
	mux.HandleFunc("GET /graphiql", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		if !frontend.Built() {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			_ = placeholder.Execute(w, nil)
			return
		}
		http.ServeFileFS(w, r, assets, "graphiql.html")
	})
	files := http.FileServerFS(assets)
	mux.Handle("GET /assets/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		files.ServeHTTP(w, r)
	}))
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
