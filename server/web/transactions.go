package web

import (
	"context"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// ownTransactions are mutations whose services keep their own
// transactions: a failed sign-in must stay recorded, for throttling and
// audit, although the mutation fails; an erasure and its audit event
// commit together.
var ownTransactions = map[string]bool{
	"login": true, "logout": true, "endSession": true,
	"createApiToken": true, "revokeApiToken": true, "changePassword": true,
	"setUserPassword": true, "erasePersonIdentity": true,
}

// transactions runs each mutation operation in one database transaction
// (entgql.Transactioner), except those with their own transactions,
// which may not be mixed with others in one operation.
type transactions struct {
	entgql.Transactioner
}

// InterceptResponse implements graphql.ResponseInterceptor.
func (t transactions) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	// A request that never became an operation (a body that does not
	// decode) has no operation context: nothing to run in a transaction.
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	op := graphql.GetOperationContext(ctx)
	if op.Operation == nil || op.Operation.Operation != ast.Mutation {
		return next(ctx)
	}
	fields := graphql.CollectFields(op, op.Operation.SelectionSet, []string{"Mutation"})
	account := 0
	for _, f := range fields {
		if ownTransactions[f.Name] {
			account++
		}
	}
	switch {
	case account == 0:
		return t.Transactioner.InterceptResponse(ctx, next)
	case account == len(fields):
		return next(ctx)
	}
	return &graphql.Response{Errors: gqlerror.List{badInput("send sign-in, sign-out, password, token and erasure mutations in an operation of their own")}}
}
