package gid

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"
)

// Mixin gives a schema its ID field, generated with the schema's prefix.
type Mixin struct {
	mixin.Schema
	prefix string
}

// MixinWithPrefix returns the ID mixin for a type with the given prefix.
func MixinWithPrefix(prefix string) Mixin {
	return Mixin{prefix: prefix}
}

// Fields returns the id field.
func (m Mixin) Fields() []ent.Field {
	return []ent.Field{
		field.String("id").
			GoType(ID("")).
			MaxLen(40).
			NotEmpty().
			Immutable().
			DefaultFunc(func() ID { return New(m.prefix) }).
			Comment("Opaque global identifier (identificativo)."),
	}
}

// Annotation records the prefix so that the generated IDToType can map an
// ID back to its table.
type Annotation struct {
	Prefix string
}

// Name implements schema.Annotation.
func (Annotation) Name() string { return "GID" }

// Annotations returns the prefix annotation.
func (m Mixin) Annotations() []schema.Annotation {
	return []schema.Annotation{Annotation{Prefix: m.prefix}}
}
