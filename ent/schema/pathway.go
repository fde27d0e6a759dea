package schema

import (
	"strings"

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

// CaseFile is one pathway of one person with one table (Caso / presa in
// carico). The Go name avoids the keyword "case"; the API calls it Case.
type CaseFile struct{ ent.Schema }

// Mixin of CaseFile.
func (CaseFile) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("cas"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of CaseFile.
func (CaseFile) Fields() []ent.Field {
	return []ent.Field{
		field.String("code").Match(caseCode).Unique().Immutable().
			Comment("Case number: table code, year and sequence, e.g. EMP-2026-0042 (numero del caso).").
			Annotations(ordered("CODE")),
		field.String("import_key").Optional().Nillable().Unique().Immutable().MaxLen(200).
			Comment("For a case imported from a spreadsheet, its row's key, table code first: importing the same rows again creates nothing (chiave di importazione).").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("referred_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).
			Comment("Date of the referral (data della segnalazione).").
			Annotations(ordered("REFERRED_ON")),
		field.Text("referral_reason").NotEmpty().
			Comment("Why the person was referred (motivo della segnalazione).").
			Annotations(personal(shortText)...),
		field.JSON("need_areas", []domain.NeedArea{}).
			Default([]domain.NeedArea{}).
			Comment("Areas of need named at referral (aree di bisogno).").
			Annotations(entgql.Type("[NeedArea!]")),
		field.Enum("status").
			NamedValues(namedValues(domain.CaseStatuses)...).
			Default(string(domain.CaseReferred)).
			Comment("Where the case is in the pathway (stato): segnalato, in valutazione, in carico, in monitoraggio, chiuso, respinto.").
			Annotations(ordered("STATUS")),
		field.Enum("priority").
			NamedValues("Low", "LOW", "Medium", "MEDIUM", "High", "HIGH", "Urgent", "URGENT").
			Default("MEDIUM").
			Comment("Priority (priorità): bassa, media, alta, urgente.").
			Annotations(ordered("PRIORITY")),
		field.Enum("referral_channel").Optional().Nillable().
			NamedValues(referralChannels...).
			Comment("Where the referral came from (canale di invio): servizi sociali, centro per l'impiego, sportello lavoro, centro d'ascolto, servizi socio-sanitari, sindacato, terzo settore, accesso spontaneo, altro. Empty for cases referred or imported before it was recorded.").
			Annotations(sharedEnum("ReferralChannel")),
		field.Time("taken_in_charge_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date the table took charge of the case (data di presa in carico).").
			Annotations(ordered("TAKEN_IN_CHARGE_ON")),
		field.Time("closed_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date the case was closed or declined (data di chiusura).").
			Annotations(ordered("CLOSED_ON")),
		field.Enum("closure_reason").Optional().Nillable().
			NamedValues(closureReasons...).
			Comment("Why the case was closed (motivo di chiusura): obiettivi raggiunti, obiettivi parzialmente raggiunti, abbandono, trasferimento di residenza, trasferito ad altro tavolo, decesso, altro.").
			Annotations(sharedEnum("CaseClosureReason")),
		field.Text("decline_reason").Optional().
			Comment("Why the table did not accept the referral (perché la segnalazione è respinta).").
			Annotations(personal(shortText)...),
		field.Time("consent_given_at").Optional().Nillable().
			Comment("When the person consented to the processing of their data (consenso al trattamento dei dati)."),
		field.Time("first_meeting_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date of the first meeting with the person, when the assessment started (data del primo colloquio).").
			Annotations(ordered("FIRST_MEETING_ON")),
		field.Time("first_meeting_due_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date by which the first meeting is due: referral date plus the table's days to first meeting (scadenza del primo colloquio).").
			Annotations(ordered("FIRST_MEETING_DUE_ON")),
		field.Time("plan_due_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("Date by which the plan is due: first meeting plus the table's days to plan (scadenza del progetto).").
			Annotations(ordered("PLAN_DUE_ON")),
		field.Text("transfer_reason").Optional().
			Comment("Why a transfer to another table was asked, while it waits for that table's coordinator (motivo del trasferimento).").
			Annotations(personal(shortText)...),
		field.Time("transfer_requested_at").Optional().Nillable().
			Comment("When the pending transfer was asked (data della richiesta di trasferimento)."),
		field.String("open_person").Optional().Nillable().Unique().
			Comment("The person's ID while the case is open, none once closed or declined: its unique index keeps one open case per person, whatever races the referrals run, on every database.").
			Annotations(entgql.Skip()),
		field.Bool("referrer_entered_identity").Default(false).Immutable().
			Comment("Whether this referral recorded the person's identity: only then does the referring operator read it through this case, so that linking a known person gives the referrer nothing they did not bring.").
			Annotations(entgql.Skip()),
		field.Int("version").Default(1).Positive().
			Comment("Version for optimistic concurrency: every change increments it (versione)."),
	}
}

// Edges of CaseFile.
func (CaseFile) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("person", Person.Type).Unique().Required().
			Comment("The person the case is about; changed only by merging two records of one person (persona).").
			Annotations(entgql.Skip(entgql.SkipMutationUpdateInput)),
		edge.To("table", TerritorialTable.Type).Unique().Required().
			Comment("The table working the case (tavolo).").
			Annotations(ordered("TABLE_NAME")),
		edge.To("referring_organization", Organization.Type).Unique().Required().Immutable().
			Comment("The organisation that referred the case (ente segnalante)."),
		edge.To("referring_operator", User.Type).Unique().Immutable().
			Comment("The operator who referred the case (operatore segnalante)."),
		edge.To("case_manager", User.Type).Unique().
			Comment("The table member responsible for the case (referente del caso / case manager)."),
		edge.To("team", User.Type).
			Comment("Professionals of the table who joined the case's team after the in-depth analysis (équipe multiprofessionale).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("transfer_to", TerritorialTable.Type).Unique().
			Comment("The table the case is being transferred to, until its coordinator accepts or declines (trasferimento richiesto verso)."),
		edge.From("assessments", Assessment.Type).Ref("case").
			Comment("The preliminary and in-depth analyses of the case (valutazioni).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("monitoring_meetings", MonitoringMeeting.Type).Ref("case").
			Comment("Monitoring meetings planned and held on the case (incontri di monitoraggio).").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("next_case", CaseFile.Type).Unique().
			From("previous_case").Unique().
			Comment("The closed case this one reopens (caso precedente)."),
		edge.From("events", CaseEvent.Type).Ref("case").
			Comment("Timeline of the case, oldest first (cronologia).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		edge.To("plan", Plan.Type).Unique().
			Comment("The personal plan (progetto personalizzato).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("interventions", Intervention.Type).Ref("case").
			Comment("Interventions of the case's plan (interventi).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		edge.From("outcomes", Outcome.Type).Ref("case").
			Comment("Outcomes recorded for the case (esiti).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		edge.From("service_requests", ServiceRequest.Type).Ref("case").
			Comment("Requests to partner organisations for services for the case (richieste di servizio).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		edge.From("approvals", Approval.Type).Ref("case").
			Comment("Proposals of the plan or of the closure that needed the coordinator's approval, and the answers (approvazioni).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Annotations(entgql.RelayConnection()),
		edge.From("documents", Document.Type).Ref("case").
			Comment("Documents attached to the case: signed plan, consent forms, identity documents, evidence (documenti).").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput)).
			Annotations(entgql.RelayConnection()),
	}
}

// Indexes of CaseFile: lists filter by status and table and sort by dates.
// The privacy rule's OR of table, referring operator and transfer
// (rule.visibleCases) is answered with a BitmapOr of the three foreign
// keys' own indexes, table alone included: (status, table) does not lead
// with it.
func (CaseFile) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("status"),
		index.Fields("referred_on"),
		index.Fields("status").Edges("table"),
		index.Edges("table"),
		index.Edges("person"),
		index.Edges("case_manager"),
		index.Edges("referring_operator"),
		index.Edges("transfer_to"),
	}
}

// Hooks of CaseFile.
func (CaseFile) Hooks() []ent.Hook {
	return []ent.Hook{
		datesInOrder("referred_on", "taken_in_charge_on", "referredOn", "takenInChargeOn"),
		datesInOrder("referred_on", "closed_on", "referredOn", "closedOn"),
		datesInOrder("referred_on", "first_meeting_on", "referredOn", "firstMeetingOn"),
		statusTransition,
		statusOneByOne,
		oneOpenCase,
	}
}

// Annotations of CaseFile.
func (CaseFile) Annotations() []schema.Annotation {
	return []schema.Annotation{
		schema.Comment("One pathway of one person with one table, from referral to closure (Caso / presa in carico)."),
		entsql.Annotation{Table: "cases"},
		entgql.Type("Case"),
		entgql.RelayConnection(),
		entgql.QueryField("cases"),
		entgql.MultiOrder(),
	}
}

// CaseEvent is an entry of a case's timeline (Evento del caso).
type CaseEvent struct{ ent.Schema }

// Mixin of CaseEvent.
func (CaseEvent) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("cev"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of CaseEvent.
func (CaseEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").
			NamedValues(
				"Referred", "REFERRED",
				"AssessmentStarted", "ASSESSMENT_STARTED",
				"AssessmentRecorded", "ASSESSMENT_RECORDED",
				"Declined", "DECLINED",
				"TakenInCharge", "TAKEN_IN_CHARGE",
				"CaseManagerAssigned", "CASE_MANAGER_ASSIGNED",
				"PlanUpdated", "PLAN_UPDATED",
				"InterventionAdded", "INTERVENTION_ADDED",
				"InterventionUpdated", "INTERVENTION_UPDATED",
				"OutcomeRecorded", "OUTCOME_RECORDED",
				"FollowUpRecorded", "FOLLOW_UP_RECORDED",
				"MonitoringMeetingScheduled", "MONITORING_MEETING_SCHEDULED",
				"MonitoringMeetingHeld", "MONITORING_MEETING_HELD",
				"MonitoringStarted", "MONITORING_STARTED",
				"Closed", "CLOSED",
				"Reopened", "REOPENED",
				"TransferRequested", "TRANSFER_REQUESTED",
				"Transferred", "TRANSFERRED",
				"TransferDeclined", "TRANSFER_DECLINED",
				"Note", "NOTE",
				"ServiceRequested", "SERVICE_REQUESTED",
				"ServiceRequestAccepted", "SERVICE_REQUEST_ACCEPTED",
				"ServiceRequestDeclined", "SERVICE_REQUEST_DECLINED",
				"ServiceRequestCompleted", "SERVICE_REQUEST_COMPLETED",
				"ServiceRequestCancelled", "SERVICE_REQUEST_CANCELLED",
				"Proposed", "PROPOSED",
				"ProposalApproved", "PROPOSAL_APPROVED",
				"ProposalReturned", "PROPOSAL_RETURNED",
			).
			Comment("What happened (tipo di evento): segnalazione, avvio della valutazione, valutazione registrata, segnalazione respinta, presa in carico, referente assegnato, progetto aggiornato, intervento aggiunto, intervento aggiornato, esito registrato, follow-up registrato, incontro di monitoraggio programmato, incontro di monitoraggio svolto, avvio del monitoraggio, chiusura, riapertura, trasferimento richiesto, trasferimento, trasferimento rifiutato, nota, servizio richiesto, richiesta accettata, richiesta rifiutata, servizio concluso, richiesta annullata, proposta per l'approvazione, proposta approvata, proposta restituita.").
			Annotations(ordered("KIND")),
		field.Time("occurred_at").Immutable().
			Comment("When it happened (data e ora).").
			Annotations(ordered("OCCURRED_AT")),
		field.Text("note").Optional().
			Comment("Text a user typed with the step, shown as typed: a reason, a note, the goal or commitment added or changed; never identifying data of other persons (nota).").
			Annotations(personal(shortText)...),
		// What the step involved, as values rather than words: the web app
		// writes the sentence in the reader's language from its catalogues.
		field.Enum("detail").Optional().Nillable().Immutable().
			NamedValues(
				"GoalAdded", "GOAL_ADDED",
				"GoalChanged", "GOAL_CHANGED",
				"CommitmentAdded", "COMMITMENT_ADDED",
				"CommitmentChanged", "COMMITMENT_CHANGED",
				"GoalAchieved", "GOAL_ACHIEVED",
				"CommitmentFulfilled", "COMMITMENT_FULFILLED",
				"ReopenedAs", "REOPENED_AS",
				"Reopens", "REOPENS",
			).
			Comment("Which change, for the kinds that have several; a PLAN_UPDATED without one changed the plan itself (dettaglio): obiettivo aggiunto, obiettivo modificato, impegno aggiunto, impegno modificato, obiettivo raggiunto alla chiusura, impegno assolto alla chiusura, riaperto come nuovo caso, riapre un caso precedente.").
			Annotations(fact()...),
		field.Enum("assessment_level").Optional().Nillable().Immutable().
			NamedValues(assessmentLevels...).
			Comment("The level of the analysis recorded, for ASSESSMENT_RECORDED (livello dell'analisi).").
			Annotations(fact(sharedEnum("AssessmentLevel"))...),
		field.Enum("intervention_kind").Optional().Nillable().Immutable().
			NamedValues(interventionKinds...).
			Comment("The kind of the intervention added or updated (tipo di intervento).").
			Annotations(fact(sharedEnum("InterventionKind"))...),
		field.Enum("intervention_status").Optional().Nillable().Immutable().
			NamedValues(namedValues(domain.InterventionStatuses)...).
			Comment("The intervention's status after the update, for INTERVENTION_UPDATED (stato dell'intervento).").
			Annotations(fact(sharedEnum("InterventionStatus"))...),
		field.Enum("outcome_kind").Optional().Nillable().Immutable().
			NamedValues(outcomeKinds...).
			Comment("The kind of the result recorded, for OUTCOME_RECORDED and FOLLOW_UP_RECORDED (tipo di esito).").
			Annotations(fact(sharedEnum("OutcomeKind"))...),
		field.Bool("still_held").Optional().Nillable().Immutable().
			Comment("Whether the result still held at its follow-up, for FOLLOW_UP_RECORDED (esito ancora in essere).").
			Annotations(fact()...),
		field.Enum("closure_reason").Optional().Nillable().Immutable().
			NamedValues(closureReasons...).
			Comment("Why the case was closed, for CLOSED (motivo di chiusura).").
			Annotations(fact(sharedEnum("CaseClosureReason"))...),
		field.Enum("decline_reason").Optional().Nillable().Immutable().
			Values(declineReasons...).
			Comment("Why the organisation declined, for SERVICE_REQUEST_DECLINED (motivo del rifiuto).").
			Annotations(fact(sharedEnum("ServiceRequestDeclineReason"))...),
		field.Enum("completion_reason").Optional().Nillable().Immutable().
			Values(completionReasons...).
			Comment("Why the service ended as it did, for SERVICE_REQUEST_COMPLETED (motivo dell'esito).").
			Annotations(fact(sharedEnum("ServiceRequestCompletionReason"))...),
		field.Bool("successful").Optional().Nillable().Immutable().
			Comment("Whether the service reached its purpose, for SERVICE_REQUEST_COMPLETED (esito positivo).").
			Annotations(fact()...),
		field.Enum("approval_kind").Optional().Nillable().Immutable().
			Values(approvalKinds...).
			Comment("What was proposed, for PROPOSED, PROPOSAL_APPROVED and PROPOSAL_RETURNED (oggetto della proposta).").
			Annotations(fact(sharedEnum("ApprovalKind"))...),
		field.Time("day").GoType(day).SchemaType(dateColumn).Optional().Nillable().Immutable().
			Comment("The day the step names: the monitoring meeting's planned or held day, an accepted service's planned start (data).").
			Annotations(fact(dateScalar())...),
	}
}

// Edges of CaseEvent.
func (CaseEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("case", CaseFile.Type).Unique().Required().Immutable().
			Comment("The case (caso)."),
		edge.To("actor", User.Type).Unique().Immutable().
			Comment("Who did it (autore)."),
		edge.To("assignee", User.Type).Unique().Immutable().
			Comment("The member made case manager, for TAKEN_IN_CHARGE and CASE_MANAGER_ASSIGNED (referente assegnato).").
			Annotations(fact()...),
		edge.To("from_table", TerritorialTable.Type).Unique().Immutable().
			Comment("The table the case left, for TRANSFERRED (tavolo di provenienza).").
			Annotations(fact()...),
		edge.To("to_table", TerritorialTable.Type).Unique().Immutable().
			Comment("The table asked to receive the case, or that received it, for the transfer kinds (tavolo di destinazione).").
			Annotations(fact()...),
		edge.To("organization", Organization.Type).Unique().Immutable().
			Comment("The partner organisation, for the service request kinds (ente).").
			Annotations(fact()...),
		edge.To("related_case", CaseFile.Type).Unique().Immutable().
			Comment("The other case of a reopening, for REOPENED: the new case (REOPENED_AS) or the earlier one (REOPENS); null when the viewer may not read it (caso collegato).").
			Annotations(fact()...),
	}
}

// referralChannels are the ways a person reaches a table, as Go and
// GraphQL names: the services that refer, and the person coming alone.
var referralChannels = []string{
	"SocialServices", "SOCIAL_SERVICES",
	"EmploymentCentre", "EMPLOYMENT_CENTRE",
	"EmploymentDesk", "EMPLOYMENT_DESK",
	"CounsellingDesk", "COUNSELLING_DESK",
	"HealthServices", "HEALTH_SERVICES",
	"TradeUnion", "TRADE_UNION",
	"ThirdSector", "THIRD_SECTOR",
	"SelfReferral", "SELF_REFERRAL",
	"Other", "OTHER",
}

// sharedEnum names the GraphQL enum of a field whose values a timeline
// entry carries too (fact): both fields name it, so that entgql defines
// it once, and gqlgen.yml binds both Go types to it.
func sharedEnum(name string) schema.Annotation { return entgql.Type(name) }

// fact marks a value a timeline entry carries for its sentence: shown,
// with the annotations given (its GraphQL type), but not a filter nor an
// order.
func fact(annotations ...schema.Annotation) []schema.Annotation {
	return append([]schema.Annotation{entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)}, annotations...)
}

// Indexes of CaseEvent.
func (CaseEvent) Indexes() []ent.Index {
	return []ent.Index{index.Edges("case"), index.Fields("occurred_at")}
}

// Annotations of CaseEvent.
func (CaseEvent) Annotations() []schema.Annotation {
	return nestedType("An entry of a case's timeline (Evento della cronologia del caso).")
}

// namedValues gives an enum field the values of a domain type, each with
// its Go name in camel case (UNDER_ASSESSMENT is UnderAssessment), so
// that ent generates the constants (casefile.StatusUnderAssessment) the
// code reads. ent's GoType would bind the domain type itself, but without
// generating those constants.
func namedValues[T ~string](values []T) []string {
	out := make([]string, 0, 2*len(values))
	for _, v := range values {
		var name strings.Builder
		for _, word := range strings.Split(strings.ToLower(string(v)), "_") {
			if word != "" {
				name.WriteString(strings.ToUpper(word[:1]) + word[1:])
			}
		}
		out = append(out, name.String(), string(v))
	}
	return out
}

// closureReasons are why a case is closed, as Go and GraphQL names; the timeline names them too.
var closureReasons = []string{
	"GoalsMet", "GOALS_MET",
	"PartiallyMet", "PARTIALLY_MET",
	"DroppedOut", "DROPPED_OUT",
	"MovedAway", "MOVED_AWAY",
	"Transferred", "TRANSFERRED",
	"Deceased", "DECEASED",
	"Other", "OTHER",
}
