package pathway

import (
	"io"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
)

// MatchReason is why a known person matched a search.
type MatchReason string

// The reasons of a match.
const (
	ByTaxCode          MatchReason = "TAX_CODE"
	ByNameAndBirthDate MatchReason = "NAME_AND_BIRTH_DATE"
)

// MarshalGQL implements graphql.Marshaler.
func (r MatchReason) MarshalGQL(w io.Writer) { domain.MarshalEnum(w, r) }

// UnmarshalGQL implements graphql.Unmarshaler; the API only returns
// reasons, but gqlgen binds enums both ways.
func (r *MatchReason) UnmarshalGQL(v any) (err error) {
	*r, err = domain.UnmarshalEnum(v, []MatchReason{ByTaxCode, ByNameAndBirthDate}, "PersonMatchReason")
	return err
}

// PersonMatch is a known person who may be the one being referred: what
// is needed to link them, and nothing that identifies them.
type PersonMatch struct {
	PersonID      gid.ID
	Pseudonym     string
	BirthYear     int
	Reasons       []MatchReason
	OpenCaseID    *gid.ID
	OpenCaseCode  *string
	OpenCaseTable *string
}
