package web

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/server/auth"
)

// asSignedIn resolves what follows a sign-in in the same answer as the
// user who just signed in, as the next request will be: the sign-in's
// payload shows the user's own edges, not what an anonymous visitor sees.
func asSignedIn(ctx context.Context, next graphql.Resolver) (any, error) {
	if v := auth.SignedIn(ctx); v != nil {
		ctx = viewer.NewContext(ctx, v)
	}
	return next(ctx)
}
