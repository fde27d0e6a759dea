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

// enumValue marshals and checks an enum value given its allowed values.
func unmarshalEnum[T ~string](v any, allowed []T, name string) (T, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%s must be a string", name)
	}
	if !slices.Contains(allowed, T(s)) {
		return "", fmt.Errorf("%q is not a valid %s", s, name)
	}
	return T(s), nil
}

func marshalEnum[T ~string](w io.Writer, v T) {
	_, _ = io.WriteString(w, strconv.Quote(string(v)))
}

func stringsOf[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}
