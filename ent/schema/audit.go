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
	"github.com/progetto-win/win/ent/auditchain"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/schema/rule"
)

// AuditEvent records who read or changed what, and when (Registro accessi).
// It is append-only: every field is immutable.
type AuditEvent struct{ ent.Schema }

// Mixin of AuditEvent.
func (AuditEvent) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("aud")}
}

// Fields of AuditEvent.
func (AuditEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Time("occurred_at").Default(time.Now).Immutable().
			Comment("When it happened (data e ora).").
			Annotations(ordered("OCCURRED_AT")),
		field.String("action").NotEmpty().MaxLen(60).Immutable().
			Comment("What was done: a value of the enum AuditAction, e.g. READ_IDENTITY, CREATE, UPDATE, LOGIN, kept as a string so that an event an older version recorded keeps its action (azione).").
			Annotations(ordered("ACTION")),
		field.String("entity_type").Optional().MaxLen(60).Immutable().
			Comment("Type of the object concerned: a value of the enum AuditEntityType, e.g. Case, User, PersonIdentity (tipo di oggetto).").
			Annotations(ordered("ENTITY_TYPE")),
		field.String("entity_id").Optional().MaxLen(40).Immutable().
			Comment("Global ID of the object concerned (identificativo dell'oggetto)."),
		field.String("request_id").Optional().MaxLen(64).Immutable().
			Comment("ID of the HTTP request, to match the server logs (identificativo della richiesta)."),
		field.String("client_address").Optional().MaxLen(64).Immutable().
			Comment("Network address of the client (indirizzo del client)."),
		field.Text("changes").Optional().Immutable().
			Comment("What changed, for users, their roles and table seats: a JSON object mapping each changed field to its before and after values, e.g. {\"roles\": {\"before\": [\"OPERATOR\"], \"after\": [\"OPERATOR\", \"COORDINATOR\"]}}; never a password or its hash. For a search (SEARCH_CASES), what was searched and how many results, e.g. {\"text\": \"rossi\", \"results\": 2}, never which (modifiche)."),
		// The chain (ent/auditchain) sets these two when the
		// transaction that wrote the event commits; they are for `win
		// audit verify` and backups, not for the API.
		field.Int64("seq").Optional().Nillable().Immutable().
			Comment("Position of the event in the audit chain, from 1 without gaps.").
			Annotations(entgql.Skip()),
		field.String("hash").Optional().MaxLen(64).Immutable().
			Comment("SHA-256, in hex, of the previous event's hash and this event's content.").
			Annotations(entgql.Skip()),
	}
}

// Edges of AuditEvent.
func (AuditEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("actor", User.Type).Unique().Immutable().
			Comment("Who did it (autore)."),
		edge.To("organization", Organization.Type).Unique().Immutable().
			Comment("The organisation the actor acted for (ente)."),
	}
}

// Indexes of AuditEvent.
func (AuditEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("occurred_at"), index.Fields("entity_id"), index.Fields("action"), index.Fields("seq").Unique()}
}

// Policy of AuditEvent: the log is append-only — only the system writes
// it, within the transaction of what it records — and ADMIN reads it.
func (AuditEvent) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowRoles(domain.RoleAdmin), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Hooks of AuditEvent: every event joins the tamper-evident chain.
func (AuditEvent) Hooks() []ent.Hook {
	return []ent.Hook{auditchain.Hook()}
}

// Annotations of AuditEvent.
func (AuditEvent) Annotations() []schema.Annotation {
	return rootType("An append-only record of who read or changed what, when, from where (Registro accessi); ADMIN reads it.")
}
