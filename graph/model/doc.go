// Package model holds the GraphQL types that are not ent types; gqlgen
// writes them to models_gen.go when the schema declares any.
package model
