package schema

import (
	"context"
	"time"
	"unicode/utf8"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	entgen "github.com/progetto-win/win/ent"
)

// Personal marks what may identify a person beyond the pseudonym, which
// the committee and analysts, who read cases pseudonymised, do not read
// (rule.RedactPersonal) and no filter or order reaches, since a where
// clause would tell what it holds:
//   - Text: free text about a person — what a case's referral, notes,
//     assessments, plan, interventions, outcomes and monitoring say —
//     which whoever writes it may fill with the person's name: read empty;
//   - QuasiIdentifier: a field or unique edge of the person's record that
//     singles them out in combination with others (birth year, gender,
//     household, citizenship, municipality): read null.
type Personal struct{ Text, QuasiIdentifier bool }

// Name implements schema.Annotation.
func (Personal) Name() string { return "Personal" }

// TextLimit is the most characters a free-text field takes: checked by
// textWithinLimits and stated in the field's API description.
type TextLimit struct{ Characters int }

// Name implements schema.Annotation.
func (TextLimit) Name() string { return "TextLimit" }

// Lengths of free text, in characters.
const (
	shortText = 2000  // a reason, a note, a description
	longText  = 10000 // an assessment, a plan, minutes, a directive
)

// limited states a free-text field's limit.
func limited(characters int) schema.Annotation { return TextLimit{Characters: characters} }

// personal is the annotations of identity-grade free text of the limit
// given.
func personal(characters int) []schema.Annotation {
	return []schema.Annotation{Personal{Text: true}, limited(characters),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)}
}

// maxCents is the most money one fund or intervention holds: 100 million
// euro, far beyond any real one, so that a typing slip (or an attack on
// the sums) is refused rather than overflowing a total.
const maxCents = 100_000_000_00

// quasiIdentifier is the annotations of a field or edge of the person's
// record that the committee and analysts do not read.
func quasiIdentifier() []schema.Annotation {
	return []schema.Annotation{Personal{QuasiIdentifier: true},
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)}
}

// Dates a record may carry: anything else is a typing error, and years
// far away break date arithmetic and some drivers.
var (
	earliestDate = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	latestDate   = time.Date(2101, 1, 1, 0, 0, 0, 0, time.UTC)
)

// saneValues refuses, on every mutation of a type that has it, text longer
// than its declared limit (entgen.TextLimit, generated from TextLimit) and
// dates outside 1900–2100: one check for every field, present and future.
func saneValues(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		for _, name := range m.Fields() {
			v, _ := m.Field(name)
			switch v := v.(type) {
			case string:
				if limit, ok := entgen.TextLimit(m.Type(), name); ok && utf8.RuneCountInString(v) > limit {
					return nil, fault.Invalidf(apiName(name), "must be at most %d characters long", limit)
				}
			case time.Time:
				if v.Before(earliestDate) || !v.Before(latestDate) {
					return nil, fault.Invalidf(apiName(name), "must be a date between 1900 and 2100")
				}
			case domain.Date:
				if v.Year() < earliestDate.Year() || v.Year() >= latestDate.Year() {
					return nil, fault.Invalidf(apiName(name), "must be a date between 1900 and 2100")
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}

// apiName returns the API's name of a field: referral_reason → referralReason.
func apiName(column string) string {
	out := make([]byte, 0, len(column))
	upper := false
	for i := 0; i < len(column); i++ {
		switch c := column[i]; {
		case c == '_':
			upper = true
		case upper && 'a' <= c && c <= 'z':
			out, upper = append(out, c-'a'+'A'), false
		default:
			out, upper = append(out, c), false
		}
	}
	return string(out)
}
