package schema

import (
	"time"

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
			Comment("Kind of intervention (tipo di intervento): orientamento, formazione, tirocinio, inserimento lavorativo, sostegno all'autoimpiego, rientro in istruzione, formazione-lavoro, inserimento socio-assistenziale, tirocinio Garanzia Giovani, percorso salute-lavoro, sostegno abitativo, sostegno al reddito, supporto psico-sociale, consulenza sul sovraindebitamento, altro.").
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
		edge.To("protocol", Protocol.Type).Unique().
			Comment("The protocol under which it is delivered, if any (protocollo di riferimento)."),
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
	return []ent.Index{index.Fields("status"), index.Fields("starts_on"), index.Edges("case"), index.Edges("fund"), index.Edges("protocol")}
}

// Hooks of Intervention.
func (Intervention) Hooks() []ent.Hook {
	return []ent.Hook{datesInOrder("starts_on", "ends_on", "startsOn", "endsOn"), interventionTransition,
		internshipLength, youthGuaranteeAge, withinFund, protocolInForce}
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
			Comment("Kind of result (tipo di esito): lavoro a tempo indeterminato, a tempo determinato, apprendistato, lavoro autonomo, tirocinio concluso, formazione conclusa, qualifica conseguita, soluzione abitativa trovata, reddito stabilizzato, percorso sanitario avviato, reinserimento sociale, impegno nella comunità, abbandono, altro.").
			Annotations(ordered("KIND"), sharedEnum("OutcomeKind")),
		field.Enum("value_dimension").
			NamedValues("Economic", "ECONOMIC", "Social", "SOCIAL", "Cultural", "CULTURAL").
			Comment("The value the pact promises that this result counts for (dimensione di valore): economico, sociale, culturale.").
			Annotations(ordered("VALUE_DIMENSION"), sharedEnum("OutcomeValueDimension")),
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

// Fund is money a body put in for a year: a municipality's anti-crisis
// fund, the Union's, the Region's, the European Social Fund's (Fondo).
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
		field.Enum("source").
			NamedValues(fundSources...).
			Default("MUNICIPAL_BUDGET").
			Comment("Where the money comes from (fonte di finanziamento): bilancio comunale, Unione dei Comuni, Regione, Stato, Fondo sociale europeo, azienda sanitaria, fondazione, donazioni, altro; a municipality's budget unless given.").
			Annotations(ordered("SOURCE"), sharedEnum("FundSource")),
		field.Int64("allocated_cents").Range(0, maxCents).
			Comment("Amount allocated, in euro cents, at most 100 million euro; changed with amendFund, which keeps why (importo stanziato in centesimi).").
			Annotations(ordered("ALLOCATED"), entgql.Skip(entgql.SkipMutationUpdateInput)),
		field.Time("closed_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("When the fund was closed: nothing more is charged to it nor amended (data di chiusura).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Text("closure_reason").Optional().MaxLen(2000).
			Comment("Why the fund was closed (motivo della chiusura).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
	}
}

// Edges of Fund.
func (Fund) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("owner", Organization.Type).Unique().Required().
			Comment("The body whose money it is: a municipality, the Union, or another body (titolare del fondo)."),
		edge.To("municipality", Municipality.Type).Unique().
			Comment("The municipality whose residents it pays for; none when it covers every municipality of the network, as the Union's does (comune coperto)."),
		edge.From("interventions", Intervention.Type).Ref("fund").
			Comment("Interventions paid from the fund (interventi finanziati).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("amendments", FundAmendment.Type).Ref("fund").
			Comment("The changes of the amount allocated, oldest first, each with why (variazioni dello stanziamento).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)),
	}
}

// Indexes of Fund: one fund of a name per owner and year.
func (Fund) Indexes() []ent.Index {
	return []ent.Index{index.Fields("year", "name").Edges("owner").Unique(), index.Edges("municipality")}
}

// Annotations of Fund.
func (Fund) Annotations() []schema.Annotation {
	return rootType("Money a body allocated for a year to the network's interventions: a municipality, the Union, the Region, the European Social Fund (Fondo).", editable())
}

// fundSources are where a fund's money comes from, as Go and GraphQL names.
var fundSources = []string{
	"MunicipalBudget", "MUNICIPAL_BUDGET",
	"Union", "UNION",
	"Region", "REGION",
	"State", "STATE",
	"EuropeanSocialFund", "EUROPEAN_SOCIAL_FUND",
	"HealthAuthority", "HEALTH_AUTHORITY",
	"Foundation", "FOUNDATION",
	"Donations", "DONATIONS",
	"Other", "OTHER",
}

// FundAmendment is a change of a fund's amount, with why (Variazione
// dello stanziamento); written only by amendFund.
type FundAmendment struct{ ent.Schema }

// Mixin of FundAmendment.
func (FundAmendment) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("fam"), signedIn()}
}

// Fields of FundAmendment.
func (FundAmendment) Fields() []ent.Field {
	return []ent.Field{
		field.Int64("previous_cents").Range(0, maxCents).Immutable().
			Comment("The amount allocated before, in euro cents (importo precedente)."),
		field.Int64("allocated_cents").Range(0, maxCents).Immutable().
			Comment("The amount allocated from then on, in euro cents (nuovo importo)."),
		field.Text("reason").NotEmpty().MaxLen(2000).Immutable().
			Comment("Why it changed, e.g. the council's resolution (motivo)."),
		field.Time("amended_at").Default(time.Now).Immutable().
			Comment("When (data della variazione)."),
	}
}

// Edges of FundAmendment.
func (FundAmendment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("fund", Fund.Type).Unique().Required().Immutable().
			Comment("The fund (fondo)."),
		edge.To("amended_by", User.Type).Unique().Immutable().
			Comment("Who amended it; null when the viewer may not read the account (autore)."),
	}
}

// Annotations of FundAmendment.
func (FundAmendment) Annotations() []schema.Annotation {
	return []schema.Annotation{schema.Comment("A change of a fund's amount allocated, with why (Variazione dello stanziamento)."),
		entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)}
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
