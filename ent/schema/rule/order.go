package rule

import (
	"context"

	entgo "entgo.io/ent"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/consent"
)

// ConsentsInOrder lists bases by ID: a person's consents are a plain
// list, which the database would give in whatever order its rows lie —
// another after a merge moves them. By ID alone: a query of IDs is
// SELECT DISTINCT, whose ORDER BY PostgreSQL takes only from what it
// selects.
func ConsentsInOrder() entgo.Interceptor {
	return entgo.InterceptFunc(func(next entgo.Querier) entgo.Querier {
		return entgo.QuerierFunc(func(ctx context.Context, q entgo.Query) (entgo.Value, error) {
			if cq, ok := q.(*ent.ConsentQuery); ok {
				cq.Order(consent.ByID())
			}
			return next.Query(ctx, q)
		})
	})
}
