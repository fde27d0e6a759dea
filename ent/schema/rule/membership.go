package rule

import (
	"context"
	"slices"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/schema/gid"
	"github.com/progetto-win/win/ent/schema/viewer"
	"github.com/progetto-win/win/ent/tablemembership"
)

// AllowTableCoordinator allows a coordinator to add, change and remove
// the members of the tables they coordinate, and no other table's.
func AllowTableCoordinator() privacy.MutationRule {
	return privacy.TableMembershipMutationRuleFunc(func(ctx context.Context, m *ent.TableMembershipMutation) error {
		v := viewer.FromContext(ctx)
		if v == nil || len(v.Coordinates) == 0 {
			return privacy.Skip
		}
		var tables []gid.ID
		if id, ok := m.TableID(); ok {
			tables = append(tables, id)
		}
		if !m.Op().Is(ent.OpCreate) {
			ids, err := m.IDs(SystemContext(ctx))
			if err != nil {
				return err
			}
			current, err := m.Client().TableMembership.Query().Where(tablemembership.IDIn(ids...)).QueryTable().IDs(SystemContext(ctx))
			if err != nil {
				return err
			}
			tables = append(tables, current...)
		}
		for _, t := range tables {
			if !slices.Contains(v.Coordinates, t) {
				return privacy.Skip
			}
		}
		if len(tables) == 0 {
			return privacy.Skip
		}
		return privacy.Allow
	})
}
