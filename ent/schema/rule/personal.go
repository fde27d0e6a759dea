package rule

import (
	"context"
	"reflect"

	entgo "entgo.io/ent"

	"github.com/progetto-win/win/ent/schema/viewer"
)

// The committee and analysts read cases pseudonymised (DESIGN.md §4):
// besides the identity, the free text written about a person — referral
// reasons, notes, assessments, plans, monitoring — may name them, so it is
// identity-grade and they read it empty, whatever seats they also hold (a
// committee member who also works cases does so with an operator's
// account). The schema marks such text (schema.Personal); the generated
// ClearPersonalText blanks it.

// personalText is a record that holds personal text.
type personalText interface{ ClearPersonalText() }

// RedactPersonalText blanks the personal text of every record a query
// returns to a viewer who reads cases pseudonymised: lists, node(id:),
// nested edges and counts alike, since they all run through here.
func RedactPersonalText() entgo.Interceptor {
	return entgo.InterceptFunc(func(next entgo.Querier) entgo.Querier {
		return entgo.QuerierFunc(func(ctx context.Context, q entgo.Query) (entgo.Value, error) {
			value, err := next.Query(ctx, q)
			if err != nil || !seesAllCases(viewer.FromContext(ctx)) {
				return value, err
			}
			if records := reflect.ValueOf(value); records.Kind() == reflect.Slice {
				for i := range records.Len() {
					if r, ok := records.Index(i).Interface().(personalText); ok {
						r.ClearPersonalText()
					}
				}
			}
			return value, nil
		})
	})
}
