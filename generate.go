// Package win is the WIN information system; this file only drives code
// generation. `make generate` (or `go generate .`) runs ent with the
// entgql extension and then gqlgen, from go.mod's versions.
package win

//go:generate go run -mod=mod ./ent/entc.go
