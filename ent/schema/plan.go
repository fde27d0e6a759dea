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

// Plan is the personal plan agreed with the person (Progetto personalizzato).
type Plan struct{ ent.Schema }

// Mixin of Plan.
func (Plan) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("pln"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of Plan.
func (Plan) Fields() []ent.Field {
	return []ent.Field{
		field.Text("summary").Optional().
			Comment("General objectives of the plan in words (obiettivi generali).").
			Annotations(personal(longText)...),
		field.Time("agreed_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date the plan was agreed and signed with the person (data di sottoscrizione).").
			Annotations(ordered("AGREED_ON")),
		field.Time("review_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date of the next review of the plan (data della prossima verifica).").
			Annotations(ordered("REVIEW_ON")),
	}
}

// Edges of Plan.
func (Plan) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("case", CaseFile.Type).Ref("plan").Unique().Required().Immutable().
			Comment("The case the plan belongs to; one plan per case (caso)."),
		edge.From("goals", Goal.Type).Ref("plan").
			Comment("Goals of the plan (obiettivi specifici).").
			Annotations(entgql.RelayConnection()),
		edge.From("commitments", Commitment.Type).Ref("plan").
			Comment("The person's reciprocal commitments to the community (impegni di reciprocità).").
			Annotations(entgql.RelayConnection()),
	}
}

// Annotations of Plan.
func (Plan) Annotations() []schema.Annotation {
	return nestedType("The personal plan agreed with the person: goals, review date, interventions and reciprocal commitments (Progetto personalizzato).")
}

// Goal is a specific expected result of a plan (Obiettivo specifico).
type Goal struct{ ent.Schema }

// Mixin of Goal.
func (Goal) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("gol"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of Goal.
func (Goal) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("area").GoType(domain.NeedArea("")).
			Comment("The need area the goal addresses (area di bisogno): lavoro, reddito, casa, salute, famiglia, istruzione e formazione, debiti, questioni legali, isolamento sociale.").
			Annotations(ordered("AREA"), entgql.Type("NeedArea")),
		field.Text("description").NotEmpty().
			Comment("The expected result (risultato atteso).").
			Annotations(personal(shortText)...),
		field.Time("due_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date by which the goal should be met (scadenza).").
			Annotations(ordered("DUE_ON")),
		field.Enum("status").
			NamedValues("Open", "OPEN", "Achieved", "ACHIEVED", "PartiallyAchieved", "PARTIALLY_ACHIEVED", "NotAchieved", "NOT_ACHIEVED", "Dropped", "DROPPED").
			Default("OPEN").
			Comment("Progress (stato): aperto, raggiunto, parzialmente raggiunto, non raggiunto, abbandonato.").
			Annotations(ordered("STATUS")),
	}
}

// Edges of Goal.
func (Goal) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("plan", Plan.Type).Unique().Required().Immutable().
			Comment("The plan (progetto)."),
	}
}

// Indexes of Goal: a plan's goals are read together.
func (Goal) Indexes() []ent.Index {
	return []ent.Index{index.Edges("plan")}
}

// Annotations of Goal.
func (Goal) Annotations() []schema.Annotation {
	return nestedType("A specific expected result of a plan, in one need area (Obiettivo specifico del progetto).")
}

// Commitment is something the person undertakes for the community in
// return, the pact's reciprocity (Impegno di reciprocità).
type Commitment struct{ ent.Schema }

// Mixin of Commitment.
func (Commitment) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("cmt"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of Commitment.
func (Commitment) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").
			NamedValues(
				"Volunteering", "VOLUNTEERING",
				"CommonGoodsCare", "COMMON_GOODS_CARE",
				"CareSupport", "CARE_SUPPORT",
				"CulturalActivity", "CULTURAL_ACTIVITY",
				"SportActivity", "SPORT_ACTIVITY",
				"Other", "OTHER",
			).
			Comment("Kind of community activity (tipo di attività): volontariato, cura dei beni comuni, sostegno e cura, attività culturale, attività sportiva, altro.").
			Annotations(ordered("KIND")),
		field.Text("description").NotEmpty().
			Comment("What the person will do and where (descrizione).").
			Annotations(personal(shortText)...),
		field.Int("hours_agreed").NonNegative().
			Comment("Hours agreed (ore concordate)."),
		field.Int("hours_done").NonNegative().Default(0).
			Comment("Hours done so far (ore svolte)."),
		field.Time("due_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date by which the hours should be done (scadenza).").
			Annotations(ordered("DUE_ON")),
	}
}

// Edges of Commitment.
func (Commitment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("plan", Plan.Type).Unique().Required().Immutable().
			Comment("The plan (progetto)."),
		edge.To("host", Organization.Type).Unique().
			Comment("The organisation hosting the activity (ente ospitante)."),
	}
}

// Indexes of Commitment: a plan's commitments are read together, and
// the agenda looks for overdue ones.
func (Commitment) Indexes() []ent.Index {
	return []ent.Index{index.Edges("plan"), index.Fields("due_on")}
}

// Annotations of Commitment.
func (Commitment) Annotations() []schema.Annotation {
	return nestedType("A reciprocal commitment of the person to the community, with hours agreed and done (Impegno di reciprocità).")
}
