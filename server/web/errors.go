package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"entgo.io/ent/dialect/sql/sqlgraph"
	"entgo.io/ent/privacy"
	"github.com/99designs/gqlgen/graphql"
	"github.com/lib/pq"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/server/store"
)

// Error codes of extensions.code (docs/api.md#errors).
const (
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
	CodeBadUserInput    = "BAD_USER_INPUT"
	CodeConflict        = "CONFLICT"
	CodeNotFound        = "NOT_FOUND"
	CodeInternal        = "INTERNAL"
	// CodeTimeout: the request ran past its deadline (or its client left)
	// and was interrupted.
	CodeTimeout = "TIMEOUT"
	// CodeRateLimited: too many requests; retry after Retry-After seconds.
	CodeRateLimited = "RATE_LIMITED"
	// CodeUnavailable: the database cannot serve for a while (down,
	// restarting, its storage full or read-only); the answer is 503 with
	// Retry-After, and a change that failed so left nothing behind.
	CodeUnavailable = "UNAVAILABLE"
)

func badInput(msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": CodeBadUserInput}}
}

// presentError gives every error a code and a message fit for users:
// typed errors keep their meaning, database errors are translated, and
// anything unexpected becomes INTERNAL with the request ID, its details
// going to the log only — never SQL or stack traces to the client.
func presentError(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		code, message, field := classify(ctx, err)
		switch {
		case code == "" && ctx.Err() != nil:
			// Whatever failed, failed because the request was
			// interrupted; the access log tells it once.
			code, message = CodeTimeout, interruptedMessage
		case code == CodeUnavailable:
			// The operator needs the driver's reason; the client
			// needs only to retry.
			markUnavailable(ctx)
			logger.WarnContext(ctx, "database unavailable", "error", err.Error(), "request_id", RequestID(ctx), "path", gqlErr.Path.String())
		case code == "":
			code = CodeInternal
			message = "internal error; quote request " + RequestID(ctx) + " to the administrators"
			logger.ErrorContext(ctx, "resolver error", "error", err.Error(), "request_id", RequestID(ctx), "path", gqlErr.Path.String())
		}
		gqlErr.Message = message
		gqlErr.Extensions = map[string]any{"code": code}
		if field != "" {
			gqlErr.Extensions["field"] = field
		}
		var conflict *fault.Conflict
		if errors.As(err, &conflict) {
			for k, v := range conflict.Details {
				gqlErr.Extensions[k] = v
			}
		}
		var invalid *fault.Invalid
		if code == CodeBadUserInput && errors.As(err, &invalid) {
			for k, v := range invalid.Details {
				if _, taken := gqlErr.Extensions[k]; !taken { // code and field stay what classify says
					gqlErr.Extensions[k] = v
				}
			}
		}
		return gqlErr
	}
}

// classify maps a known error to its code, message and offending field;
// an unknown one gets no code.
func classify(ctx context.Context, err error) (code, message, field string) {
	var (
		invalid    *fault.Invalid
		conflict   *fault.Conflict
		forbidden  *fault.Forbidden
		validation *ent.ValidationError
		notFound   *ent.NotFoundError
		notSingle  *ent.NotSingularError
		constraint *ent.ConstraintError
		gqlErr     *gqlerror.Error
		pqErr      *pq.Error
	)
	switch {
	case ctx.Err() == nil && store.OutageOf(err) != store.NoOutage:
		// The database cannot serve. (When the request was interrupted,
		// its failed queries are its deadline's doing: TIMEOUT.)
		return CodeUnavailable, store.OutageOf(err).Message(), ""
	case errors.As(err, &invalid):
		return CodeBadUserInput, invalid.Error(), invalid.Field
	case errors.As(err, &validation):
		name := graphQLFieldName(validation.Name)
		return CodeBadUserInput, fmt.Sprintf("%s: %s", name, validationReason(validation)), name
	case errors.As(err, &conflict):
		return CodeConflict, conflict.Message, ""
	case errors.As(err, &forbidden):
		return CodeForbidden, forbidden.Message, ""
	case errors.As(err, &notFound), errors.As(err, &notSingle):
		return CodeNotFound, "not found", ""
	case errors.Is(err, fault.ErrUnauthenticated):
		return CodeUnauthenticated, fault.ErrUnauthenticated.Error(), ""
	case errors.Is(err, privacy.Deny):
		return CodeForbidden, "forbidden", ""
	case errors.As(err, &pqErr) && pqErr.Code.Class() == "22":
		// PostgreSQL's data exceptions: a value it cannot read as its
		// column's type (a forged cursor's, say), or text it refuses.
		return CodeBadUserInput, "a value has the wrong form for what it is compared with or stored in", ""
	case errors.As(err, &constraint):
		if sqlgraph.IsForeignKeyConstraintError(err) {
			return CodeBadUserInput, "a referenced object does not exist, or other records still refer to this one", ""
		}
		if sqlgraph.IsUniqueConstraintError(err) {
			return CodeConflict, "another record already has this value where it must be unique", ""
		}
		return CodeBadUserInput, "the change breaks a rule of the data", ""
	case errors.As(err, &gqlErr):
		// The GraphQL layer's own errors concern the request: parse and
		// validation errors keep gqlgen's codes, entgql's pagination
		// checks are bad input, and so is an argument value that does not
		// decode (a forged cursor, an ID that is not a string), whose
		// path runs past the field into the argument. Anything else
		// wrapped here came from a resolver and stays unknown.
		switch c, _ := gqlErr.Extensions["code"].(string); {
		case c == "INVALID_PAGINATION":
			return CodeBadUserInput, gqlErr.Message, ""
		case c != "":
			return c, gqlErr.Message, ""
		case gqlErr.Err == nil || len(gqlErr.Path) > len(graphql.GetPath(ctx)):
			return CodeBadUserInput, gqlErr.Message, ""
		}
	}
	return "", "", ""
}

// validationReason is the validator's own message, without ent's wrapping.
func validationReason(err *ent.ValidationError) string {
	var inner error = err
	for next := errors.Unwrap(inner); next != nil; next = errors.Unwrap(inner) {
		inner = next
	}
	msg := inner.Error()
	switch {
	case strings.HasPrefix(msg, "ent: missing required"):
		return "is required"
	case msg == "value does not match validation":
		return "has the wrong format"
	case strings.Contains(msg, "invalid enum value"):
		return "is not one of the allowed values"
	}
	return msg
}

// graphQLFieldName turns ent's field name ("tax_code") into the API's
// ("taxCode").
func graphQLFieldName(name string) string {
	out := make([]byte, 0, len(name))
	upper := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_':
			upper = true
		case upper && c >= 'a' && c <= 'z':
			out = append(out, c-'a'+'A')
			upper = false
		default:
			out = append(out, c)
			upper = false
		}
	}
	return string(out)
}

// recoverPanic turns a panic in a resolver into an INTERNAL error; the
// stack goes to the log.
func recoverPanic(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "request_id", RequestID(ctx), "stack", string(debug.Stack()))
		return &gqlerror.Error{
			Message:    "internal error; quote request " + RequestID(ctx) + " to the administrators",
			Extensions: map[string]any{"code": CodeInternal},
		}
	}
}
