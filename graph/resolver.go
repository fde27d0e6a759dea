// Package graph is the GraphQL API of WIN: the schema (*.graphql, with
// ent.graphql generated from the ent schema) and thin resolvers over ent.
// Rules live in ent (hooks, privacy), never here.
package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/notify"
	"github.com/progetto-win/win/server/subject"
)

// Resolver is the root resolver; it holds the ent client and the services
// of accounts and data-subject rights, and the source of indicators.
type Resolver struct {
	client   *ent.Client
	auth     *auth.Service
	subjects *subject.Service
	stats    *indicator.Source
	live     *notify.Live
}

// NewSchema returns the executable schema over an ent client, the
// source of indicators over the same database, and the live updates
// (subscriptions); read-only API tokens run queries and subscriptions
// only.
func NewSchema(client *ent.Client, accounts *auth.Service, stats *indicator.Source, live *notify.Live) graphql.ExecutableSchema {
	return auth.ReadOnly(NewExecutableSchema(Config{Resolvers: &Resolver{client: client, auth: accounts, subjects: subject.New(client), stats: stats, live: live}}))
}

// reader is the client a computed field reads through: in a mutation's
// answer, the mutation's transaction, so that the answer shows the change
// it made; elsewhere the root client.
func (r *Resolver) reader(ctx context.Context) *ent.Client {
	if tx := ent.FromContext(ctx); tx != nil {
		return tx
	}
	return r.client
}
