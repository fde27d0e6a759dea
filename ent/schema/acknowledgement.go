package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
)

// DirectiveAcknowledgement records how a table carries out a directive:
// its coordinator took note of it on behalf of the table, then records it
// in progress, implemented or not applicable (Presa d'atto e attuazione).
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
		field.Enum("status").
			NamedValues("Acknowledged", "ACKNOWLEDGED", "InProgress", "IN_PROGRESS", "Implemented", "IMPLEMENTED", "NotApplicable", "NOT_APPLICABLE").
			Default("ACKNOWLEDGED").
			Comment("How far the table has carried the directive out (stato di attuazione): presa d'atto, in corso, attuato, non applicabile.").
			Annotations(ordered("STATUS")),
		field.Time("status_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("The day of the last step: when it was acknowledged, begun, implemented or found not applicable (data dello stato).").
			Annotations(ordered("STATUS_ON")),
		field.Text("evidence").Optional().
			Comment("What the table did, for an implemented directive (evidenza dell'attuazione).").
			Annotations(limited(shortText), entgql.Skip(entgql.SkipWhereInput)),
		field.Text("reason").Optional().
			Comment("Why the directive does not apply to the table (motivo della non applicabilità).").
			Annotations(limited(shortText), entgql.Skip(entgql.SkipWhereInput)),
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
		edge.From("documents", Document.Type).Ref("directive_progress").
			Comment("Documents that show the directive implemented (documenti dell'attuazione).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)).
			Annotations(entgql.RelayConnection()),
	}
}

// Indexes of DirectiveAcknowledgement: a table acknowledges a directive once.
func (DirectiveAcknowledgement) Indexes() []ent.Index {
	return []ent.Index{index.Edges("directive", "table").Unique()}
}

// Hooks of DirectiveAcknowledgement: the steps of carrying it out.
func (DirectiveAcknowledgement) Hooks() []ent.Hook {
	return []ent.Hook{transitions("carrying out a directive", domain.DirectiveTransitions)}
}

// Annotations of DirectiveAcknowledgement.
func (DirectiveAcknowledgement) Annotations() []schema.Annotation {
	return nestedType("How a table carries out a directive: acknowledged by its coordinator, then in progress, implemented or not applicable (Presa d'atto e attuazione di un indirizzo).")
}
