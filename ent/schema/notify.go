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

// OutboxEvent is an event that must leave WIN (domain.EventRules),
// written in the transaction of the change it reports: a change rolled
// back sends nothing, one committed is delivered even if the process dies
// before delivering it. It carries IDs only, never words about a person.
// The dispatcher (server/outbox) claims it, turns it into notifications,
// e-mails, webhook deliveries and live updates in one transaction, and
// marks it dispatched. Not part of the API.
type OutboxEvent struct{ ent.Schema }

// Mixin of OutboxEvent.
func (OutboxEvent) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("obx")}
}

// Fields of OutboxEvent.
func (OutboxEvent) Fields() []ent.Field {
	id := func(name, comment string) ent.Field {
		return field.String(name).GoType(gid.ID("")).Optional().MaxLen(40).Immutable().Comment(comment)
	}
	return []ent.Field{
		field.Enum("kind").GoType(domain.EventKind("")).Immutable().
			Comment("What happened."),
		field.Time("occurred_at").Default(time.Now).Immutable().
			Comment("When the change was made."),
		id("actor_id", "Who made the change; never told of it. Empty for the daily run's deadlines."),
		id("case_id", "The case concerned."),
		id("table_id", "The case's table when it happened, or the table a directive addresses."),
		id("other_table_id", "The other table of a transfer."),
		id("directive_id", "The directive issued."),
		id("user_id", "The user concerned: the case manager assigned, the webhook's owner."),
		id("object_id", "The part of the case a deadline is about (plan, meeting, outcome, intervention, commitment) or the webhook disabled."),
		field.Time("day").GoType(day).SchemaType(dateColumn).Optional().Nillable().Immutable().
			Comment("The day a deadline falls on."),
		field.String("ordering_key").NotEmpty().MaxLen(40).Immutable().
			Comment("Events with the same key (the case, or the directive) reach each endpoint in the order they were written."),
		field.String("dedupe_key").Optional().Nillable().Unique().MaxLen(120).Immutable().
			Comment("Makes a deadline's event once only, whichever process finds it: kind, object and day."),
		field.Time("dispatched_at").Optional().Nillable().
			Comment("When the dispatcher turned it into notifications and deliveries."),
		field.Time("claimed_until").Optional().Nillable().
			Comment("A dispatcher holds it until then; after, another may take it (its process died)."),
		field.Int("attempts").Default(0).
			Comment("Dispatches tried."),
		field.String("last_error").Optional().MaxLen(500).
			Comment("Why the last dispatch failed."),
	}
}

// Indexes of OutboxEvent: the dispatcher reads the undispatched in order.
func (OutboxEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("dispatched_at", "occurred_at"), index.Fields("ordering_key")}
}

// Policy of OutboxEvent: only the system reads and writes it.
func (OutboxEvent) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations of OutboxEvent: not in the API.
func (OutboxEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("An event waiting to leave WIN (outbox)."), entgql.Skip()}
}

// Notification tells a user of an event that concerns them (Notifica):
// what happened and a link, never a person's data. The text is the
// SPA's, in the user's language, from the kind and the links.
type Notification struct{ ent.Schema }

// Mixin of Notification.
func (Notification) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("ntf")}
}

// Fields of Notification.
func (Notification) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").GoType(domain.EventKind("")).Immutable().
			Comment("What happened (tipo).").
			Annotations(sharedEnum("EventKind")),
		field.Time("created_at").Default(time.Now).Immutable().
			Comment("When it happened (data e ora).").
			Annotations(ordered("CREATED_AT")),
		field.Time("read_at").Optional().Nillable().
			Comment("When the user marked it read; null while unread (letta il)."),
		field.String("event_id").GoType(gid.ID("")).MaxLen(40).Immutable().
			Comment("The event it reports: the same ID as its e-mail's and its webhook deliveries' (evento).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("case_code").Optional().MaxLen(40).Immutable().
			Comment("The case's number when it happened, so that the text reads even if the case moved out of the user's sight (numero del caso).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.Time("day").GoType(day).SchemaType(dateColumn).Annotations(dateScalar(), entgql.Skip(entgql.SkipWhereInput)).Optional().Nillable().Immutable().
			Comment("The day a deadline falls on (scadenza)."),
		field.Time("emailed_at").Optional().Nillable().
			Comment("When it went out by e-mail, at once or in a digest (inviata per e-mail il).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
	}
}

// Edges of Notification. The links go through the privacy rules of what
// they point to: a case the user may no longer read is null.
func (Notification) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("recipient", User.Type).Unique().Required().Immutable().
			Comment("Who is told (destinatario).").
			Annotations(entgql.Skip()),
		edge.To("case", CaseFile.Type).Unique().Immutable().
			Comment("The case concerned, if the user may read it (caso)."),
		edge.To("table", TerritorialTable.Type).Unique().Immutable().
			Comment("The table concerned (tavolo)."),
		edge.To("other_table", TerritorialTable.Type).Unique().Immutable().
			Comment("The other table of a transfer (altro tavolo)."),
		edge.To("directive", Directive.Type).Unique().Immutable().
			Comment("The directive issued (direttiva)."),
	}
}

// Indexes of Notification: the user's list, newest first, and the unread
// count; one notification per user and event.
func (Notification) Indexes() []ent.Index {
	return []ent.Index{
		index.Edges("recipient").Fields("created_at"),
		index.Edges("recipient").Fields("read_at"),
		index.Edges("recipient").Fields("event_id").Unique(),
	}
}

// Policy of Notification: a user reads their own; the system writes them
// (the dispatcher, and the service that marks them read).
func (Notification) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.OwnNotifications(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations of Notification.
func (Notification) Annotations() []schema.Annotation {
	return rootType("Something that happened in WIN that concerns the viewer (Notifica): its kind, when, and links to what it concerns. Only the viewer's own are listed.")
}

// NotificationPreference is how a user wants to hear of a kind of event
// (Preferenza di notifica); without one, the kind's default of
// domain.EventRules holds.
type NotificationPreference struct{ ent.Schema }

// Mixin of NotificationPreference.
func (NotificationPreference) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("npf")}
}

// Fields of NotificationPreference.
func (NotificationPreference) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").GoType(domain.EventKind("")).Immutable().
			Comment("The kind of event."),
		field.Enum("delivery").GoType(domain.Delivery("")).
			Comment("In WIN only, also by e-mail at once, or in the daily digest."),
	}
}

// Edges of NotificationPreference.
func (NotificationPreference) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("user", User.Type).Unique().Required().Immutable().
			Comment("Whose choice it is."),
	}
}

// Indexes of NotificationPreference: one choice per user and kind.
func (NotificationPreference) Indexes() []ent.Index {
	return []ent.Index{index.Edges("user").Fields("kind").Unique()}
}

// Policy of NotificationPreference: a user reads their own; the account
// service writes them.
func (NotificationPreference) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.OwnNotificationPreferences(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations of NotificationPreference: the API shows every kind with
// its effective choice (graph/notify.graphql), not these rows.
func (NotificationPreference) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("How a user hears of a kind of event."), entgql.Skip()}
}
