package outbox

import (
	"context"
	"slices"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/directive"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
)

// recipients finds the users an event is told to, as the kind's row of
// domain.EventRules names them, when the dispatcher delivers it: never
// its actor, nor a disabled account, each once. ctx is the system's.
func recipients(ctx context.Context, tx *ent.Client, e *ent.OutboxEvent, c *ent.CaseFile) ([]*ent.User, error) {
	r, ok := domain.RuleOf(e.Kind)
	if !ok {
		return nil, nil
	}
	var ids []gid.ID
	for _, to := range r.Recipients {
		found, err := recipient(ctx, tx, to, e, c)
		if err != nil {
			return nil, err
		}
		ids = append(ids, found...)
	}
	ids = slices.DeleteFunc(ids, func(id gid.ID) bool { return id == "" || id == e.ActorID })
	if len(ids) == 0 {
		return nil, nil
	}
	slices.Sort(ids)
	return tx.User.Query().Where(user.IDIn(slices.Compact(ids)...), user.Disabled(false)).Order(ent.Asc(user.FieldID)).All(ctx)
}

// recipient finds the users one recipient of the table names.
func recipient(ctx context.Context, tx *ent.Client, to domain.Recipient, e *ent.OutboxEvent, c *ent.CaseFile) ([]gid.ID, error) {
	switch to {
	case domain.ToTableCoordinator:
		return coordinators(ctx, tx, territorialtable.ID(e.TableID))
	case domain.ToTransferCoordinators:
		return coordinators(ctx, tx, territorialtable.IDIn(e.TableID, e.OtherTableID))
	case domain.ToAddressedCoordinators:
		d, err := tx.Directive.Query().Where(directive.ID(e.DirectiveID)).Only(ctx)
		if err != nil {
			return nil, err
		}
		if d.AllTables {
			return coordinators(ctx, tx)
		}
		return coordinators(ctx, tx, territorialtable.HasDirectivesWith(directive.ID(d.ID)))
	case domain.ToReferringOperator:
		if c == nil {
			return nil, nil
		}
		return tx.CaseFile.Query().Where(casefile.ID(c.ID)).QueryReferringOperator().IDs(ctx)
	case domain.ToAssignedManager, domain.ToWebhookOwner, domain.ToConcernedUser:
		return []gid.ID{e.UserID}, nil
	case domain.ToManagerElseCoordinator:
		if c == nil {
			return nil, nil
		}
		manager, err := tx.CaseFile.Query().Where(casefile.ID(c.ID)).QueryCaseManager().IDs(ctx)
		if err != nil || len(manager) > 0 {
			return manager, err
		}
		return coordinators(ctx, tx, territorialtable.HasCasesWith(casefile.ID(c.ID)))
	}
	return nil, nil
}

// coordinators are the coordinators of the tables that match.
func coordinators(ctx context.Context, tx *ent.Client, where ...predicate.TerritorialTable) ([]gid.ID, error) {
	return tx.TerritorialTable.Query().Where(where...).QueryCoordinator().IDs(ctx)
}
