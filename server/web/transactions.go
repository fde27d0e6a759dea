package web

import (
	"context"
	"fmt"

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
	// A refused request for a reset stays counted; links are sent after
	// their own commit.
	"requestPasswordReset": true, "resetPassword": true, "inviteUser": true,
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
		return t.inTransaction(ctx, next)
	case account == len(fields):
		return next(ctx)
	}
	return &graphql.Response{Errors: gqlerror.List{badInput("send sign-in, sign-out, password, token and erasure mutations in an operation of their own")}}
}

// inTransaction runs the mutation in one transaction, as entgql's
// Transactioner does, but with the failures to begin or commit it — a
// database gone, a disk full — told through the error presenter like any
// other, not as the driver's words without a code. A commit that fails
// leaves the changes unanswered: the client was not told they were made.
func (t transactions) inTransaction(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	txCtx, tx, err := t.OpenTx(ctx)
	if err != nil {
		graphql.AddError(ctx, fmt.Errorf("beginning the mutation's transaction: %w", err))
		return &graphql.Response{Errors: graphql.GetErrors(ctx)}
	}
	defer func() {
		if r := recover(); r != nil {
			_ = tx.Rollback()
			panic(r)
		}
	}()
	rsp := next(txCtx)
	if rsp == nil || len(rsp.Errors) > 0 {
		// Failed, or interrupted: nil is the end of the response.
		_ = tx.Rollback()
		if rsp == nil {
			return nil
		}
		return &graphql.Response{Errors: rsp.Errors}
	}
	if err := tx.Commit(); err != nil {
		graphql.AddError(ctx, fmt.Errorf("committing the mutation's transaction: %w", err))
		return &graphql.Response{Errors: graphql.GetErrors(ctx)}
	}
	return rsp
}
