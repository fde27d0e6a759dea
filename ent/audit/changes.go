package audit

import (
	"context"
	"encoding/json"
	"maps"
	"slices"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
)

// snapshot is what the audit log keeps of an object, by API field name.
type snapshot map[string]any

// snapshotters read, for the types whose changes decide who may see what
// — users and their roles, table seats, table coordinators — the fields
// the audit log records before and after a change. Only these: other
// types hold personal data the log must not copy. A user's password hash
// is never read here.
var snapshotters = map[string]func(context.Context, *ent.Client, []gid.ID) (map[gid.ID]snapshot, error){
	"User": func(ctx context.Context, c *ent.Client, ids []gid.ID) (map[gid.ID]snapshot, error) {
		users, err := c.User.Query().Where(user.IDIn(ids...)).WithOrganization().All(ctx)
		out := map[gid.ID]snapshot{}
		for _, u := range users {
			out[u.ID] = snapshot{"email": u.Email, "name": u.Name, "roles": u.Roles, "disabled": u.Disabled,
				"organizationID": u.Edges.Organization.ID, "passwordChangedAt": u.PasswordChangedAt}
		}
		return out, err
	},
	"TableMembership": func(ctx context.Context, c *ent.Client, ids []gid.ID) (map[gid.ID]snapshot, error) {
		seats, err := c.TableMembership.Query().Where(tablemembership.IDIn(ids...)).
			WithTable().WithUser().WithOrganization().All(ctx)
		out := map[gid.ID]snapshot{}
		for _, s := range seats {
			out[s.ID] = snapshot{"tableID": s.Edges.Table.ID, "userID": s.Edges.User.ID,
				"organizationID": s.Edges.Organization.ID, "profession": s.Profession, "joinedOn": s.JoinedOn}
		}
		return out, err
	},
	"TerritorialTable": func(ctx context.Context, c *ent.Client, ids []gid.ID) (map[gid.ID]snapshot, error) {
		tables, err := c.TerritorialTable.Query().Where(territorialtable.IDIn(ids...)).WithCoordinator().All(ctx)
		out := map[gid.ID]snapshot{}
		for _, t := range tables {
			var coordinator *gid.ID
			if t.Edges.Coordinator != nil {
				coordinator = &t.Edges.Coordinator.ID
			}
			out[t.ID] = snapshot{"coordinatorID": coordinator}
		}
		return out, err
	},
}

// snapshots reads the recorded fields of objects of a type; nil for the
// types not recorded in detail.
func snapshots(ctx context.Context, c *ent.Client, typ string, ids []gid.ID) (map[gid.ID]snapshot, error) {
	read, ok := snapshotters[typ]
	if !ok || len(ids) == 0 {
		return nil, nil
	}
	return read(rule.SystemContext(ctx), c, ids)
}

// change is one field's values around a change; a side is absent when
// the object did not exist.
type change struct {
	Before any `json:"before,omitempty"`
	After  any `json:"after,omitempty"`
}

// diff returns the fields that differ between two snapshots as JSON, or
// "" when there is nothing to say (a type not recorded in detail).
func diff(before, after snapshot) string {
	if before == nil && after == nil {
		return ""
	}
	changes := map[string]change{}
	keys := slices.Sorted(maps.Keys(before))
	keys = append(keys, slices.Sorted(maps.Keys(after))...)
	for _, k := range keys {
		b, _ := json.Marshal(before[k])
		a, _ := json.Marshal(after[k])
		if string(a) != string(b) {
			changes[k] = change{Before: before[k], After: after[k]}
		}
	}
	out, _ := json.Marshal(changes) // plain values: cannot fail
	return string(out)
}
