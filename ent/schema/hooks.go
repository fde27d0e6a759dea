package schema

import (
	"context"
	"regexp"
	"strings"

	"entgo.io/ent"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
)

// datesInOrder refuses a mutation that would leave the end date before the
// start date. On a single-row update the missing side is read from the
// stored row, so changing one date alone is checked too.
func datesInOrder(start, end, startName, endName string) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if m.Op().Is(ent.OpCreate | ent.OpUpdateOne | ent.OpUpdate) {
				from, okFrom := dateOf(ctx, m, start)
				to, okTo := dateOf(ctx, m, end)
				if okFrom && okTo && to.Before(from) {
					return nil, fault.Invalidf(endName, "must not be before %s", startName)
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}

// dateOf returns the value a date field will have after the mutation.
func dateOf(ctx context.Context, m ent.Mutation, name string) (domain.Date, bool) {
	if m.FieldCleared(name) {
		return domain.Date{}, false
	}
	if v, ok := m.Field(name); ok {
		d, ok := v.(domain.Date)
		return d, ok
	}
	if m.Op().Is(ent.OpUpdateOne) {
		if v, err := m.OldField(ctx, name); err == nil {
			switch d := v.(type) {
			case domain.Date:
				return d, true
			case *domain.Date:
				if d != nil {
					return *d, true
				}
			}
		}
	}
	return domain.Date{}, false
}

// fieldCheck refuses a mutation when check returns a message for the new
// value of the field; gqlName names the field as API users know it.
func fieldCheck(name, gqlName string, check func(v any) string) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if v, ok := m.Field(name); ok {
				if msg := check(v); msg != "" {
					return nil, fault.Invalidf(gqlName, "%s", msg)
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}

// normalizeTaxCode stores tax codes upper-case without spaces, so that
// validation and duplicate search see one spelling.
func normalizeTaxCode(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		if v, ok := m.Field("tax_code"); ok {
			if s, ok := v.(string); ok {
				if err := m.SetField("tax_code", domain.NormalizeTaxCode(s)); err != nil {
					return nil, err
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}

// lowerCaseEmail stores e-mail addresses lower-case and trimmed.
func lowerCaseEmail(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		if v, ok := m.Field("email"); ok {
			if s, ok := v.(string); ok {
				if err := m.SetField("email", strings.ToLower(strings.TrimSpace(s))); err != nil {
					return nil, err
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}

// taxCodeShape finds text shaped like an Italian tax code.
var taxCodeShape = regexp.MustCompile(`(?i)\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b`)

// notInFuture refuses a day after today (Italian time) in a date field.
func notInFuture(name, gqlName, refusal string) ent.Hook {
	return fieldCheck(name, gqlName, func(v any) string {
		if d, ok := v.(domain.Date); ok && d.After(domain.Today()) {
			return refusal
		}
		return ""
	})
}

// noTaxCodes refuses text that carries a tax code: minutes and decisions
// refer to persons by their case, never by identity.
func noTaxCodes(column, field string) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if v, ok := m.Field(column); ok {
				if s, _ := v.(string); taxCodeShape.MatchString(s) {
					return nil, fault.Invalidf(field, "must not contain a tax code: refer to a person by their case's code")
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}
