// Package fault defines the typed business errors that rules in the data
// layer return. The API maps each kind to its extensions.code
// (BAD_USER_INPUT, CONFLICT, …), so a rule written once reads the same
// through every path.
package fault

import (
	"errors"
	"fmt"
)

// Invalid reports input that breaks a rule: the field and what to fix.
type Invalid struct {
	Field   string // the GraphQL-facing field name, e.g. "endsOn"
	Message string // what is wrong, in words a user can act on
	// Details go to the error's extensions beside code and field, for a
	// client that must tell this refusal from others on the same field
	// (a throttled sign-in and its wait, say) in the user's language.
	Details map[string]any
}

func (e *Invalid) Error() string { return fmt.Sprintf("%s: %s", e.Field, e.Message) }

// Invalidf returns an Invalid error for a field.
func Invalidf(field, format string, args ...any) *Invalid {
	return &Invalid{Field: field, Message: fmt.Sprintf(format, args...)}
}

// Conflict reports a write refused because of the current state of the
// data (a stale version, an object that already exists).
type Conflict struct {
	Message string
	Details map[string]any // what the client needs to recover, e.g. the current version
}

func (e *Conflict) Error() string { return e.Message }

// ErrUnauthenticated is the cause of a denial to a request that is not
// signed in; the API reports it as UNAUTHENTICATED.
var ErrUnauthenticated = errors.New("sign in, or send an API token, to see this")

// Forbidden reports a step the viewer may not take, saying who may.
type Forbidden struct {
	Message string
}

func (e *Forbidden) Error() string { return e.Message }
