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

// MonitoringMeeting is a meeting with the person that reviews the plan's
// goals and verifies their commitments (Incontro di monitoraggio).
type MonitoringMeeting struct{ ent.Schema }

// Mixin of MonitoringMeeting.
func (MonitoringMeeting) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("mon"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of MonitoringMeeting.
func (MonitoringMeeting) Fields() []ent.Field {
	return []ent.Field{
		field.Time("planned_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Date the meeting is planned for (data prevista).").
			Annotations(ordered("PLANNED_ON")),
		field.Time("held_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date the meeting was held; null while only planned (data di svolgimento).").
			Annotations(ordered("HELD_ON")),
		field.Text("summary").Optional().
			Comment("What the meeting concluded (sintesi dell'incontro).").
			Annotations(personal(longText)...),
	}
}

// Edges of MonitoringMeeting.
func (MonitoringMeeting) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("case", CaseFile.Type).Unique().Required().Immutable().
			Comment("The case (caso)."),
		edge.To("recorded_by", User.Type).Unique().
			Comment("Who recorded the meeting's results (verbalizzato da)."),
		edge.From("items", MonitoringItem.Type).Ref("meeting").
			Comment("The goals to review and commitments to verify, with the progress recorded on each (punti di verifica).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("documents", Document.Type).Ref("monitoring_meeting").
			Comment("Documents attached to the meeting, e.g. its signed record (documenti).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)).
			Annotations(entgql.RelayConnection()),
	}
}

// Indexes of MonitoringMeeting: the agenda looks for meetings due.
func (MonitoringMeeting) Indexes() []ent.Index {
	return []ent.Index{index.Edges("case"), index.Fields("planned_on")}
}

// Hooks of MonitoringMeeting.
func (MonitoringMeeting) Hooks() []ent.Hook {
	return []ent.Hook{datesInOrder("planned_on", "held_on", "plannedOn", "heldOn")}
}

// Annotations of MonitoringMeeting.
func (MonitoringMeeting) Annotations() []schema.Annotation {
	return nestedType("A meeting with the person that reviews goals and verifies commitments of the plan (Incontro di monitoraggio).")
}

// MonitoringItem is one goal or commitment looked at in a monitoring
// meeting, with the progress recorded on it (Punto di verifica).
type MonitoringItem struct{ ent.Schema }

// Mixin of MonitoringItem.
func (MonitoringItem) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("mit"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of MonitoringItem.
func (MonitoringItem) Fields() []ent.Field {
	return []ent.Field{
		field.Text("progress").Optional().
			Comment("Progress observed, in words (andamento).").
			Annotations(personal(shortText)...),
		field.Enum("goal_status").Optional().Nillable().
			NamedValues("Open", "OPEN", "Achieved", "ACHIEVED", "PartiallyAchieved", "PARTIALLY_ACHIEVED", "NotAchieved", "NOT_ACHIEVED", "Dropped", "DROPPED").
			Comment("For a goal: its status as the meeting found it (stato dell'obiettivo): aperto, raggiunto, parzialmente raggiunto, non raggiunto, abbandonato."),
		field.Int("hours_done").Optional().Nillable().NonNegative().
			Comment("For a commitment: the hours done as the meeting verified them (ore svolte verificate)."),
	}
}

// Edges of MonitoringItem.
func (MonitoringItem) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("meeting", MonitoringMeeting.Type).Unique().Required().Immutable().
			Comment("The meeting (incontro)."),
		edge.To("goal", Goal.Type).Unique().Immutable().
			Comment("The goal reviewed, if the item is a goal (obiettivo)."),
		edge.To("commitment", Commitment.Type).Unique().Immutable().
			Comment("The commitment verified, if the item is a commitment (impegno)."),
	}
}

// Indexes of MonitoringItem.
func (MonitoringItem) Indexes() []ent.Index {
	return []ent.Index{index.Edges("meeting")}
}

// Annotations of MonitoringItem.
func (MonitoringItem) Annotations() []schema.Annotation {
	return nestedType("A goal reviewed or a commitment verified in a monitoring meeting, with the progress recorded (Punto di verifica).")
}
