package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/privacy"
)

// PersonMerge records that two person records were found to be one
// person and merged (Unione di due anagrafiche): which survived, the
// identity each had, the cases and bases moved — what undoing it needs.
// Only server/pathway's merge writes and reads it; the audit log tells
// who merged whom.
type PersonMerge struct{ ent.Schema }

// Mixin of PersonMerge.
func (PersonMerge) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("pmg"), TimeMixin{}}
}

// Fields of PersonMerge.
func (PersonMerge) Fields() []ent.Field {
	return []ent.Field{
		field.JSON("survivor_identity", map[string]any{}).Optional().Sensitive().Immutable().
			Comment("The surviving record's identity before the merge."),
		field.JSON("merged_identity", map[string]any{}).Optional().Sensitive().Immutable().
			Comment("The merged record's identity, which the merge erased."),
		field.Strings("moved_cases").Immutable().
			Comment("The cases moved from the merged record to the surviving one."),
		field.Strings("moved_consents").Immutable().
			Comment("The bases moved from the merged record to the surviving one."),
		field.Time("undone_at").Optional().Nillable().
			Comment("When an administrator undid it."),
	}
}

// Edges of PersonMerge.
func (PersonMerge) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("survivor", Person.Type).Unique().Required().Immutable().Comment("The record kept."),
		edge.To("merged", Person.Type).Unique().Required().Immutable().Comment("The record merged into it."),
		edge.To("merged_by", User.Type).Unique().Required().Immutable().Comment("The coordinator who merged them."),
		edge.To("undone_by", User.Type).Unique().Comment("The administrator who undid it."),
	}
}

// Indexes of PersonMerge: a merged record's ID leads to its survivor.
func (PersonMerge) Indexes() []ent.Index {
	return []ent.Index{index.Edges("merged"), index.Edges("survivor")}
}

// Policy of PersonMerge: the system's work only.
func (PersonMerge) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations of PersonMerge: not in the API.
func (PersonMerge) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("Two records of one person, merged."), entgql.Skip()}
}
