package audit

import (
	"context"
	"encoding/json"
	"errors"
	"sync"

	entgo "entgo.io/ent"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/schema/rule"
)

// apiNames are the API's names of ent types whose Go names differ.
var apiNames = map[string]domain.AuditEntityType{"CaseFile": "Case", "TerritorialTable": "Table", "APIToken": "ApiToken"}

// EntityType is the audit log's name of an ent type, by its Go name: the
// API's name of the type (Case, not CaseFile).
func EntityType(goName string) domain.AuditEntityType {
	if name, ok := apiNames[goName]; ok {
		return name
	}
	return domain.AuditEntityType(goName)
}

// Record writes one audit event per object for what the viewer did, as
// the system: the log is closed to everyone else. The events are one
// INSERT; outside a transaction (identities a query read) they get one of
// their own, in which they join the audit chain.
func Record(ctx context.Context, client *ent.Client, v *viewer.Viewer, action domain.AuditAction, entityType domain.AuditEntityType, ids []gid.ID) error {
	if len(ids) == 0 {
		return nil
	}
	return inTransaction(ctx, client, func(client *ent.Client) error {
		events := make([]*ent.AuditEventCreate, len(ids))
		for i, id := range ids {
			events[i] = event(client, v, action, entityType, id, "")
		}
		return client.AuditEvent.CreateBulk(events...).Exec(rule.SystemContext(ctx))
	})
}

// Entry is an object an event is about, with what the event says of it,
// written as JSON in the event's changes.
type Entry struct {
	ID      gid.ID
	Details any
}

// RecordEach is Record for objects an event must tell apart (the record
// kept and the record merged into it): each event carries its entry's
// details.
func RecordEach(ctx context.Context, client *ent.Client, v *viewer.Viewer, action domain.AuditAction, entityType domain.AuditEntityType, entries []Entry) error {
	return inTransaction(ctx, client, func(client *ent.Client) error {
		events := make([]*ent.AuditEventCreate, 0, len(entries))
		for _, e := range entries {
			details, err := json.Marshal(e.Details)
			if err != nil {
				return err
			}
			events = append(events, event(client, v, action, entityType, e.ID, string(details)))
		}
		return client.AuditEvent.CreateBulk(events...).Exec(rule.SystemContext(ctx))
	})
}

// RecordSearch writes one event for a search the viewer made, with what
// was searched and how many results it found, as JSON in the event's
// changes; never which: the results' identities are what the log must
// not gather in one place.
func RecordSearch(ctx context.Context, client *ent.Client, v *viewer.Viewer, action domain.AuditAction, entityType domain.AuditEntityType, search any) error {
	details, err := json.Marshal(search)
	if err != nil {
		return err
	}
	return inTransaction(ctx, client, func(client *ent.Client) error {
		return event(client, v, action, entityType, "", string(details)).Exec(rule.SystemContext(ctx))
	})
}

// inTransaction runs write with client if it is a transaction's, else in
// a transaction of its own, in which the events join the audit chain.
func inTransaction(ctx context.Context, client *ent.Client, write func(*ent.Client) error) error {
	if inTx(client) {
		return write(client)
	}
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	if err := write(tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// recordChange writes one audit event, with what changed when known.
func recordChange(ctx context.Context, client *ent.Client, v *viewer.Viewer, action domain.AuditAction, entityType domain.AuditEntityType, id gid.ID, changes string) error {
	return event(client, v, action, entityType, id, changes).Exec(rule.SystemContext(ctx))
}

// event is the creation of an audit event.
func event(client *ent.Client, v *viewer.Viewer, action domain.AuditAction, entityType domain.AuditEntityType, id gid.ID, changes string) *ent.AuditEventCreate {
	b := client.AuditEvent.Create().SetAction(string(action)).SetEntityType(string(entityType)).
		SetActorID(v.UserID).SetOrganizationID(v.OrganizationID).
		SetRequestID(v.RequestID).SetClientAddress(v.ClientAddress)
	if id != "" { // a search is about no one object
		b.SetEntityID(string(id))
	}
	if changes != "" {
		b.SetChanges(changes)
	}
	return b
}

// AuditMutations records every change a viewer makes, one event per
// object, in the transaction of the change: if either fails, neither
// stays. Changes to users and table seats carry their before and after
// values (see changes.go). Work the system does on its own (loading demo
// data) has no viewer and is not recorded.
func AuditMutations() entgo.Hook {
	return func(next entgo.Mutator) entgo.Mutator {
		return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
			v := viewer.FromContext(ctx)
			if v == nil {
				return next.Mutate(ctx, m)
			}
			client := m.(interface{ Client() *ent.Client }).Client()
			var ids []gid.ID
			if !m.Op().Is(entgo.OpCreate) { // known before they change
				var err error
				if ids, err = m.(interface {
					IDs(context.Context) ([]gid.ID, error)
				}).IDs(ctx); err != nil {
					return nil, err
				}
			}
			before, err := snapshots(ctx, client, m.Type(), ids)
			if err != nil {
				return nil, err
			}
			value, err := next.Mutate(ctx, m)
			if err != nil {
				return nil, err
			}
			if id, ok := m.(interface{ ID() (gid.ID, bool) }).ID(); ok {
				ids = []gid.ID{id}
			}
			action := domain.AuditAction("UPDATE")
			switch {
			case m.Op().Is(entgo.OpCreate):
				action = "CREATE"
			case m.Op().Is(entgo.OpDelete | entgo.OpDeleteOne):
				action = "DELETE"
			}
			after, err := snapshots(ctx, client, m.Type(), ids)
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				if err := recordChange(ctx, client, v, action, EntityType(m.Type()), id, diff(before[id], after[id])); err != nil {
					return nil, err
				}
			}
			return value, nil
		})
	}
}

// errUnaudited refuses a read of identities that cannot be recorded.
var errUnaudited = errors.New("identities are read only within a request that can be audited")

// AuditIdentityReads records every identity a viewer's query returns, one
// event each; a read that cannot be recorded is refused. Reads the system
// makes for a viewer (an export) are recorded by that operation instead.
func AuditIdentityReads() entgo.Interceptor {
	return entgo.InterceptFunc(func(next entgo.Querier) entgo.Querier {
		return entgo.QuerierFunc(func(ctx context.Context, q entgo.Query) (entgo.Value, error) {
			value, err := next.Query(ctx, q)
			v := viewer.FromContext(ctx)
			if decision, decided := privacy.DecisionFromContext(ctx); err != nil || v == nil || decided && decision == nil { // nil: the system's Allow
				return value, err
			}
			identities, ok := value.([]*ent.PersonIdentity)
			if !ok || len(identities) == 0 {
				return value, nil // counts and IDs read nothing identifying
			}
			client := ent.FromContext(ctx)
			if client == nil {
				return nil, errUnaudited
			}
			ids := make([]gid.ID, len(identities))
			for i, pi := range identities {
				ids[i] = pi.ID
			}
			if r, ok := ctx.Value(readsKey{}).(*reads); ok && !inTx(client) {
				r.add(client, v, ids)
				return value, nil
			}
			if err := Record(ctx, client, v, "READ_IDENTITY", "PersonIdentity", ids); err != nil {
				return nil, err
			}
			return value, nil
		})
	})
}

// inTx reports whether client is a transaction's.
func inTx(client *ent.Client) bool {
	_, err := client.AuditEvent.Create().Mutation().Tx()
	return err == nil
}

// reads are the identities a request's query has read so far, to be
// recorded together (CollectReads).
type reads struct {
	mu     sync.Mutex
	client *ent.Client
	viewer *viewer.Viewer
	ids    []gid.ID
	seen   map[gid.ID]bool
}

type readsKey struct{}

func (r *reads) add(client *ent.Client, v *viewer.Viewer, ids []gid.ID) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.client, r.viewer = client, v
	for _, id := range ids {
		if !r.seen[id] {
			r.seen[id] = true
			r.ids = append(r.ids, id)
		}
	}
}

// CollectReads returns a context in which the identities that queries
// outside a transaction read are kept, to be recorded by RecordReads in
// one INSERT, each identity once, instead of one INSERT per list read.
// The caller must call RecordReads before the answer leaves, and send
// nothing if it fails.
func CollectReads(ctx context.Context) context.Context {
	return context.WithValue(ctx, readsKey{}, &reads{seen: map[gid.ID]bool{}})
}

// RecordReads records the identities read in ctx since CollectReads and
// forgets them.
func RecordReads(ctx context.Context) error {
	r, ok := ctx.Value(readsKey{}).(*reads)
	if !ok {
		return nil
	}
	r.mu.Lock()
	client, v, ids := r.client, r.viewer, r.ids
	r.ids = nil
	r.mu.Unlock()
	if len(ids) == 0 {
		return nil
	}
	return Record(ctx, client, v, "READ_IDENTITY", "PersonIdentity", ids)
}
