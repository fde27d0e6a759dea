// Package indicator computes the indicators of docs/domain.md#indicators in the
// database: one GROUP BY query per indicator and breakdown, giving its
// total too, in SQL both PostgreSQL and SQLite run, read once per request
// (memo.go), with small counts suppressed for viewers outside the tables
// counted. docs/indicators.md gives the dashboard's cost.
package indicator

import (
	"fmt"
	"io"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/person"
)

// Dimension is what an indicator is broken down by.
type Dimension string

// The dimensions.
const (
	Table           Dimension = "TABLE"
	Municipality    Dimension = "MUNICIPALITY"
	Month           Dimension = "MONTH"
	Quarter         Dimension = "QUARTER"
	NeedArea        Dimension = "NEED_AREA"
	Gender          Dimension = "GENDER"
	AgeBandDim      Dimension = "AGE_BAND"
	OutcomeKind     Dimension = "OUTCOME_KIND"
	ValueDimension  Dimension = "VALUE_DIMENSION"
	Organization    Dimension = "ORGANIZATION"
	DeclineReason   Dimension = "DECLINE_REASON"
	FundSource      Dimension = "FUND_SOURCE"
	FundOwner       Dimension = "FUND_OWNER"
	ReferralChannel Dimension = "REFERRAL_CHANNEL"
)

var dimensions = []Dimension{Table, Municipality, Month, Quarter, NeedArea, Gender, AgeBandDim, OutcomeKind, ValueDimension,
	Organization, DeclineReason, FundSource, FundOwner, ReferralChannel}

// MarshalGQL implements graphql.Marshaler.
func (d Dimension) MarshalGQL(w io.Writer) { domain.MarshalEnum(w, d) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (d *Dimension) UnmarshalGQL(v any) (err error) {
	*d, err = domain.UnmarshalEnum(v, dimensions, "IndicatorDimension")
	return err
}

// AgeBand is a band of ages.
type AgeBand string

// The age bands, youngest first.
const (
	Under25     AgeBand = "UNDER_25"
	From25To34  AgeBand = "FROM_25_TO_34"
	From35To49  AgeBand = "FROM_35_TO_49"
	From50To64  AgeBand = "FROM_50_TO_64"
	From65      AgeBand = "FROM_65"
	bandUnknown AgeBand = ""
)

// ageBands are the bands with the age each starts at.
var ageBands = []struct {
	band AgeBand
	from int
}{{Under25, 0}, {From25To34, 25}, {From35To49, 35}, {From50To64, 50}, {From65, 65}}

// BandOf returns the band of an age.
func BandOf(age int) AgeBand {
	band := bandUnknown
	for _, b := range ageBands {
		if age >= b.from {
			band = b.band
		}
	}
	return band
}

// MarshalGQL implements graphql.Marshaler.
func (b AgeBand) MarshalGQL(w io.Writer) { domain.MarshalEnum(w, b) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (b *AgeBand) UnmarshalGQL(v any) error {
	s, _ := v.(string)
	for _, known := range ageBands {
		if string(known.band) == s {
			*b = known.band
			return nil
		}
	}
	return fmt.Errorf("%q is not an AgeBand", s)
}

// Filter selects what an indicator counts; empty lists mean all.
type Filter struct {
	From, To        *domain.Date
	TableIDs        []gid.ID
	MunicipalityIDs []gid.ID
	NeedAreas       []domain.NeedArea
	Genders         []person.Gender
	AgeBands        []AgeBand
	scope           []gid.ID // the tables a coordinator may count: every record with a table is of one of them
}

// Key is the value of one dimension in a cell.
type Key struct {
	Dimension Dimension
	Key       string
	Label     string
}

// Cell is one value of an indicator.
type Cell struct {
	Keys       []*Key
	Value      *float64
	Persons    *int
	Suppressed bool
}

// persons is how many persons the cell counts, suppressed or not.
func (c *Cell) persons() int {
	if c.Persons == nil {
		return 0
	}
	return *c.Persons
}

// Result is an indicator's total and breakdown.
type Result struct {
	Indicator  string
	Definition string
	GroupBy    []Dimension
	Total      *Cell
	Cells      []*Cell
}
