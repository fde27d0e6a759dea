package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/schema/rule"
)

// Webhook is an endpoint of a partner's program that WIN calls when
// events of the kinds it chose happen (Webhook): it receives the kind,
// the time and IDs, and reads the rest through the API with the token
// that registered it, under that token's rights.
type Webhook struct{ ent.Schema }

// Mixin of Webhook.
func (Webhook) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("whk"), TimeMixin{}}
}

// Fields of Webhook.
func (Webhook) Fields() []ent.Field {
	return []ent.Field{
		field.String("url").NotEmpty().MaxLen(2000).
			Comment("Where WIN posts the events: an https (or http) URL on a public address (indirizzo)."),
		field.String("description").Optional().MaxLen(200).
			Comment("What the endpoint is for (descrizione)."),
		field.JSON("kinds", []domain.EventKind{}).
			Comment("The kinds of events it receives (tipi di evento).").
			Annotations(entgql.Type("[EventKind!]")),
		field.String("secret").NotEmpty().Sensitive().
			Comment("The signing secret (whsec_…), shown once at creation.").
			Annotations(entgql.Skip()),
		field.Bool("enabled").Default(true).
			Comment("Whether WIN calls it; false once disabled by its owner or after failing for 24 hours (attivo)."),
		field.String("disabled_reason").Optional().MaxLen(300).
			Comment("Why it was disabled (motivo della disattivazione)."),
		field.Time("failing_since").Optional().Nillable().
			Comment("The first failed delivery since the last success; after 24 hours the endpoint is disabled (in errore dal)."),
	}
}

// Edges of Webhook.
func (Webhook) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("owner", User.Type).Unique().Required().Immutable().
			Comment("Who registered it (proprietario).").
			Annotations(entgql.Skip()),
		edge.To("token", APIToken.Type).Unique().Required().Immutable().
			Comment("The token it was registered with: deliveries see what that token may see, and stop when it is revoked.").
			Annotations(entgql.Skip()),
		edge.From("deliveries", WebhookDelivery.Type).Ref("webhook").
			Comment("Its deliveries; orderBy {field: CREATED_AT, direction: DESC} lists the newest first (consegne).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
	}
}

// Policy of Webhook: an owner reads their own; the webhook service writes.
func (Webhook) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.OwnWebhooks(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations of Webhook.
func (Webhook) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("An endpoint of a partner's program that receives WIN's events (Webhook); only its owner sees it."),
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
	}
}

// WebhookDelivery is one event for one endpoint, with its attempts
// (Consegna): the endpoint's delivery log.
type WebhookDelivery struct{ ent.Schema }

// Mixin of WebhookDelivery.
func (WebhookDelivery) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("whd")}
}

// Fields of WebhookDelivery.
func (WebhookDelivery) Fields() []ent.Field {
	return []ent.Field{
		field.String("event_id").GoType(gid.ID("")).MaxLen(40).Immutable().
			Comment("The event, sent as the webhook-id header: the same on every attempt, for the receiver to drop repeats."),
		field.Enum("kind").GoType(domain.EventKind("")).Immutable().
			Comment("What happened.").
			Annotations(sharedEnum("EventKind")),
		field.String("ordering_key").MaxLen(40).Immutable().
			Comment("Deliveries with the same key reach the endpoint in order.").
			Annotations(entgql.Skip()),
		field.Text("payload").Immutable().
			Comment("The JSON body sent: type, timestamp and IDs."),
		field.Enum("state").Values("PENDING", "DELIVERED", "FAILED", "SKIPPED").Default("PENDING").
			Comment("PENDING: to be sent or retried; DELIVERED: answered 2xx; FAILED: gave up after 24 hours or the endpoint was disabled; SKIPPED: the owner could not see the object when it was due."),
		field.Int("attempts").Default(0).
			Comment("Attempts made."),
		field.Time("created_at").Default(time.Now).Immutable().
			Comment("When the event happened.").
			Annotations(entgql.OrderField("CREATED_AT")),
		field.Time("next_attempt_at").Optional().Nillable().
			Comment("When it will be tried (again); null once settled."),
		field.Time("claimed_until").Optional().Nillable().
			Comment("A sender holds it until then.").
			Annotations(entgql.Skip()),
		field.Int("last_status").Optional().Nillable().
			Comment("HTTP status of the last attempt; null if it got no answer."),
		field.Int("last_duration_ms").Optional().Nillable().
			Comment("How long the last attempt took, in milliseconds."),
		field.String("last_error").Optional().MaxLen(300).
			Comment("Why the last attempt failed (timeout, refused address…)."),
		field.Time("delivered_at").Optional().Nillable().
			Comment("When the endpoint acknowledged it."),
	}
}

// Edges of WebhookDelivery.
func (WebhookDelivery) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("webhook", Webhook.Type).Unique().Required().Immutable().
			Comment("The endpoint."),
	}
}

// Indexes of WebhookDelivery: due ones in order, one per endpoint and event.
func (WebhookDelivery) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("state", "next_attempt_at"),
		index.Edges("webhook").Fields("ordering_key", "created_at"),
		index.Edges("webhook").Fields("event_id").Unique(),
	}
}

// Policy of WebhookDelivery: its endpoint's owner reads it.
func (WebhookDelivery) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.OwnWebhookDeliveries(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations of WebhookDelivery.
func (WebhookDelivery) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("One event sent to one endpoint, with its attempts (Consegna di un webhook)."),
		entgql.RelayConnection(),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
	}
}
