package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/schema/rule"
)

// Session is a signed-in browser (Sessione). It lives in the database so
// that every copy of the server knows it; the cookie carries a random
// token whose hash only is stored.
type Session struct{ ent.Schema }

// Mixin of Session.
func (Session) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("ses")}
}

// Fields of Session.
func (Session) Fields() []ent.Field {
	return []ent.Field{
		field.String("token_hash").NotEmpty().Unique().Immutable().Sensitive().
			Comment("SHA-256 of the session token; the token itself is only in the cookie.").
			Annotations(entgql.Skip()),
		field.Time("created_at").Default(time.Now).Immutable().
			Comment("When the user signed in (inizio della sessione)."),
		field.Time("last_seen_at").Default(time.Now).
			Comment("Last request of the session; it ends after 30 minutes idle (ultimo utilizzo)."),
		field.Time("expires_at").Immutable().
			Comment("When the session ends whatever its use, 12 hours after sign-in (scadenza)."),
		field.String("client_address").Optional().MaxLen(64).Immutable().
			Comment("Network address the user signed in from (indirizzo del client)."),
		field.String("user_agent").Optional().MaxLen(300).Immutable().
			Comment("Browser that signed in (browser)."),
	}
}

// Edges of Session.
func (Session) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("user", User.Type).Unique().Required().Immutable().
			Comment("Who signed in (utente)."),
	}
}

// Indexes of Session.
func (Session) Indexes() []ent.Index {
	return []ent.Index{index.Fields("expires_at")}
}

// Policy of Session: the system signs in and out; a viewer reads only
// their own sessions.
func (Session) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.OwnSessions(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations of Session.
func (Session) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A signed-in browser session of the viewer (Sessione)."),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
	}
}

// APIToken lets a third-party client act for a user (Token di accesso).
type APIToken struct{ ent.Schema }

// Mixin of APIToken.
func (APIToken) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("tok")}
}

// Fields of APIToken.
func (APIToken) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(100).
			Comment("What the token is for, e.g. the client's name (nome)."),
		field.String("token_hash").NotEmpty().Unique().Immutable().Sensitive().
			Comment("SHA-256 of the token; the token is shown once, at creation.").
			Annotations(entgql.Skip()),
		field.Enum("scope").
			NamedValues("Read", "READ", "ReadWrite", "READ_WRITE").
			Comment("What the token may do (ambito): sola lettura, lettura e scrittura.").
			Immutable(),
		field.Time("created_at").Default(time.Now).Immutable().
			Comment("When the token was created (creato il)."),
		field.Time("expires_at").Immutable().
			Comment("When the token stops working (scadenza)."),
		field.Time("last_used_at").Optional().Nillable().
			Comment("Last request made with the token (ultimo utilizzo)."),
		field.Time("revoked_at").Optional().Nillable().
			Comment("When the token was revoked (revocato il)."),
	}
}

// Edges of APIToken.
func (APIToken) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("user", User.Type).Unique().Required().Immutable().
			Comment("The user the token acts for, never above their rights (utente)."),
	}
}

// Policy of APIToken: the system creates and revokes tokens for their
// owner; a viewer reads only their own.
func (APIToken) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.OwnAPITokens(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations of APIToken.
func (APIToken) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("A token a third-party client sends as Authorization: Bearer, acting for its user (Token di accesso API)."),
		entgql.Type("ApiToken"),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
	}
}
