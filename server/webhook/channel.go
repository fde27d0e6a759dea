package webhook

import (
	"context"
	"encoding/json"
	"time"

	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqljson"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/webhook"
	"github.com/progetto-win/win/server/outbox"
)

// Channel is the outbox's channel to partners' programs: in the
// dispatcher's transaction it queues one delivery of the event for each
// enabled endpoint that receives its kind; the Sender sends them.
type Channel struct {
	// Sender, if set, is woken by Kick once the dispatcher has
	// committed the deliveries queued.
	Sender *Sender
	// Now is the clock of the deliveries' first attempt; nil: time.Now.
	Now func() time.Time
}

var _ outbox.Channel = (*Channel)(nil)

// Payload is the body of a delivery, as Standard Webhooks shapes it:
// the kind, the time of the event and IDs only. The program reads the
// rest through the API with its token, under that token's rights.
type Payload struct {
	Type      string `json:"type"`
	Timestamp string `json:"timestamp"`
	Data      Data   `json:"data"`
}

// Data are the IDs of what an event concerns; empty ones are left out.
type Data struct {
	EventID      gid.ID `json:"eventId"`
	CaseID       gid.ID `json:"caseId,omitempty"`
	TableID      gid.ID `json:"tableId,omitempty"`
	OtherTableID gid.ID `json:"otherTableId,omitempty"`
	DirectiveID  gid.ID `json:"directiveId,omitempty"`
	UserID       gid.ID `json:"userId,omitempty"`
	ObjectID     gid.ID `json:"objectId,omitempty"`
	Day          string `json:"day,omitempty"`
}

// PayloadOf is the body sent for an event.
func PayloadOf(e *ent.OutboxEvent) Payload {
	p := Payload{
		Type:      string(e.Kind),
		Timestamp: e.OccurredAt.UTC().Format(time.RFC3339Nano),
		Data: Data{EventID: e.ID, CaseID: e.CaseID, TableID: e.TableID, OtherTableID: e.OtherTableID,
			DirectiveID: e.DirectiveID, UserID: e.UserID, ObjectID: e.ObjectID},
	}
	if e.Day != nil {
		p.Data.Day = e.Day.String()
	}
	return p
}

// receives selects the enabled endpoints that receive a kind of event.
func receives(kind string) predicate.Webhook {
	return webhook.And(webhook.Enabled(true), func(s *sql.Selector) {
		s.Where(sqljson.ValueContains(webhook.FieldKinds, kind))
	})
}

// Fanout implements outbox.Channel: one PENDING delivery, due now, per
// endpoint that receives the event's kind.
func (c *Channel) Fanout(ctx context.Context, tx *ent.Client, e *ent.OutboxEvent, _ []*ent.Notification) error {
	sys := rule.SystemContext(ctx)
	hooks, err := tx.Webhook.Query().Where(receives(string(e.Kind))).IDs(sys)
	if err != nil || len(hooks) == 0 {
		return err
	}
	body, err := json.Marshal(PayloadOf(e))
	if err != nil {
		return err
	}
	now := time.Now()
	if c.Now != nil {
		now = c.Now()
	}
	creates := make([]*ent.WebhookDeliveryCreate, len(hooks))
	for i, id := range hooks {
		creates[i] = tx.WebhookDelivery.Create().SetWebhookID(id).SetEventID(e.ID).SetKind(e.Kind).
			SetOrderingKey(e.OrderingKey).SetPayload(string(body)).SetCreatedAt(e.OccurredAt).SetNextAttemptAt(now)
	}
	return tx.WebhookDelivery.CreateBulk(creates...).Exec(sys)
}

// Kick wakes the sender: the dispatcher calls it after committing.
func (c *Channel) Kick() {
	if c.Sender != nil {
		c.Sender.Kick()
	}
}
