package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain/gid"
)

// CommitteeMember is a body's seat in the steering committee and who
// represents it (Componente della cabina di regia). Written only by
// addCommitteeMember and endCommitteeMember.
type CommitteeMember struct{ ent.Schema }

// Mixin of CommitteeMember.
func (CommitteeMember) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("cmb"), TimeMixin{}, signedIn()}
}

// Fields of CommitteeMember.
func (CommitteeMember) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("role").
			NamedValues("Chair", "CHAIR", "ViceChair", "VICE_CHAIR", "Member", "MEMBER", "Secretary", "SECRETARY", "TechnicalSupport", "TECHNICAL_SUPPORT").
			Comment("Role in the committee (ruolo): presidente, vicepresidente, componente, segretario, supporto tecnico.").
			Annotations(ordered("ROLE")),
		field.Time("from_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("First day of the seat (dal).").
			Annotations(ordered("FROM_ON")),
		field.Time("until_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Last day of the seat; null while it lasts (al).").
			Annotations(ordered("UNTIL_ON")),
	}
}

// Edges of CommitteeMember.
func (CommitteeMember) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("organization", Organization.Type).Unique().Required().Immutable().
			Comment("The body that holds the seat (ente).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("representative", User.Type).Unique().Immutable().
			Comment("The user who represents the body in the committee; null when none is named or the viewer may not read the account (rappresentante)."),
	}
}

// Indexes of CommitteeMember.
func (CommitteeMember) Indexes() []ent.Index {
	return []ent.Index{index.Fields("until_on")}
}

// Hooks of CommitteeMember.
func (CommitteeMember) Hooks() []ent.Hook {
	return []ent.Hook{datesInOrder("from_on", "until_on", "fromOn", "untilOn")}
}

// Annotations of CommitteeMember.
func (CommitteeMember) Annotations() []schema.Annotation {
	return rootType("A seat in the steering committee: the body, its representative, the role and the dates (Componente della cabina di regia).")
}
