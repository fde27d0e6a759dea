package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain/gid"
)

// PactSignatory is a body's signature of the pact, for as long as it
// takes part (Firmatario del patto). Written only by addPactSignatory and
// endPactSignatory, so that the rules of joining and leaving hold.
type PactSignatory struct{ ent.Schema }

// Mixin of PactSignatory.
func (PactSignatory) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("psg"), TimeMixin{}, signedIn()}
}

// Fields of PactSignatory.
func (PactSignatory) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("role").
			NamedValues("Promoter", "PROMOTER", "Adherent", "ADHERENT").
			Comment("Role in the pact (ruolo): promotore, one of the bodies that founded it, or aderente, one that joined it since.").
			Annotations(ordered("ROLE")),
		field.Time("joined_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Date the body signed the pact (data di adesione).").
			Annotations(ordered("JOINED_ON")),
		field.Time("left_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date the body left the pact; null while it takes part (data di recesso).").
			Annotations(ordered("LEFT_ON")),
		field.Text("leaving_reason").Optional().
			Comment("Why the body left (motivo del recesso).").
			Annotations(limited(shortText), entgql.Skip(entgql.SkipWhereInput)),
		field.String("signer_name").Optional().MaxLen(200).
			Comment("The person who signed for the body; empty for the founding signatures recorded before it was kept (firmatario per l'ente).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("signer_role").Optional().MaxLen(200).
			Comment("Their office in the body, e.g. the mayor or the president (qualifica del firmatario).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
	}
}

// Edges of PactSignatory.
func (PactSignatory) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("pact", Pact.Type).Unique().Required().Immutable().
			Comment("The pact (patto)."),
		edge.To("organization", Organization.Type).Unique().Required().Immutable().
			Comment("The body that signed (ente firmatario)."),
	}
}

// Indexes of PactSignatory.
func (PactSignatory) Indexes() []ent.Index {
	return []ent.Index{index.Edges("pact", "organization")}
}

// Annotations of PactSignatory. The table is not pact_signatories, the
// name of the join table that listed the signatories before roles and
// dates were kept, which the migration reads.
func (PactSignatory) Annotations() []schema.Annotation {
	return append(nestedType("A body's signature of the pact: its role, when it joined and left, who signed for it (Firmatario del patto)."),
		entsql.Table("pact_signatures"))
}

// PactAmendment is a dated change of the pact (Modifica del patto);
// written only by amendPact.
type PactAmendment struct{ ent.Schema }

// Mixin of PactAmendment.
func (PactAmendment) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("pam"), signedIn()}
}

// Fields of PactAmendment.
func (PactAmendment) Fields() []ent.Field {
	return []ent.Field{
		field.Time("amended_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Immutable().
			Comment("Date the change was agreed (data della modifica).").
			Annotations(ordered("AMENDED_ON")),
		field.Text("summary").NotEmpty().Immutable().
			Comment("What changed and by whose decision (sintesi della modifica).").
			Annotations(limited(shortText)),
		field.Text("previous_text").Optional().Immutable().
			Comment("The pact's text before the change, when the change rewrote it (testo precedente).").
			Annotations(limited(longText)),
		field.Time("recorded_at").Default(time.Now).Immutable().
			Comment("When it was recorded (data di registrazione)."),
	}
}

// Edges of PactAmendment.
func (PactAmendment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("pact", Pact.Type).Unique().Required().Immutable().
			Comment("The pact (patto)."),
		edge.To("recorded_by", User.Type).Unique().Immutable().
			Comment("Who recorded it; null when the viewer may not read the account (registrato da)."),
	}
}

// Annotations of PactAmendment.
func (PactAmendment) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("A dated amendment of the pact, with what changed and the text before (Modifica del patto)."),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)}
}
