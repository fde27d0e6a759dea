package rule

import (
	"context"
	"fmt"
	"slices"

	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/ent/user"
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

// errSelfGrant refuses a viewer's grant of rights to themselves.
var errSelfGrant = fmt.Errorf("%w: %w", privacy.Deny,
	&fault.Forbidden{Message: "you cannot grant yourself a role, a table seat or a table to coordinate: another administrator must"})

// DenySelfGrant keeps rights a matter of two people: nobody adds a role
// to their own account, gives themselves a seat at a table (or moves or
// changes their own), or makes themselves a table's coordinator. Giving
// rights up (removing a role, leaving a table) stays allowed.
func DenySelfGrant() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return privacy.Skip
		}
		var grant bool
		var err error
		switch m := m.(type) {
		case *ent.UserMutation:
			grant, err = grantsRole(ctx, v, m)
		case *ent.TableMembershipMutation:
			grant, err = takesSeat(ctx, v, m)
		case *ent.TerritorialTableMutation:
			id, ok := m.CoordinatorID()
			grant = ok && id == v.UserID
		}
		if err != nil {
			return err
		}
		if grant {
			return errSelfGrant
		}
		return privacy.Skip
	})
}

// grantsRole reports whether a change of users gives the viewer a role
// they do not hold, by setting the roles or appending to them.
func grantsRole(ctx context.Context, v *viewer.Viewer, m *ent.UserMutation) (bool, error) {
	roles, _ := m.Roles()
	appended, _ := m.AppendedRoles()
	roles = append(roles, appended...)
	if len(roles) == 0 || m.Op().Is(ent.OpCreate) {
		return false, nil
	}
	ids, err := m.IDs(SystemContext(ctx))
	if err != nil || !slices.Contains(ids, v.UserID) {
		return false, err
	}
	for _, r := range roles {
		if !v.Has(r) {
			return true, nil
		}
	}
	return false, nil
}

// takesSeat reports whether a change of seats gives the viewer one, or
// changes one of theirs; deleting one's own seat is giving it up.
func takesSeat(ctx context.Context, v *viewer.Viewer, m *ent.TableMembershipMutation) (bool, error) {
	if m.Op().Is(ent.OpDelete | ent.OpDeleteOne) {
		return false, nil
	}
	if id, ok := m.UserID(); ok && id == v.UserID {
		return true, nil
	}
	if m.Op().Is(ent.OpCreate) {
		return false, nil
	}
	ids, err := m.IDs(SystemContext(ctx))
	if err != nil {
		return false, err
	}
	return m.Client().TableMembership.Query().
		Where(tablemembership.IDIn(ids...), tablemembership.HasUserWith(user.ID(v.UserID))).Exist(SystemContext(ctx))
}
