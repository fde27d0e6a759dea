package store

import (
	"context"
	"time"

	"github.com/progetto-win/win/ent"
)

// microseconds writes every instant at the precision both databases keep:
// PostgreSQL rounds to the microsecond, so an instant kept in memory to
// the nanosecond — in a mutation's answer — would differ from the same
// row read back.
func microseconds(next ent.Mutator) ent.Mutator {
	return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
		for _, name := range m.Fields() {
			v, _ := m.Field(name)
			if t, ok := v.(time.Time); ok && t.Nanosecond()%int(time.Microsecond) != 0 {
				if err := m.SetField(name, t.Truncate(time.Microsecond)); err != nil {
					return nil, err
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}
