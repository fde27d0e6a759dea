package schema

import (
	"context"

	"entgo.io/ent"

	"github.com/progetto-win/win/domain/viewer"
	gen "github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/hook"
)

// grantsChange tells the cache of viewers (server/auth) that a viewer may
// have changed (Announce). Other processes hear of it from PostgreSQL (the
// viewer_grants triggers). A token's last use changes nobody's access.
func grantsChange(ops ent.Op) ent.Hook {
	return hook.On(hook.If(Announce(viewer.GrantsChanged), func(_ context.Context, m ent.Mutation) bool { return !tokenUseOnly(m) }), ops)
}

// tokenUseOnly reports a mutation that only records when a token was last
// used, which changes nobody's access.
func tokenUseOnly(m ent.Mutation) bool {
	fields := m.Fields()
	return m.Type() == gen.TypeAPIToken && len(fields) == 1 && fields[0] == apitoken.FieldLastUsedAt &&
		len(m.ClearedFields()) == 0 && len(m.AddedEdges()) == 0 && len(m.RemovedEdges()) == 0 && len(m.ClearedEdges()) == 0
}

// Changes of access: the records a viewer is built from.
var (
	anyChange = ent.OpCreate | ent.OpUpdate | ent.OpUpdateOne | ent.OpDelete | ent.OpDeleteOne
	ending    = ent.OpUpdate | ent.OpUpdateOne | ent.OpDelete | ent.OpDeleteOne
)

// Hooks of Session: a session ended (sign-out, password change) stops
// working at once, in every process. Its last use is no change.
func (Session) Hooks() []ent.Hook {
	return []ent.Hook{grantsChange(ent.OpDelete | ent.OpDeleteOne)}
}

// Hooks of APIToken: a revoked token stops working at once.
func (APIToken) Hooks() []ent.Hook { return []ent.Hook{grantsChange(ending)} }

// Hooks of TableMembership: a member added or removed reads their
// table's cases, or stops reading them, from their next request.
func (TableMembership) Hooks() []ent.Hook { return []ent.Hook{grantsChange(anyChange)} }

// Hooks of TerritorialTable: a new coordinator acts as one at once.
func (TerritorialTable) Hooks() []ent.Hook { return []ent.Hook{grantsChange(anyChange)} }
