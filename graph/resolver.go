// Package graph is the GraphQL API of WIN: the schema (*.graphql, with
// ent.graphql generated from the ent schema) and thin resolvers over ent.
// Rules live in ent (hooks, privacy), never here.
package graph

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/subject"
)

// Resolver is the root resolver; it holds the ent client and the services
// of accounts and data-subject rights, and the source of indicators.
type Resolver struct {
	client   *ent.Client
	auth     *auth.Service
	subjects *subject.Service
	stats    *indicator.Source
}

// NewSchema returns the executable schema over an ent client, and the
// source of indicators over the same database; read-only API tokens run
// queries only.
func NewSchema(client *ent.Client, accounts *auth.Service, stats *indicator.Source) graphql.ExecutableSchema {
	return auth.ReadOnly(NewExecutableSchema(Config{Resolvers: &Resolver{client: client, auth: accounts, subjects: subject.New(client), stats: stats}}))
}
