package schema

import (
	"time"

	"entgo.io/ent/schema"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"
)

// TimeMixin adds creation and update timestamps, both orderable.
type TimeMixin struct {
	mixin.Schema
}

// Fields of the TimeMixin.
func (TimeMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").
			Default(time.Now).
			Immutable().
			Comment("When the record was created (creato il).").
			Annotations(
				entgql.OrderField("CREATED_AT"),
				entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
			),
		field.Time("updated_at").
			Default(time.Now).
			UpdateDefault(time.Now).
			Comment("When the record was last changed (modificato il).").
			Annotations(
				entgql.OrderField("UPDATED_AT"),
				entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
			),
	}
}

// Indexes of the TimeMixin: lists are commonly sorted by creation.
func (TimeMixin) Indexes() []ent.Index {
	return []ent.Index{index.Fields("created_at")}
}

// rootType returns the annotations of a type listed at the root of the
// API: its description (English and Italian), a Relay connection with
// multi-field ordering and where filters, and any extra annotations.
func rootType(doc string, extra ...schema.Annotation) []schema.Annotation {
	return append([]schema.Annotation{
		schema.Comment(doc),
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.MultiOrder(),
	}, extra...)
}

// nestedType returns the annotations of a type reached through its parent:
// a description and Relay connections for edges that page it.
func nestedType(doc string, extra ...schema.Annotation) []schema.Annotation {
	return append([]schema.Annotation{
		schema.Comment(doc),
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}, extra...)
}

// editable marks reference data that has typed create and update inputs.
func editable() schema.Annotation {
	return entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())
}

// ordered annotates a field as sortable under the given GraphQL name.
func ordered(name string) schema.Annotation { return entgql.OrderField(name) }
