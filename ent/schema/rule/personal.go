package rule

import (
	"context"
	"reflect"

	entgo "entgo.io/ent"

	"github.com/progetto-win/win/domain/viewer"
)

// The committee and analysts read cases pseudonymised (docs/domain.md#roles-and-rights),
// whatever seats they also hold (a committee member who also works cases
// does so with an operator's account): besides the identity, they do not
// read the free text written about a person — referral reasons, notes,
// assessments, plans, monitoring — which may name them, nor the person's
// quasi-identifiers (birth year, gender, household, citizenship,
// municipality), which together single most persons out; they read those
// in aggregates, with small counts withheld. The schema marks both
// (schema.Personal); the generated ClearPersonal withholds them.

// personal is a record that holds what may identify a person.
type personal interface{ ClearPersonal() }

// RedactPersonal withholds what may identify a person in every record a
// query returns to a viewer who reads cases pseudonymised: lists,
// node(id:) and nested edges alike, since they all run through here.
func RedactPersonal() entgo.Interceptor {
	return entgo.InterceptFunc(func(next entgo.Querier) entgo.Querier {
		return entgo.QuerierFunc(func(ctx context.Context, q entgo.Query) (entgo.Value, error) {
			value, err := next.Query(ctx, q)
			if err != nil || !seesAllCases(viewer.FromContext(ctx)) {
				return value, err
			}
			if records := reflect.ValueOf(value); records.Kind() == reflect.Slice {
				for i := range records.Len() {
					if r, ok := records.Index(i).Interface().(personal); ok {
						r.ClearPersonal()
					}
				}
			}
			return value, nil
		})
	})
}
