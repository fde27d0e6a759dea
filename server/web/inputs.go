package web

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/vektah/gqlparser/v2/gqlerror"
)

// input measures one argument value, literal or from the variables, and
// returns its size: every object field, list item and scalar counts one.
// It records in w.err a value too large or too deep, and a string that no
// database stores as text: invalid UTF-8, or a NUL, which PostgreSQL
// refuses with an error and SQLite would store, truncating what reads it.
func (w *walker) input(path string, v any, depth int) int {
	if w.err != nil {
		return 0
	}
	if w.inputSize++; w.inputSize > w.limits.MaxInputSize {
		w.err = badInputField(fmt.Sprintf("%s: the arguments hold more than %d values: use fewer conditions", path, w.limits.MaxInputSize), path)
		return 0
	}
	size := 1
	switch v := v.(type) {
	case map[string]any:
		if w.deeper(path, depth) {
			return 0
		}
		for k, item := range v {
			size += w.input(path+"."+k, item, depth+1)
		}
	case []any:
		if w.deeper(path, depth) {
			return 0
		}
		for _, item := range v {
			size += w.input(path, item, depth+1)
		}
	case string:
		if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
			w.err = badInputField(path+": text must be valid UTF-8 without NUL characters", path)
			return 0
		}
	}
	return size
}

// deeper records an input nesting past the limit.
func (w *walker) deeper(path string, depth int) bool {
	if depth > w.limits.MaxInputDepth {
		w.err = badInputField(fmt.Sprintf("%s: the arguments nest deeper than %d levels", path, w.limits.MaxInputDepth), path)
		return true
	}
	return false
}

func badInputField(msg, field string) *gqlerror.Error {
	err := badInput(msg)
	err.Extensions["field"] = field
	return err
}
