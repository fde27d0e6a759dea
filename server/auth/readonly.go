package auth

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/viewer"
)

// ErrReadOnly refuses a mutation sent with a read-only API token.
var ErrReadOnly = &fault.Forbidden{Message: "this is a read-only API token: it cannot run mutations; use a READ_WRITE token to change data"}

// ReadOnly wraps the executable schema so that a read-only viewer's
// mutation operations are refused whole (queries and subscriptions read), before any resolver runs. The
// data layer's privacy rules refuse such writes too, but services that
// write as the system (passwords, sessions, tokens) pass them; refusing
// the operation type covers every mutation, present and future.
func ReadOnly(es graphql.ExecutableSchema) graphql.ExecutableSchema {
	return readOnly{es}
}

type readOnly struct{ graphql.ExecutableSchema }

// Exec runs the operation, unless it is a read-only viewer's mutation.
func (r readOnly) Exec(ctx context.Context) graphql.ResponseHandler {
	v := viewer.FromContext(ctx)
	if v == nil || !v.ReadOnly || !graphql.HasOperationContext(ctx) {
		return r.ExecutableSchema.Exec(ctx)
	}
	if op := graphql.GetOperationContext(ctx).Operation; op == nil || op.Operation == ast.Mutation {
		graphql.AddError(ctx, ErrReadOnly)
		return graphql.OneShot(&graphql.Response{Errors: graphql.GetErrors(ctx)})
	}
	return r.ExecutableSchema.Exec(ctx)
}
