// Package graph is the GraphQL API of WIN: the schema (*.graphql, with
// ent.graphql generated from the ent schema) and thin resolvers over ent.
// Rules live in ent (hooks, privacy), never here.
package graph

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/progetto-win/win/ent"
)

// Resolver is the root resolver; it holds the ent client.
type Resolver struct{ client *ent.Client }

// NewSchema returns the executable schema over an ent client.
func NewSchema(client *ent.Client) graphql.ExecutableSchema {
	return NewExecutableSchema(Config{Resolvers: &Resolver{client: client}})
}
