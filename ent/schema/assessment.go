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

// Assessment is one level of the analysis of a case's needs and resources
// (Valutazione): the preliminary analysis always, the in-depth analysis
// by a multi-professional team when needs are complex (D.Lgs. 147/2017
// art. 5).
type Assessment struct{ ent.Schema }

// Mixin of Assessment.
func (Assessment) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("asm"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of Assessment.
func (Assessment) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("level").
			NamedValues(assessmentLevels...).
			Comment("Level of the analysis (livello): analisi preliminare, quadro di analisi approfondito.").
			Annotations(ordered("LEVEL"), sharedEnum("AssessmentLevel")),
		field.JSON("findings", []domain.AreaFinding{}).
			Default([]domain.AreaFinding{}).
			Comment("Needs and resources found, area by area (bisogni e risorse per area).").
			Annotations(entgql.Type("[AreaFinding!]")),
		field.Text("summary").NotEmpty().
			Comment("The analysis in words (sintesi della valutazione).").
			Annotations(personal(longText)...),
		field.Bool("complex_needs").Default(false).
			Comment("Whether the needs are complex and call for the in-depth analysis (bisogni complessi)."),
		field.Time("assessed_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Date of the analysis (data della valutazione).").
			Annotations(ordered("ASSESSED_ON")),
	}
}

// Edges of Assessment.
func (Assessment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("case", CaseFile.Type).Unique().Required().Immutable().
			Comment("The case assessed (caso)."),
		edge.To("assessor", User.Type).Unique().Immutable().
			Comment("Who recorded the analysis (autore)."),
	}
}

// Indexes of Assessment.
func (Assessment) Indexes() []ent.Index {
	return []ent.Index{index.Edges("case")}
}

// Annotations of Assessment.
func (Assessment) Annotations() []schema.Annotation {
	return nestedType("One level of the analysis of a case's needs and resources, area by area: preliminary, or in depth by the table's professionals (Valutazione del caso).")
}

// assessmentLevels are the levels of an analysis, as Go and GraphQL names;
// the timeline names them too.
var assessmentLevels = []string{"Preliminary", "PRELIMINARY", "InDepth", "IN_DEPTH"}
