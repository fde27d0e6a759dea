package web

import (
	"context"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// withDeadline bounds every request: its context, which every resolver
// and database query receives, ends after the timeout — or, for a
// request that sends a file, after UploadTimeout if that is longer.
func withDeadline(timeout time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := timeout
		if isUpload(r) {
			// The server reads a body for 30 s at most (server/main.go):
			// a file gets as long as its request.
			limit = longRequest(w, max(timeout, UploadTimeout), true)
		}
		limit = caseExportDeadline(w, r, limit)
		limit = caseImportDeadline(w, r, limit)
		ctx, cancel := context.WithTimeout(r.Context(), limit)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// longRequest gives a request that may take limit as long on its
// connection, which the server's read and write timeouts would cut
// first: to read its body (when it sends one that long) and to be
// answered, 30 s more. Not every writer can; then the server's stay.
func longRequest(w http.ResponseWriter, limit time.Duration, readsBody bool) time.Duration {
	rc := http.NewResponseController(w)
	if readsBody {
		_ = rc.SetReadDeadline(time.Now().Add(limit))
	}
	_ = rc.SetWriteDeadline(time.Now().Add(limit + 30*time.Second))
	return limit
}

const interruptedMessage = "the request was interrupted: it took too long; ask for less"

// interrupted answers TIMEOUT for an operation its deadline interrupted
// before any resolver failed: gqlgen, finding the context done, ends the
// response with nothing, which the transport writes as a bare null.
type interrupted struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = interrupted{}

// ExtensionName implements graphql.HandlerExtension.
func (interrupted) ExtensionName() string { return "WINInterrupted" }

// Validate implements graphql.HandlerExtension.
func (interrupted) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation implements graphql.OperationInterceptor.
func (interrupted) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	responses := next(ctx)
	// A subscription's stream ends when its client leaves: nothing was
	// interrupted, and nobody is there to be told.
	if op := graphql.GetOperationContext(ctx).Operation; op != nil && op.Operation == ast.Subscription {
		return responses
	}
	answered := false
	return func(ctx context.Context) *graphql.Response {
		resp := responses(ctx)
		// Once: a nil response also ends a stream of them.
		if resp == nil && ctx.Err() != nil && !answered {
			resp = &graphql.Response{Errors: gqlerror.List{{Message: interruptedMessage, Extensions: map[string]any{"code": CodeTimeout}}}}
		}
		answered = true
		return resp
	}
}
