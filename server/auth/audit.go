package auth

import (
	"context"
	"encoding/json"
	"log/slog"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/user"
)

// auditTx records an event in the transaction of what it records.
func auditTx(ctx context.Context, tx *ent.Client, action domain.AuditAction, entityType domain.AuditEntityType, entityID string, actor *ent.User, req Request) error {
	var actorID gid.ID
	if actor != nil {
		actorID = actor.ID
	}
	return auditTxID(ctx, tx, action, entityType, entityID, actorID, req)
}

func auditTxID(ctx context.Context, tx *ent.Client, action domain.AuditAction, entityType domain.AuditEntityType, entityID string, actor gid.ID, req Request) error {
	return auditChange(ctx, tx, action, entityType, entityID, actor, req, nil)
}

// auditChange records an event with what it changed, when not nil.
func auditChange(ctx context.Context, tx *ent.Client, action domain.AuditAction, entityType domain.AuditEntityType, entityID string, actor gid.ID, req Request, changes any) error {
	b := tx.AuditEvent.Create().SetAction(string(action)).SetEntityType(string(entityType)).SetEntityID(entityID).
		SetRequestID(req.RequestID).SetClientAddress(req.ClientAddress)
	if actor != "" {
		org, err := tx.User.Query().Where(user.ID(actor)).QueryOrganization().OnlyID(ctx)
		if err != nil {
			return err
		}
		b.SetActorID(actor).SetOrganizationID(org)
	}
	if changes != nil {
		out, err := json.Marshal(changes)
		if err != nil {
			return err
		}
		b.SetChanges(string(out))
	}
	return b.Exec(ctx)
}

// audit records an event on its own, for what has no transaction: a failed
// or throttled sign-in. A failure to record is logged, not returned, so
// that it cannot turn a refusal into an error page.
func (s *Service) audit(ctx context.Context, action domain.AuditAction, entityType domain.AuditEntityType, entityID string, actor *ent.User, req Request) {
	if err := auditTx(ctx, s.Client, action, entityType, entityID, actor, req); err != nil {
		slog.ErrorContext(ctx, "writing audit event", "action", action, "error", err)
	}
}
