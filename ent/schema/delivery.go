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

// Intervention is an action a partner delivers within a plan (Intervento).
type Intervention struct{ ent.Schema }

// Mixin of Intervention.
func (Intervention) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("int"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of Intervention.
func (Intervention) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").
			NamedValues(interventionKinds...).
			Comment("Kind of intervention (tipo di intervento): orientamento, formazione, tirocinio, inserimento lavorativo, sostegno all'autoimpiego, rientro in istruzione, formazione-lavoro, inserimento socio-assistenziale, tirocinio Garanzia Giovani, percorso salute-lavoro, sostegno abitativo, sostegno al reddito, supporto psico-sociale, consulenza sul debito, altro.").
			Annotations(ordered("KIND"), sharedEnum("InterventionKind")),
		field.Text("description").Optional().
			Comment("What is delivered (descrizione).").
			Annotations(personal(shortText)...),
		field.Time("starts_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Start date (data di inizio).").
			Annotations(ordered("STARTS_ON")),
		field.Time("ends_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("End date, planned or actual (data di fine).").
			Annotations(ordered("ENDS_ON")),
		field.Enum("status").
			NamedValues(namedValues(domain.InterventionStatuses)...).
			Default(domain.InterventionStatuses[0]).
			Comment("Status (stato): programmato, in corso, concluso, interrotto.").
			Annotations(ordered("STATUS"), sharedEnum("InterventionStatus")),
		field.Int64("cost_cents").Range(0, maxCents).Default(0).
			Comment("Cost in euro cents, at most 100 million euro (costo in centesimi di euro).").
			Annotations(ordered("COST")),
	}
}

// Edges of Intervention.
func (Intervention) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("case", CaseFile.Type).Unique().Required().Immutable().
			Comment("The case whose plan includes the intervention (caso)."),
		edge.To("provider", Organization.Type).Unique().Required().
			Comment("The organisation delivering it (ente erogatore)."),
		edge.To("fund", Fund.Type).Unique().
			Comment("The fund paying for it (fondo di copertura)."),
		edge.From("outcomes", Outcome.Type).Ref("intervention").
			Comment("Outcomes the intervention led to (esiti).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
	}
}

// Indexes of Intervention.
func (Intervention) Indexes() []ent.Index {
	// By fund: a fund's use sums its interventions, inside the
	// transaction of every intervention charged to it.
	return []ent.Index{index.Fields("status"), index.Fields("starts_on"), index.Edges("case"), index.Edges("fund")}
}

// Hooks of Intervention.
func (Intervention) Hooks() []ent.Hook {
	return []ent.Hook{datesInOrder("starts_on", "ends_on", "startsOn", "endsOn"), interventionTransition,
		internshipLength, youthGuaranteeAge, withinFund}
}

// Annotations of Intervention.
func (Intervention) Annotations() []schema.Annotation {
	return nestedType("An action a network partner delivers within a plan, with dates, status, cost and fund (Intervento).")
}

// Outcome is a result recorded for a case (Esito).
type Outcome struct{ ent.Schema }

// Mixin of Outcome.
func (Outcome) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("out"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of Outcome.
func (Outcome) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").
			NamedValues(outcomeKinds...).
			Comment("Kind of result (tipo di esito): lavoro a tempo indeterminato, a tempo determinato, apprendistato, lavoro autonomo, tirocinio concluso, formazione conclusa, qualifica conseguita, casa ottenuta, reddito stabilizzato, percorso sanitario avviato, reinserimento sociale, impegno nella comunità, abbandono, altro.").
			Annotations(ordered("KIND"), sharedEnum("OutcomeKind")),
		field.Enum("value_dimension").
			NamedValues("Economic", "ECONOMIC", "Social", "SOCIAL", "Cultural", "CULTURAL").
			Comment("The value the pact promises that this result counts for (dimensione di valore): economico, sociale, culturale.").
			Annotations(ordered("VALUE_DIMENSION")),
		field.Time("achieved_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Date of the result (data dell'esito).").
			Annotations(ordered("ACHIEVED_ON")),
		field.Text("evidence").Optional().
			Comment("What shows the result, e.g. a contract or certificate (evidenza).").
			Annotations(personal(shortText)...),
		field.Time("follow_up_due_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("When the result is to be checked again, six months on for employment (data prevista del follow-up).").
			Annotations(ordered("FOLLOW_UP_DUE_ON")),
		field.Time("followed_up_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("When the follow-up was done (data del follow-up)."),
		field.Bool("still_held").Optional().Nillable().
			Comment("At follow-up, whether the result still held, e.g. still employed (esito confermato al follow-up)."),
	}
}

// Edges of Outcome.
func (Outcome) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("case", CaseFile.Type).Unique().Required().Immutable().
			Comment("The case (caso)."),
		edge.To("intervention", Intervention.Type).Unique().
			Comment("The intervention that led to it, if any (intervento collegato)."),
		edge.To("verified_by", User.Type).Unique().
			Comment("Who verified the evidence (verificato da)."),
	}
}

// Indexes of Outcome.
func (Outcome) Indexes() []ent.Index {
	return []ent.Index{index.Fields("kind"), index.Fields("achieved_on"), index.Edges("case")}
}

// Hooks of Outcome.
func (Outcome) Hooks() []ent.Hook {
	return []ent.Hook{datesInOrder("achieved_on", "followed_up_on", "achievedOn", "followedUpOn"), followUpWhenDue}
}

// Annotations of Outcome.
func (Outcome) Annotations() []schema.Annotation {
	return nestedType("A result recorded for a case, in one value dimension, with its follow-up (Esito).")
}

// Fund is money a municipality put in for a year (Fondo anticrisi).
type Fund struct{ ent.Schema }

// Mixin of Fund.
func (Fund) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("fnd"), TimeMixin{}, signedIn(admin, steering)}
}

// Fields of Fund.
func (Fund) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200).
			Comment("Name of the fund (denominazione).").
			Annotations(ordered("NAME")),
		field.Int("year").Range(2014, 2100).
			Comment("Budget year (anno di bilancio).").
			Annotations(ordered("YEAR")),
		field.Int64("allocated_cents").Range(0, maxCents).
			Comment("Amount allocated, in euro cents, at most 100 million euro (importo stanziato in centesimi).").
			Annotations(ordered("ALLOCATED")),
	}
}

// Edges of Fund.
func (Fund) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("municipality", Municipality.Type).Unique().Required().
			Comment("The municipality that allocated it (comune)."),
		edge.From("interventions", Intervention.Type).Ref("fund").
			Comment("Interventions paid from the fund (interventi finanziati).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of Fund: one fund per municipality and year.
func (Fund) Indexes() []ent.Index {
	return []ent.Index{index.Fields("year").Edges("municipality").Unique()}
}

// Annotations of Fund.
func (Fund) Annotations() []schema.Annotation {
	return rootType("Money a municipality allocated for a year to the network's interventions (Fondo anticrisi).", editable())
}

// interventionKinds are the kinds of intervention, as Go and GraphQL names; the timeline names them too.
var interventionKinds = []string{
	"Orientation", "ORIENTATION",
	"Training", "TRAINING",
	"Internship", "INTERNSHIP",
	"JobPlacement", "JOB_PLACEMENT",
	"BusinessStartSupport", "BUSINESS_START_SUPPORT",
	"ReturnToEducation", "RETURN_TO_EDUCATION",
	"WorkBasedTraining", "WORK_BASED_TRAINING",
	"SocialCarePlacement", "SOCIAL_CARE_PLACEMENT",
	"YouthGuaranteeTraineeship", "YOUTH_GUARANTEE_TRAINEESHIP",
	"HealthWorkPathway", "HEALTH_WORK_PATHWAY",
	"HousingSupport", "HOUSING_SUPPORT",
	"IncomeSupport", "INCOME_SUPPORT",
	"PsychosocialSupport", "PSYCHOSOCIAL_SUPPORT",
	"DebtCounselling", "DEBT_COUNSELLING",
	"Other", "OTHER",
}

// outcomeKinds are the kinds of result, as Go and GraphQL names; the timeline names them too.
var outcomeKinds = []string{
	"EmploymentPermanent", "EMPLOYMENT_PERMANENT",
	"EmploymentFixedTerm", "EMPLOYMENT_FIXED_TERM",
	"Apprenticeship", "APPRENTICESHIP",
	"SelfEmployment", "SELF_EMPLOYMENT",
	"InternshipCompleted", "INTERNSHIP_COMPLETED",
	"TrainingCompleted", "TRAINING_COMPLETED",
	"QualificationObtained", "QUALIFICATION_OBTAINED",
	"HousingSecured", "HOUSING_SECURED",
	"IncomeStabilised", "INCOME_STABILISED",
	"HealthPathwayStarted", "HEALTH_PATHWAY_STARTED",
	"SocialReintegration", "SOCIAL_REINTEGRATION",
	"CommunityEngagement", "COMMUNITY_ENGAGEMENT",
	"DroppedOut", "DROPPED_OUT",
	"Other", "OTHER",
}
