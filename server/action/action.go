// Package action is the frame of every write a service makes for a
// viewer, a pathway step (server/pathway) as a governance action
// (server/governance): the signed-in viewer, the request's transaction,
// the refusal of read-only tokens, the system's context for the writes
// once the rights are checked, and the audit event. It sits under the
// services and imports none of them, nor graph.
package action

import (
	"context"
	"errors"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/auth"
)

// ErrNoTransaction is a wiring mistake: actions run inside the request's
// transaction (entgql.Transactioner), whose client the context carries.
var ErrNoTransaction = errors.New("action: no transaction in the context")

// Action is one write of a service for a viewer.
type Action struct {
	Ctx    context.Context // the viewer's: reads see only what the viewer may see
	Sys    context.Context // the system's: writes, once the action's rights are checked
	Client *ent.Client     // the request's transaction
	Viewer *viewer.Viewer

	once map[string]bool
}

// Start starts an action: a signed-in viewer (else UNAUTHENTICATED) in
// the request's transaction. The action checks its own rights, with
// Writable among them, before it writes with Sys.
func Start(ctx context.Context) (*Action, error) {
	v, err := auth.Viewer(ctx)
	if err != nil {
		return nil, err
	}
	client := ent.FromContext(ctx)
	if client == nil {
		return nil, ErrNoTransaction
	}
	return &Action{Ctx: ctx, Sys: rule.SystemContext(ctx), Client: client, Viewer: v}, nil
}

// Writable refuses a read-only API token (FORBIDDEN). A pathway step
// asks it only after finding the case, so that a case the viewer does
// not see stays NOT_FOUND, as if it did not exist.
func (a *Action) Writable() error {
	if a.Viewer.ReadOnly {
		return &fault.Forbidden{Message: "a read-only API token cannot change data"}
	}
	return nil
}

// Audit records the action, by its audit name, on objects of a type.
func (a *Action) Audit(name domain.AuditAction, entityType domain.AuditEntityType, ids ...gid.ID) error {
	return audit.Record(a.Sys, a.Client, a.Viewer, name, entityType, ids)
}

// AuditEach records what the viewer did to objects the log must tell
// apart, each with its details (audit.RecordEach).
func (a *Action) AuditEach(name domain.AuditAction, entityType domain.AuditEntityType, entries ...audit.Entry) error {
	return audit.RecordEach(a.Sys, a.Client, a.Viewer, name, entityType, entries)
}

// AuditSearch records a search the viewer made, with what was searched
// and how many results, not which (audit.RecordSearch).
func (a *Action) AuditSearch(name domain.AuditAction, entityType domain.AuditEntityType, search any) error {
	return audit.RecordSearch(a.Sys, a.Client, a.Viewer, name, entityType, search)
}

// Once reports whether key is new to the action: for a consequence
// written once per action however often its cause recurs (a case's
// change told once, whatever number of timeline events the step writes).
func (a *Action) Once(key string) bool {
	if a.once[key] {
		return false
	}
	if a.once == nil {
		a.once = map[string]bool{}
	}
	a.once[key] = true
	return true
}
