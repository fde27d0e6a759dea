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

// OutgoingMail is an e-mail WIN sends (Posta in uscita): a notification,
// a digest, an invitation or a password reset. It holds no personal data
// of the people followed; the links of invitations and resets are not
// kept (their tokens are stored hashed), only the rest of the message.
// Without SMTP the mail is written to the log and shown here to
// administrators, so that the embedded default shows what would be sent.
type OutgoingMail struct{ ent.Schema }

// Mixin of OutgoingMail.
func (OutgoingMail) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("mal")}
}

// Fields of OutgoingMail.
func (OutgoingMail) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values("NOTIFICATION", "DIGEST", "INVITATION", "PASSWORD_RESET").Immutable().
			Comment("NOTIFICATION: one event, at once; DIGEST: the day's notifications; INVITATION: a new user sets their password; PASSWORD_RESET: a user who forgot it (tipo)."),
		field.String("to_address").NotEmpty().MaxLen(200).Immutable().
			Comment("The recipient's address (destinatario)."),
		field.Enum("language").GoType(domain.Language("")).Immutable().
			Comment("The recipient's language (lingua).").
			Annotations(sharedEnum("Language")),
		field.String("subject").NotEmpty().MaxLen(300).Immutable().
			Comment("The subject line (oggetto)."),
		field.Text("text_body").Immutable().
			Comment("The plain-text part; for invitations and resets, without the link (testo)."),
		field.Text("html_body").Immutable().
			Comment("The HTML part (testo HTML).").
			Annotations(entgql.Skip()),
		field.String("message_id").NotEmpty().MaxLen(200).Unique().Immutable().
			Comment("The Message-ID header (identificativo del messaggio)."),
		field.Time("created_at").Default(time.Now).Immutable().
			Comment("When it was written (creata il).").
			Annotations(ordered("CREATED_AT")),
		field.Enum("state").Values("PENDING", "SENT", "LOGGED", "FAILED").Default("PENDING").
			Comment("PENDING: to be sent or retried; SENT: the SMTP server accepted it; LOGGED: no SMTP server is configured, so it was only written to the log; FAILED: given up (stato).").
			Annotations(ordered("STATE")),
		field.Int("attempts").Default(0).
			Comment("Attempts made (tentativi)."),
		field.Time("next_attempt_at").Optional().Nillable().
			Comment("When it will be tried (again) (prossimo tentativo).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.Time("claimed_until").Optional().Nillable().
			Comment("A sender holds it until then.").
			Annotations(entgql.Skip()),
		field.Time("sent_at").Optional().Nillable().
			Comment("When it was sent or logged (inviata il).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("last_error").Optional().MaxLen(300).
			Comment("Why the last attempt failed (ultimo errore).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
	}
}

// Edges of OutgoingMail.
func (OutgoingMail) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("recipient", User.Type).Unique().Immutable().
			Comment("The user it goes to (utente)."),
	}
}

// Indexes of OutgoingMail: the sender's queue.
func (OutgoingMail) Indexes() []ent.Index {
	return []ent.Index{index.Fields("state", "next_attempt_at"), index.Fields("created_at")}
}

// Policy of OutgoingMail: administrators read the outgoing mail; the
// system writes it.
func (OutgoingMail) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowRoles(domain.RoleAdmin), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations of OutgoingMail.
func (OutgoingMail) Annotations() []schema.Annotation {
	return append(rootType("An e-mail WIN sent or is sending (Posta in uscita); administrators only."),
		entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput))
}

// PasswordToken lets whoever holds its link set a user's password once,
// within its validity (Invito o ripristino della password). Only its
// SHA-256 is stored.
type PasswordToken struct{ ent.Schema }

// Mixin of PasswordToken.
func (PasswordToken) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("pwt")}
}

// Fields of PasswordToken.
func (PasswordToken) Fields() []ent.Field {
	return []ent.Field{
		field.String("token_hash").NotEmpty().Unique().Immutable().Sensitive().
			Comment("SHA-256 of the token; the token itself is only in the e-mail's link."),
		field.Enum("purpose").Values("RESET", "INVITATION").Immutable().
			Comment("RESET: the user forgot the password; INVITATION: a new user sets it."),
		field.Time("created_at").Default(time.Now).Immutable().
			Comment("When it was issued."),
		field.Time("expires_at").Immutable().
			Comment("When the link stops working: 30 minutes for a reset, 7 days for an invitation."),
		field.Time("used_at").Optional().Nillable().
			Comment("When it was used; a link works once."),
	}
}

// Edges of PasswordToken.
func (PasswordToken) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("user", User.Type).Unique().Required().Immutable().
			Comment("Whose password it sets."),
	}
}

// Indexes of PasswordToken.
func (PasswordToken) Indexes() []ent.Index {
	return []ent.Index{index.Fields("expires_at")}
}

// Policy of PasswordToken: only the account service reads and writes it.
func (PasswordToken) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations of PasswordToken: not in the API.
func (PasswordToken) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("A single-use link to set a password."), entgql.Skip()}
}
