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

// ServiceRequest is a table's request to a partner organisation for a
// service for a case (Richiesta di servizio): the organisation's
// operators read it — and nothing else of the case — and accept it, which
// makes it an intervention of the case, or decline it, and say how it
// ended. Written only by the steps of server/pathway.
type ServiceRequest struct{ ent.Schema }

// Mixin of ServiceRequest: read by whoever reads the case, and by the
// operators of the organisation it is addressed to (rule.ScopeCases).
func (ServiceRequest) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("srq"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of ServiceRequest.
func (ServiceRequest) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").NamedValues(interventionKinds...).Immutable().
			Comment("The service asked for, as an intervention kind (tipo di servizio).").
			Annotations(ordered("KIND"), sharedEnum("InterventionKind")),
		field.Text("need").NotEmpty().Immutable().
			Comment("What is needed, as the table writes it for the organisation (bisogno).").
			Annotations(personal(shortText)...),
		field.Time("needed_by").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().Immutable().
			Comment("By when the service is needed (entro il).").
			Annotations(ordered("NEEDED_BY")),
		field.JSON("shared_contact", []domain.ContactDatum{}).Default([]domain.ContactDatum{}).Immutable().
			Comment("The person's contact data the request shares with the organisation, under a SHARING basis for it; the organisation reads them while the request is open and the basis in force (dati di contatto condivisi).").
			Annotations(entgql.Type("[ContactDatum!]")),
		field.Enum("status").Values("SENT", "ACCEPTED", "DECLINED", "COMPLETED", "CANCELLED").Default("SENT").
			Comment("SENT, waiting for an answer; ACCEPTED (an intervention of the case); DECLINED; COMPLETED, with or without success; CANCELLED by the table before an answer (stato).").
			Annotations(ordered("STATUS")),
		field.Time("sent_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Immutable().
			Comment("The day it was sent (inviata il).").
			Annotations(ordered("SENT_ON")),
		field.Time("answer_due_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Immutable().
			Comment("The last day to accept or decline it; unanswered after it, the request is overdue (risposta entro il).").
			Annotations(ordered("ANSWER_DUE_ON")),
		field.Time("answered_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("The day the organisation accepted or declined it (risposta il).").
			Annotations(ordered("ANSWERED_ON")),
		field.Time("planned_start").GoType(day).SchemaType(dateColumn).Optional().Nillable().
			Comment("For an accepted request, when the service starts (avvio previsto).").
			Annotations(fact(dateScalar())...),
		field.Enum("decline_reason").Optional().Nillable().
			Values(declineReasons...).
			Comment("Why it was declined (motivo del rifiuto): nessuna disponibilità, requisiti non soddisfatti, fuori area, servizio non offerto, persona non raggiungibile, altro.").
			Annotations(ordered("DECLINE_REASON"), sharedEnum("ServiceRequestDeclineReason")),
		field.Text("answer_note").Optional().
			Comment("What the organisation wrote with its answer (nota della risposta).").
			Annotations(personal(shortText)...),
		field.Time("completed_on").GoType(day).SchemaType(dateColumn).Annotations(dateScalar()).Optional().Nillable().
			Comment("The day the service ended (concluso il).").
			Annotations(ordered("COMPLETED_ON")),
		field.Bool("successful").Optional().Nillable().
			Comment("Whether the service reached its purpose (esito positivo).").
			Annotations(entgql.Skip(entgql.SkipOrderField)),
		field.Enum("completion_reason").Optional().Nillable().
			Values(completionReasons...).
			Comment("Why it ended as it did (motivo dell'esito): obiettivo raggiunto, raggiunto in parte, la persona ha rinunciato, persona non raggiungibile, servizio non adatto, servizio terminato, altro.").
			Annotations(ordered("COMPLETION_REASON"), sharedEnum("ServiceRequestCompletionReason")),
		field.Text("completion_note").Optional().
			Comment("What the organisation wrote of how it ended (nota sull'esito).").
			Annotations(personal(shortText)...),
	}
}

// Edges of ServiceRequest. The case and its intervention are null for
// those who read the request but not the case: the partner's operators.
func (ServiceRequest) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("case", CaseFile.Type).Unique().Immutable().
			Comment("The case the service is for; null for the organisation's operators, who read the request and not the case (caso)."),
		edge.To("organization", Organization.Type).Unique().Required().Immutable().
			Comment("The organisation asked for the service (ente destinatario)."),
		edge.To("table", TerritorialTable.Type).Unique().Required().Immutable().
			Comment("The table that sent it (tavolo richiedente)."),
		edge.To("requested_by", User.Type).Unique().Immutable().
			Comment("The member who sent it, the organisation's contact for it; null for those who may not read the account, e.g. the committee (richiesta da)."),
		edge.To("answered_by", User.Type).Unique().
			Comment("The organisation's operator who answered it (risposta di)."),
		edge.To("intervention", Intervention.Type).Unique().
			Comment("The intervention of the case an accepted request became; null for those who do not read the case (intervento)."),
	}
}

// Indexes of ServiceRequest: an organisation's requests by status, a
// case's requests.
func (ServiceRequest) Indexes() []ent.Index {
	return []ent.Index{index.Edges("organization").Fields("status"), index.Edges("case")}
}

// Annotations of ServiceRequest.
func (ServiceRequest) Annotations() []schema.Annotation {
	return rootType("A table's request to a partner organisation for a service for a case, and the organisation's answer (Richiesta di servizio).")
}

// Approval is a case manager's proposal that needs the coordinator's
// approval — the personal plan, or the closure of the case — and the
// coordinator's answer (Approvazione). The table's settings say which
// need one; written only by the steps of server/pathway.
type Approval struct{ ent.Schema }

// Mixin of Approval.
func (Approval) Mixin() []ent.Mixin {
	return []ent.Mixin{gid.MixinWithPrefix("apv"), TimeMixin{}, CaseMixin{}, signedIn()}
}

// Fields of Approval.
func (Approval) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values(approvalKinds...).Immutable().
			Comment("What is proposed: PLAN, the personal plan as agreed; CLOSURE, the closure of the case (oggetto).").
			Annotations(ordered("KIND"), sharedEnum("ApprovalKind")),
		field.Enum("status").Values("PENDING", "APPROVED", "RETURNED").Default("PENDING").
			Comment("PENDING until the coordinator approves it or returns it with a reason (stato).").
			Annotations(ordered("STATUS")),
		field.Time("proposed_at").Immutable().
			Comment("When it was proposed (proposta il).").
			Annotations(ordered("PROPOSED_AT")),
		field.Time("decided_at").Optional().Nillable().
			Comment("When the coordinator answered (decisa il).").
			Annotations(ordered("DECIDED_AT")),
		field.Time("agreed_on").GoType(day).SchemaType(dateColumn).Optional().Nillable().Immutable().
			Comment("For a plan, the day it was agreed with the person (concordato il).").
			Annotations(fact(dateScalar())...),
		field.Enum("closure_reason").Optional().Nillable().Immutable().
			NamedValues(closureReasons...).
			Comment("For a closure, why the case is to close (motivo di chiusura).").
			Annotations(fact(sharedEnum("CaseClosureReason"))...),
		field.Text("note").Optional().Immutable().
			Comment("What the proposer wrote with it (nota della proposta).").
			Annotations(personal(shortText)...),
		field.JSON("goals_achieved", []gid.ID{}).Optional().Immutable().
			Comment("For a closure, the goals it marks achieved.").
			Annotations(entgql.Skip()),
		field.JSON("commitments_fulfilled", []gid.ID{}).Optional().Immutable().
			Comment("For a closure, the commitments it marks fulfilled.").
			Annotations(entgql.Skip()),
		field.Text("return_reason").Optional().
			Comment("Why the coordinator returned it (motivo della restituzione).").
			Annotations(personal(shortText)...),
	}
}

// Edges of Approval.
func (Approval) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("case", CaseFile.Type).Unique().Required().Immutable().
			Comment("The case (caso)."),
		edge.To("proposed_by", User.Type).Unique().Immutable().
			Comment("The case manager who proposed it; null for those who may not read the account, e.g. the committee (proposta da)."),
		edge.To("decided_by", User.Type).Unique().
			Comment("The coordinator who answered (decisa da)."),
	}
}

// Indexes of Approval: a case's pending proposals.
func (Approval) Indexes() []ent.Index {
	return []ent.Index{index.Edges("case").Fields("status")}
}

// Annotations of Approval.
func (Approval) Annotations() []schema.Annotation {
	return nestedType("A proposal of the personal plan or of a case's closure that needs the coordinator's approval, and the answer (Approvazione).")
}

// The values of the enums a timeline event carries too.
var (
	declineReasons    = []string{"NO_CAPACITY", "NOT_ELIGIBLE", "OUTSIDE_AREA", "NOT_OFFERED", "PERSON_UNREACHABLE", "OTHER"}
	completionReasons = []string{"PURPOSE_REACHED", "PARTLY_REACHED", "PERSON_WITHDREW", "PERSON_UNREACHABLE", "NOT_SUITABLE", "SERVICE_ENDED", "OTHER"}
	approvalKinds     = []string{"PLAN", "CLOSURE"}
)
