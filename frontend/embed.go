// Package frontend embeds the built web frontend (dist/app) in the Go
// binary. On a checkout where the frontend was never built, dist holds only
// .gitkeep: the binary still builds, and Built reports false.
package frontend

import (
	"embed"
	"encoding/json"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

//go:embed src/i18n/it/enums.json src/i18n/en/enums.json
var catalogues embed.FS

// EnumLabels returns the web app's labels of the API's enum values in a
// language, "it" or "en" ("enum.NeedArea.EMPLOYMENT": "Lavoro"): the
// server writes the words the screens show (the CSV export) from the one
// catalogue the frontend's tests hold complete.
func EnumLabels(lang string) (map[string]string, error) {
	file, err := catalogues.ReadFile("src/i18n/" + lang + "/enums.json")
	if err != nil {
		return nil, err
	}
	var labels map[string]string
	return labels, json.Unmarshal(file, &labels)
}

// Assets returns the built frontend: the SPA's index.html, graphiql.html,
// assets/ and the other files of the build (favicon, robots.txt…).
func Assets() fs.FS {
	app, err := fs.Sub(dist, "dist/app")
	if err != nil {
		panic(err) // fs.Sub fails only on an invalid path, and this one is constant
	}
	return app
}

// Built reports whether the binary contains a frontend build: the SPA's
// index.html, which every build writes.
func Built() bool {
	_, err := fs.Stat(Assets(), "index.html")
	return err == nil
}
