package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
)

// Protocol is an agreement between some parties for specific objectives
// (Protocollo).
type Protocol struct{ ent.Schema }

// Mixin of Protocol.
func (Protocol) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("prt"), TimeMixin{}, signedIn(admin, steering)}
}

// Fields of Protocol.
func (Protocol) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").NotEmpty().MaxLen(300).
			Comment("Title of the protocol (titolo).").
			Annotations(ordered("TITLE")),
		field.Text("purpose").Optional().
			Comment("The specific objectives the protocol serves (finalità).").
			Annotations(limited(longText)),
		field.Enum("status").
			NamedValues("Draft", "DRAFT", "Active", "ACTIVE", "Expired", "EXPIRED", "Terminated", "TERMINATED").
			Default("DRAFT").
			Comment("Status (stato): bozza, attivo, scaduto, cessato.").
			Annotations(ordered("STATUS")),
		field.Time("signed_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date of signature (data di sottoscrizione).").
			Annotations(ordered("SIGNED_ON")),
		field.Time("valid_from").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("First day of validity (decorrenza).").
			Annotations(ordered("VALID_FROM")),
		field.Time("valid_until").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Last day of validity (scadenza).").
			Annotations(ordered("VALID_UNTIL")),
	}
}

// Edges of Protocol.
func (Protocol) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("parties", ProtocolParty.Type).Ref("protocol").
			Comment("The parties with their role and commitments (parti del protocollo).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		edge.To("objectives", Objective.Type).
			Comment("The programme objectives the protocol serves (obiettivi).").
			Annotations(entgql.RelayConnection()),
		edge.From("interventions", Intervention.Type).Ref("protocol").
			Comment("The interventions delivered under the protocol, as far as the viewer may read them; Protocol.delivered sums them all (interventi erogati nell'ambito del protocollo).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of Protocol.
func (Protocol) Indexes() []ent.Index {
	return []ent.Index{index.Fields("status")}
}

// Hooks of Protocol.
func (Protocol) Hooks() []ent.Hook {
	return []ent.Hook{datesInOrder("valid_from", "valid_until", "validFrom", "validUntil")}
}

// Annotations of Protocol.
func (Protocol) Annotations() []schema.Annotation {
	return rootType("An agreement between parties of the network that fixes, for specific objectives, each party's role and commitments (Protocollo).", editable())
}

// ProtocolParty is an organisation's role in a protocol (Parte del protocollo).
type ProtocolParty struct{ ent.Schema }

// Mixin of ProtocolParty.
func (ProtocolParty) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("ppa"), TimeMixin{}, signedIn(admin, steering)}
}

// Fields of ProtocolParty.
func (ProtocolParty) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("role").
			NamedValues("Promoter", "PROMOTER", "Lead", "LEAD", "Partner", "PARTNER", "Funder", "FUNDER", "Supporter", "SUPPORTER").
			Comment("Role in the protocol (ruolo): promotore, capofila, partner, finanziatore, sostenitore.").
			Annotations(ordered("ROLE")),
		field.Text("operating_mode").Optional().
			Comment("How the party operates within the protocol (modalità operative).").
			Annotations(limited(longText)),
		field.Time("signed_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date the party signed the protocol; null until it does, and a protocol is activated only once two parties at least have signed (data di sottoscrizione).").
			Annotations(ordered("SIGNED_ON")),
		field.String("signer_name").Optional().MaxLen(200).
			Comment("The person who signed for the party (firmatario).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("signer_role").Optional().MaxLen(200).
			Comment("Their office in the party's body (qualifica del firmatario).").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
	}
}

// Edges of ProtocolParty.
func (ProtocolParty) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("protocol", Protocol.Type).Unique().Required().Immutable().
			Comment("The protocol (protocollo)."),
		edge.To("organization", Organization.Type).Unique().Required().Immutable().
			Comment("The party (ente)."),
		edge.From("commitments", ProtocolCommitment.Type).Ref("party").
			Comment("What the party undertook (impegni).").
			Annotations(entgql.RelayConnection()),
	}
}

// Indexes of ProtocolParty: an organisation is a party once per protocol.
func (ProtocolParty) Indexes() []ent.Index {
	return []ent.Index{index.Edges("protocol", "organization").Unique()}
}

// Annotations of ProtocolParty.
func (ProtocolParty) Annotations() []schema.Annotation {
	return nestedType("An organisation's role and commitments in a protocol (Parte del protocollo).")
}

// ProtocolCommitment is one thing a party undertook in a protocol (Impegno).
type ProtocolCommitment struct{ ent.Schema }

// Mixin of ProtocolCommitment.
func (ProtocolCommitment) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("pcm"), TimeMixin{}, signedIn(admin, steering)}
}

// Fields of ProtocolCommitment.
func (ProtocolCommitment) Fields() []ent.Field {
	return []ent.Field{
		field.Text("description").NotEmpty().
			Comment("What the party undertook (impegno).").
			Annotations(limited(shortText)),
		field.Time("due_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Due date (scadenza).").
			Annotations(ordered("DUE_ON")),
		field.Enum("status").
			NamedValues("Open", "OPEN", "Done", "DONE", "Late", "LATE", "Dropped", "DROPPED").
			Default("OPEN").
			Comment("Status (stato): aperto, adempiuto, in ritardo, ritirato.").
			Annotations(ordered("STATUS")),
		field.Time("done_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date it was fulfilled (data di adempimento).").
			Annotations(ordered("DONE_ON")),
		field.Text("evidence").Optional().
			Comment("What shows it was fulfilled (evidenza).").
			Annotations(limited(shortText)),
	}
}

// Edges of ProtocolCommitment.
func (ProtocolCommitment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("party", ProtocolParty.Type).Unique().Required().Immutable().
			Comment("The party that undertook it; its organisation owns it (parte responsabile)."),
		edge.From("documents", Document.Type).Ref("commitment").
			Comment("Evidence that the commitment was fulfilled (documenti a prova dell'adempimento).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)).
			Annotations(entgql.RelayConnection()),
	}
}

// Indexes of ProtocolCommitment.
func (ProtocolCommitment) Indexes() []ent.Index {
	return []ent.Index{index.Fields("status", "due_on")}
}

// Annotations of ProtocolCommitment.
func (ProtocolCommitment) Annotations() []schema.Annotation {
	return nestedType("A commitment a party undertook in a protocol, with due date and status (Impegno del protocollo).")
}

// Directive is an instruction of the steering committee to the tables
// (Indirizzo).
type Directive struct{ ent.Schema }

// Mixin of Directive.
func (Directive) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("dir"), TimeMixin{}, signedIn(admin, steering)}
}

// Fields of Directive.
func (Directive) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").NotEmpty().MaxLen(300).
			Comment("Title (oggetto).").
			Annotations(ordered("TITLE")),
		field.Text("body").NotEmpty().
			Comment("The instruction (testo dell'indirizzo).").
			Annotations(limited(longText)),
		field.Time("issued_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Date the committee issued it (data di emanazione).").
			Annotations(ordered("ISSUED_ON")),
		field.Bool("all_tables").Default(false).
			Comment("Whether it is addressed to every table; otherwise to the tables listed (rivolto a tutti i tavoli)."),
		field.Time("due_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("The day by which the tables are to carry it out; null only for directives issued before deadlines were kept (scadenza).").
			Annotations(ordered("DUE_ON")),
		committeeLevel(false),
	}
}

// Edges of Directive.
func (Directive) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("tables", TerritorialTable.Type).
			Comment("The tables it is addressed to, when not all (tavoli destinatari).").
			Annotations(entgql.RelayConnection()),
		edge.From("acknowledgements", DirectiveAcknowledgement.Type).Ref("directive").
			Comment("The tables' acknowledgements (prese d'atto).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Annotations of Directive.
func (Directive) Annotations() []schema.Annotation {
	return rootType("An instruction of the steering committee to all or some tables (Indirizzo della cabina di regia).")
}

// Objective is a programme objective with an indicator, a target and a
// period (Obiettivo).
type Objective struct{ ent.Schema }

// Mixin of Objective.
func (Objective) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("obj"), TimeMixin{}, signedIn(admin, steering)}
}

// Fields of Objective.
func (Objective) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").NotEmpty().MaxLen(300).
			Comment("Title (titolo).").
			Annotations(ordered("TITLE")),
		field.Enum("indicator").
			NamedValues(
				"Referrals", "REFERRALS",
				"TakingsInCharge", "TAKINGS_IN_CHARGE",
				"Closures", "CLOSURES",
				"DaysToTakeChargeMedian", "DAYS_TO_TAKE_CHARGE_MEDIAN",
				"PositiveOutcomes", "POSITIVE_OUTCOMES",
				"EmploymentOutcomeShare", "EMPLOYMENT_OUTCOME_SHARE",
				"EmploymentHeldAtFollowUp", "EMPLOYMENT_HELD_AT_FOLLOW_UP",
				"FundsSpentShare", "FUNDS_SPENT_SHARE",
				"CostPerPositiveOutcome", "COST_PER_POSITIVE_OUTCOME",
				"ReciprocityHoursDone", "RECIPROCITY_HOURS_DONE",
				"ProtocolCommitmentsOnTime", "PROTOCOL_COMMITMENTS_ON_TIME",
				"MeetingsHeld", "MEETINGS_HELD",
			).
			Comment("The indicator the objective is measured by (indicatore): segnalazioni, prese in carico, chiusure, giorni mediani dalla segnalazione alla presa in carico, esiti positivi, quota di casi chiusi con esito occupazionale, occupazione mantenuta al follow-up, quota dei fondi spesa, costo per esito positivo, ore di reciprocità svolte, impegni dei protocolli rispettati nei tempi, riunioni tenute.").
			Annotations(ordered("INDICATOR")),
		field.Float("target").
			Comment("Target value of the indicator (valore obiettivo).").
			Annotations(ordered("TARGET")),
		field.Bool("lower_is_better").Default(false).
			Comment("Whether the target is a ceiling rather than a floor, e.g. days to take charge (obiettivo di riduzione)."),
		field.JSON("need_areas", []domain.NeedArea{}).
			Default([]domain.NeedArea{}).
			Comment("Only the cases naming one of these need areas count, when given (filtro: aree di bisogno).").
			Annotations(entgql.Type("[NeedArea!]"), entsql.Default("[]")), // a database default, for the objectives already there
		field.Time("period_start").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("First day of the period (inizio del periodo).").
			Annotations(ordered("PERIOD_START")),
		field.Time("period_end").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Last day of the period (fine del periodo).").
			Annotations(ordered("PERIOD_END")),
	}
}

// Edges of Objective.
func (Objective) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("protocols", Protocol.Type).Ref("objectives").
			Comment("Protocols that serve the objective (protocolli collegati).").
			Annotations(entgql.RelayConnection()),
		edge.To("tables", TerritorialTable.Type).
			Comment("Only the cases of these tables count, when given (filtro: tavoli).").
			Annotations(entgql.RelayConnection()),
		edge.To("municipalities", Municipality.Type).
			Comment("Only the persons resident in, or the funds of, these municipalities count, when given (filtro: comuni).").
			Annotations(entgql.RelayConnection()),
	}
}

// Hooks of Objective.
func (Objective) Hooks() []ent.Hook {
	return []ent.Hook{datesInOrder("period_start", "period_end", "periodStart", "periodEnd")}
}

// Annotations of Objective.
func (Objective) Annotations() []schema.Annotation {
	return rootType("A programme objective: an indicator, a target, a period and optional filters (Obiettivo).", editable())
}

// Meeting is a meeting of the steering committee or of a table (Riunione).
type Meeting struct{ ent.Schema }

// Mixin of Meeting.
func (Meeting) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("mtg"), TimeMixin{}, MeetingMixin{}, signedIn(admin, steering)}
}

// Fields of Meeting.
func (Meeting) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("body").
			NamedValues("SteeringCommittee", "STEERING_COMMITTEE", "Table", "TABLE").
			Comment("Which body met (organo): cabina di regia, tavolo territoriale.").
			Annotations(ordered("BODY")),
		field.Time("held_at").
			Comment("Date and time of the meeting (data e ora).").
			Annotations(ordered("HELD_AT")),
		field.String("title").NotEmpty().MaxLen(300).
			Comment("Agenda title (ordine del giorno).").
			Annotations(ordered("TITLE")),
		field.Text("minutes").Optional().
			Comment("Minutes, without identifying data of persons (verbale).").
			Annotations(limited(longText)),
	}
}

// Edges of Meeting.
func (Meeting) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("table", TerritorialTable.Type).Unique().
			Comment("The table that met, for table meetings (tavolo)."),
		edge.To("attendees", User.Type).
			Comment("Who attended (presenti).").
			Annotations(entgql.RelayConnection()),
		edge.From("decisions", Decision.Type).Ref("meeting").
			Comment("Decisions taken (decisioni).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		edge.From("documents", Document.Type).Ref("meeting").
			Comment("The minutes and other documents of the meeting (documenti).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)).
			Annotations(entgql.RelayConnection()),
	}
}

// Hooks of Meeting: minutes never identify persons.
func (Meeting) Hooks() []ent.Hook {
	return []ent.Hook{noTaxCodes("minutes", "minutes"), noTaxCodes("title", "title")}
}

// Indexes of Meeting.
func (Meeting) Indexes() []ent.Index {
	return []ent.Index{index.Fields("body", "held_at")}
}

// Annotations of Meeting.
func (Meeting) Annotations() []schema.Annotation {
	return rootType("A meeting of the steering committee or of a table, with attendees, minutes and decisions (Riunione).")
}

// Decision is a decision taken in a meeting (Decisione).
type Decision struct{ ent.Schema }

// Mixin of Decision.
func (Decision) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("dec"), TimeMixin{}, MeetingMixin{}, signedIn(admin, steering)}
}

// Fields of Decision.
func (Decision) Fields() []ent.Field {
	return []ent.Field{
		field.Text("text").NotEmpty().
			Comment("What was decided, without identifying data of persons (testo della decisione).").
			Annotations(limited(shortText)),
		committeeLevel(true),
	}
}

// committeeLevel is the level of the committee's work a decision or
// directive belongs to, as the sources distinguish them.
// A directive has one, strategic unless told; a decision of a table's
// meeting has none.
func committeeLevel(optional bool) ent.Field {
	f := field.Enum("level").
		NamedValues("Strategic", "STRATEGIC", "Operational", "OPERATIONAL").
		Comment("The committee's level of work (livello): strategico, the direction of the network, or operativo, coordination — programming, evaluation, verification; for decisions of table meetings, null.").
		Annotations(ordered("LEVEL"), sharedEnum("CommitteeLevel"))
	if optional {
		return f.Optional().Nillable()
	}
	return f.Default("STRATEGIC")
}

// Edges of Decision.
func (Decision) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("meeting", Meeting.Type).Unique().Required().Immutable().
			Comment("The meeting (riunione)."),
		edge.To("directive", Directive.Type).Unique().
			Comment("The directive the decision issues or concerns (indirizzo collegato)."),
		edge.To("protocol", Protocol.Type).Unique().
			Comment("The protocol the decision concerns (protocollo collegato)."),
		edge.To("case", CaseFile.Type).Unique().
			Comment("The case the decision concerns, shown by its code only (caso collegato)."),
	}
}

// Hooks of Decision: decisions never identify persons.
func (Decision) Hooks() []ent.Hook {
	return []ent.Hook{noTaxCodes("text", "text")}
}

// Annotations of Decision.
func (Decision) Annotations() []schema.Annotation {
	return nestedType("A decision taken in a meeting, optionally linked to a directive, protocol or case (Decisione).")
}
