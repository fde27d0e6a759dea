// Package scalar holds the API's own marshalling of GraphQL scalars.
package scalar

import (
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

// UnmarshalTime reads an instant as gqlgen does: RFC 3339, with a zone.
func UnmarshalTime(v any) (time.Time, error) {
	return graphql.UnmarshalTime(v)
}
