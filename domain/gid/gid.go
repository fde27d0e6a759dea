// Package gid implements WIN's global IDs: a short type prefix, an
// underscore and 128 random bits in base32 (for example
// "cas_k3v9...").
//
// The prefix lets node(id:) find the type of any object; the random part
// keeps IDs non-enumerable. Unlike ULIDs, nothing in an ID depends on time
// or on a counter, so IDs reveal neither how many objects exist nor the
// order in which they were created.
package gid

import (
	"crypto/rand"
	"database/sql/driver"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// ID is a type-prefixed random identifier.
type ID string

// encoding is lower-case base32 without padding: 16 bytes give 26 characters.
var encoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// New returns a fresh ID with the given type prefix.
func New(prefix string) ID {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("gid: reading random bytes: %v", err)) // crypto/rand never fails on Linux
	}
	return ID(prefix + "_" + encoding.EncodeToString(b[:]))
}

// Prefix returns the type prefix of the ID, or "" when it has none.
func (id ID) Prefix() string {
	prefix, _, ok := strings.Cut(string(id), "_")
	if !ok {
		return ""
	}
	return prefix
}

// UnmarshalGQL implements graphql.Unmarshaler.
func (id *ID) UnmarshalGQL(v any) error {
	switch v := v.(type) {
	case string:
		*id = ID(v)
	case ID: // the generated noder passes IDs through as they are
		*id = v
	default:
		return fmt.Errorf("an ID must be a string")
	}
	return nil
}

// MarshalGQL implements graphql.Marshaler. It writes a JSON string:
// strconv.Quote's Go escapes (\x01, \xff) are no JSON, and an ID a client
// sent may hold anything.
func (id ID) MarshalGQL(w io.Writer) {
	b, _ := json.Marshal(string(id)) // a string always marshals
	_, _ = w.Write(b)
}

// Scan implements sql.Scanner.
func (id *ID) Scan(src any) error {
	switch src := src.(type) {
	case string:
		*id = ID(src)
	case []byte:
		*id = ID(src)
	case nil:
		return fmt.Errorf("gid: expected a value")
	default:
		return fmt.Errorf("gid: unexpected type %T", src)
	}
	return nil
}

// Value implements driver.Valuer.
func (id ID) Value() (driver.Value, error) {
	return string(id), nil
}
