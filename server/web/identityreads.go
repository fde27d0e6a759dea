package web

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/ent/audit"
)

// identityReads records the identities a query reads in one INSERT, once
// the query has resolved and before its answer leaves (audit.CollectReads):
// an agenda of eleven lists read identities in eleven statements before.
// When the record fails, the answer is withheld: nobody reads an identity
// without its trace. Mutations record their reads in their transaction.
type identityReads struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = identityReads{}

// ExtensionName implements graphql.HandlerExtension.
func (identityReads) ExtensionName() string { return "WINIdentityReads" }

// Validate implements graphql.HandlerExtension.
func (identityReads) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse implements graphql.ResponseInterceptor.
func (identityReads) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	if op := graphql.GetOperationContext(ctx).Operation; op == nil || op.Operation != ast.Query {
		return next(ctx)
	}
	ctx = audit.CollectReads(ctx)
	rsp := next(ctx)
	if err := audit.RecordReads(ctx); err != nil {
		graphql.AddError(ctx, fmt.Errorf("recording the identities read: %w", err))
		return &graphql.Response{Errors: graphql.GetErrors(ctx)}
	}
	return rsp
}
