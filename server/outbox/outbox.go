// Package outbox makes events leave WIN reliably: a step writes its event
// (Write) in the transaction of its change, so that a change rolled back
// sends nothing and one committed is sent even if the process dies; the
// dispatcher (Dispatcher) then turns each event, once, into notifications
// for the people domain.EventRules names and hands it to the channels —
// e-mail (server/mail), webhooks (server/webhook) — in one transaction,
// and after the commit to the live updates of every server process (Bus).
package outbox

import (
	"context"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/schema/rule"
)

// Event is what a step tells of its change: its kind and the IDs of what
// it concerns, never words about a person.
type Event struct {
	Kind        domain.EventKind
	Actor       gid.ID       // who made the change; never told of it
	Case        gid.ID       // the case concerned
	Table       gid.ID       // the case's table, or the table a directive addresses
	OtherTable  gid.ID       // the other table of a transfer
	Directive   gid.ID       // the directive issued
	User        gid.ID       // the user concerned: the manager assigned, the webhook's owner
	Object      gid.ID       // the part of the case a deadline is about, or the webhook disabled
	Day         *domain.Date // the day a deadline falls on
	DedupeKey   string       // set: once only, whoever writes it again
	OrderingKey string       // default: the case, else the directive, else the object
}

// Write records events in client's transaction (a step's, through the
// system's context: the step checked its rights), in one statement.
func Write(ctx context.Context, client *ent.Client, events ...Event) error {
	if len(events) == 0 {
		return nil
	}
	creates := make([]*ent.OutboxEventCreate, len(events))
	for i, e := range events {
		creates[i] = create(client, e)
	}
	return client.OutboxEvent.CreateBulk(creates...).Exec(rule.SystemContext(ctx))
}

func create(client *ent.Client, e Event) *ent.OutboxEventCreate {
	key := e.OrderingKey
	for _, k := range []gid.ID{e.Case, e.Directive, e.Object, e.User} {
		if key == "" {
			key = string(k)
		}
	}
	if key == "" {
		key = string(e.Kind)
	}
	c := client.OutboxEvent.Create().SetKind(e.Kind).SetOrderingKey(key).
		SetActorID(e.Actor).SetCaseID(e.Case).SetTableID(e.Table).SetOtherTableID(e.OtherTable).
		SetDirectiveID(e.Directive).SetUserID(e.User).SetObjectID(e.Object).SetNillableDay(e.Day)
	if e.DedupeKey != "" {
		c.SetDedupeKey(e.DedupeKey)
	}
	return c
}

// Channel is a way an event leaves WIN besides the notification centre:
// e-mail, webhooks. The dispatcher calls Fanout once per event, in the
// transaction that writes the event's notifications and marks it
// dispatched, with those notifications (none for an event told to
// programs only): the channel writes what it will send (an e-mail, a
// delivery per endpoint) in that transaction, and sends it later from
// its own queue.
type Channel interface {
	Fanout(ctx context.Context, tx *ent.Client, e *ent.OutboxEvent, notes []*ent.Notification) error
}
