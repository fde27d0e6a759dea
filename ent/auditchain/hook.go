package auditchain

import (
	"context"
	"fmt"

	entgo "entgo.io/ent"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/auditevent"
)

// sealedKey marks a commit whose transaction has been sealed, so that the
// commit hooks of its other events do nothing.
type sealedKey struct{}

// Hook seals every audit event into the chain when its transaction
// commits. An event written outside a transaction is written in one of
// its own, so that it too is sealed before anybody sees it.
func Hook() entgo.Hook {
	return func(next entgo.Mutator) entgo.Mutator {
		return entgo.MutateFunc(func(ctx context.Context, mutation entgo.Mutation) (entgo.Value, error) {
			m, ok := mutation.(*ent.AuditEventMutation)
			if !ok || !m.Op().Is(entgo.OpCreate) {
				return next.Mutate(ctx, mutation)
			}
			tx, err := m.Tx()
			if err != nil {
				return createInTx(ctx, m)
			}
			value, err := next.Mutate(ctx, m)
			if err != nil {
				return nil, err
			}
			tx.OnCommit(sealOnCommit)
			return value, nil
		})
	}
}

// sealOnCommit seals the transaction's events just before it commits;
// the first of its events' hooks does it for all.
func sealOnCommit(next ent.Committer) ent.Committer {
	return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
		if ctx == nil {
			ctx = context.Background()
		}
		if ctx.Value(sealedKey{}) == nil {
			client := tx.Client()
			if err := Seal(ctx, client, client.Dialect()); err != nil {
				if rerr := tx.Rollback(); rerr != nil {
					return fmt.Errorf("%w (rollback: %v)", err, rerr)
				}
				return err
			}
			ctx = context.WithValue(ctx, sealedKey{}, true)
		}
		return next.Commit(ctx, tx)
	})
}

// createInTx writes the event m describes in a transaction of its own;
// its hooks, this one included, run again there.
func createInTx(ctx context.Context, m *ent.AuditEventMutation) (*ent.AuditEvent, error) {
	tx, err := m.Client().Tx(ctx)
	if err != nil {
		return nil, err
	}
	create := tx.AuditEvent.Create()
	if id, ok := m.ID(); ok {
		create.SetID(id)
	}
	for _, name := range m.Fields() {
		value, _ := m.Field(name)
		if err := create.Mutation().SetField(name, value); err != nil {
			_ = tx.Rollback()
			return nil, err
		}
	}
	for _, edge := range m.AddedEdges() {
		if edge != auditevent.EdgeActor && edge != auditevent.EdgeOrganization {
			_ = tx.Rollback()
			return nil, fmt.Errorf("audit chain: the edge %s of audit events is not copied", edge)
		}
	}
	if id, ok := m.ActorID(); ok {
		create.SetActorID(id)
	}
	if id, ok := m.OrganizationID(); ok {
		create.SetOrganizationID(id)
	}
	e, err := create.Save(ctx)
	if err != nil {
		_ = tx.Rollback()
		return nil, err
	}
	return e, tx.Commit()
}
