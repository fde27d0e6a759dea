// Package scalar holds the API's own marshalling of GraphQL scalars.
package scalar

import (
	"errors"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// MarshalTime writes an instant in UTC (RFC 3339), whatever zone it was
// sent or read in: a mutation's answer, which holds the client's input
// as sent, and a later read, which comes back from the database in its
// session's zone, then show the same text for the same instant.
func MarshalTime(t time.Time) graphql.Marshaler {
	return graphql.MarshalTime(t.UTC())
}

// UnmarshalTime reads an instant as gqlgen does, RFC 3339 with a zone,
// but refuses an empty string, which gqlgen reads as the year 1.
func UnmarshalTime(v any) (time.Time, error) {
	if s, ok := v.(string); ok && s == "" {
		return time.Time{}, errors.New("a time must be given in RFC 3339, e.g. 2026-01-31T09:00:00+01:00, not an empty string")
	}
	return graphql.UnmarshalTime(v)
}
