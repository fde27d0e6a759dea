// Package domain holds the vocabulary shared by several entities (need
// areas, roles) and the validation rules of identifying data, so that the
// schema, the API and the demo data speak the same words.
package domain

import (
	"fmt"
	"io"
	"slices"
	"strconv"
)

// UnmarshalEnum checks a GraphQL enum value against its allowed values.
func UnmarshalEnum[T ~string](v any, allowed []T, name string) (T, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%s must be a string", name)
	}
	if !slices.Contains(allowed, T(s)) {
		return "", fmt.Errorf("%q is not a valid %s", s, name)
	}
	return T(s), nil
}

// MarshalEnum writes a GraphQL enum value.
func MarshalEnum[T ~string](w io.Writer, v T) {
	_, _ = io.WriteString(w, strconv.Quote(string(v)))
}

// StringsOf converts a list of string-like values, e.g. enum values or IDs.
func StringsOf[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// Convert converts a list between string types, e.g. CaseStatus to the
// ent schema's casefile.Status.
func Convert[T, S ~string](in []S) []T {
	out := make([]T, len(in))
	for i, v := range in {
		out[i] = T(v)
	}
	return out
}
