package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain/gid"
)

// DirectiveAcknowledgement records that a table's coordinator took note of
// a directive on behalf of the table (Presa d'atto).
type DirectiveAcknowledgement struct{ ent.Schema }

// Mixin of DirectiveAcknowledgement: written only by acknowledgeDirective.
func (DirectiveAcknowledgement) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("dak"), TimeMixin{}, signedIn()}
}

// Fields of DirectiveAcknowledgement.
func (DirectiveAcknowledgement) Fields() []ent.Field {
	return []ent.Field{
		field.Time("acknowledged_at").Immutable().
			Comment("When the coordinator acknowledged it (data della presa d'atto).").
			Annotations(ordered("ACKNOWLEDGED_AT")),
		field.Text("note").Optional().
			Comment("How the table will act on it (note).").
			Annotations(limited(shortText)),
	}
}

// Edges of DirectiveAcknowledgement.
func (DirectiveAcknowledgement) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("directive", Directive.Type).Unique().Required().Immutable().
			Comment("The directive (indirizzo)."),
		edge.To("table", TerritorialTable.Type).Unique().Required().Immutable().
			Comment("The table that acknowledged it (tavolo)."),
		edge.To("acknowledged_by", User.Type).Unique().Immutable().
			Comment("The coordinator who acknowledged it (coordinatore)."),
	}
}

// Indexes of DirectiveAcknowledgement: a table acknowledges a directive once.
func (DirectiveAcknowledgement) Indexes() []ent.Index {
	return []ent.Index{index.Edges("directive", "table").Unique()}
}

// Annotations of DirectiveAcknowledgement.
func (DirectiveAcknowledgement) Annotations() []schema.Annotation {
	return nestedType("A table's acknowledgement of a directive, by its coordinator (Presa d'atto di un indirizzo).")
}
