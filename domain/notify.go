package domain

import "io"

// EventKind names something that happened in WIN that others must hear
// of: people in WIN and by e-mail (notifications), partners' programs
// (webhooks) and open pages (live updates). Every kind is in EventRules.
type EventKind string

// The kinds of events that leave WIN.
const (
	EventReferralReceived     EventKind = "REFERRAL_RECEIVED"        // a case was referred to a table
	EventReferralDeclined     EventKind = "REFERRAL_DECLINED"        // the table declined a referral
	EventCaseTakenInCharge    EventKind = "CASE_TAKEN_IN_CHARGE"     // the table took charge of a referred case
	EventCaseManagerAssigned  EventKind = "CASE_MANAGER_ASSIGNED"    // a member became a case's manager
	EventTransferRequested    EventKind = "TRANSFER_REQUESTED"       // a case is offered to another table
	EventTransferAccepted     EventKind = "TRANSFER_ACCEPTED"        // the other table accepted it
	EventTransferDeclined     EventKind = "TRANSFER_DECLINED"        // the other table (or the sender) declined it
	EventDirectiveIssued      EventKind = "DIRECTIVE_ISSUED"         // the committee issued a directive to tables
	EventPlanReviewDue        EventKind = "PLAN_REVIEW_DUE"          // a plan's review falls today
	EventMonitoringMeetingDue EventKind = "MONITORING_MEETING_DUE"   // a monitoring meeting is planned for today
	EventFollowUpDue          EventKind = "FOLLOW_UP_DUE"            // an outcome's six-month follow-up falls today
	EventInterventionEnding   EventKind = "INTERVENTION_ENDING"      // a pending intervention ends today
	EventCommitmentOverdue    EventKind = "COMMITMENT_OVERDUE"       // a reciprocal commitment's due day passed with hours to do
	EventWebhookDisabled      EventKind = "WEBHOOK_DISABLED"         // an endpoint failed for a day and was disabled
	EventApprovalRequested    EventKind = "APPROVAL_REQUESTED"       // a member proposed a plan or a closure for the coordinator's approval
	EventProposalApproved     EventKind = "PROPOSAL_APPROVED"        // the coordinator approved a proposal
	EventProposalReturned     EventKind = "PROPOSAL_RETURNED"        // the coordinator returned a proposal with a reason
	EventServiceAnswered      EventKind = "SERVICE_REQUEST_ANSWERED" // a partner organisation accepted, declined or completed a service request
	EventCaseChanged          EventKind = "CASE_CHANGED"             // any step changed a case: programs and open pages only
)

// Recipient names who is told of an event in WIN and by e-mail; the
// outbox's dispatcher (server/outbox) finds them when it delivers. The
// user who caused the event is never told of it.
type Recipient string

// The recipients of events.
const (
	ToTableCoordinator       Recipient = "TABLE_COORDINATOR"        // the coordinator of the case's table
	ToReferringOperator      Recipient = "REFERRING_OPERATOR"       // who referred the case
	ToAssignedManager        Recipient = "ASSIGNED_MANAGER"         // the member just made the case's manager
	ToTransferCoordinators   Recipient = "TRANSFER_COORDINATORS"    // the coordinators of the sending and the receiving table
	ToAddressedCoordinators  Recipient = "ADDRESSED_COORDINATORS"   // the coordinators of the tables a directive addresses
	ToManagerElseCoordinator Recipient = "MANAGER_ELSE_COORDINATOR" // the case's manager, or the table's coordinator while it has none
	ToWebhookOwner           Recipient = "WEBHOOK_OWNER"            // who registered the endpoint
	ToConcernedUser          Recipient = "CONCERNED_USER"           // who proposed the proposal answered, who sent the service request answered
)

// Delivery is how a user wants to hear of a kind of event.
type Delivery string

// The ways of hearing of an event.
const (
	DeliverInApp  Delivery = "IN_APP" // in WIN's notification centre only
	DeliverEmail  Delivery = "EMAIL"  // in WIN, and by e-mail at once
	DeliverDigest Delivery = "DIGEST" // in WIN, and in the next morning's e-mail digest
)

// Deliveries lists every way of hearing of an event.
var Deliveries = []Delivery{DeliverInApp, DeliverEmail, DeliverDigest}

// EventRule is a row of the table of events: who is told, how by
// default, and whether the event is a deadline the daily run finds
// rather than a step that writes it.
type EventRule struct {
	Kind       EventKind
	Recipients []Recipient // none: programs and open pages only
	Default    Delivery
	Deadline   bool
}

// EventRules lists every event kind: the one place that says who hears
// of what.
var EventRules = []EventRule{
	{Kind: EventReferralReceived, Recipients: []Recipient{ToTableCoordinator}, Default: DeliverEmail},
	{Kind: EventReferralDeclined, Recipients: []Recipient{ToReferringOperator}, Default: DeliverEmail},
	{Kind: EventCaseTakenInCharge, Recipients: []Recipient{ToReferringOperator}, Default: DeliverEmail},
	{Kind: EventCaseManagerAssigned, Recipients: []Recipient{ToAssignedManager}, Default: DeliverEmail},
	{Kind: EventTransferRequested, Recipients: []Recipient{ToTransferCoordinators}, Default: DeliverEmail},
	{Kind: EventTransferAccepted, Recipients: []Recipient{ToTransferCoordinators}, Default: DeliverEmail},
	{Kind: EventTransferDeclined, Recipients: []Recipient{ToTransferCoordinators}, Default: DeliverEmail},
	{Kind: EventDirectiveIssued, Recipients: []Recipient{ToAddressedCoordinators}, Default: DeliverEmail},
	{Kind: EventPlanReviewDue, Recipients: []Recipient{ToManagerElseCoordinator}, Default: DeliverDigest, Deadline: true},
	{Kind: EventMonitoringMeetingDue, Recipients: []Recipient{ToManagerElseCoordinator}, Default: DeliverDigest, Deadline: true},
	{Kind: EventFollowUpDue, Recipients: []Recipient{ToManagerElseCoordinator}, Default: DeliverDigest, Deadline: true},
	{Kind: EventInterventionEnding, Recipients: []Recipient{ToManagerElseCoordinator}, Default: DeliverDigest, Deadline: true},
	{Kind: EventCommitmentOverdue, Recipients: []Recipient{ToManagerElseCoordinator}, Default: DeliverDigest, Deadline: true},
	{Kind: EventWebhookDisabled, Recipients: []Recipient{ToWebhookOwner}, Default: DeliverEmail},
	{Kind: EventApprovalRequested, Recipients: []Recipient{ToTableCoordinator}, Default: DeliverEmail},
	{Kind: EventProposalApproved, Recipients: []Recipient{ToConcernedUser}, Default: DeliverEmail},
	{Kind: EventProposalReturned, Recipients: []Recipient{ToConcernedUser}, Default: DeliverEmail},
	{Kind: EventServiceAnswered, Recipients: []Recipient{ToConcernedUser}, Default: DeliverEmail},
	{Kind: EventCaseChanged},
}

// EventKinds lists every event kind, in the table's order.
var EventKinds = func() []EventKind {
	out := make([]EventKind, len(EventRules))
	for i, r := range EventRules {
		out[i] = r.Kind
	}
	return out
}()

// RuleOf returns the row of an event kind.
func RuleOf(k EventKind) (EventRule, bool) {
	for _, r := range EventRules {
		if r.Kind == k {
			return r, true
		}
	}
	return EventRule{}, false
}

// Notified reports whether people hear of the kind (not only programs).
func (k EventKind) Notified() bool {
	r, ok := RuleOf(k)
	return ok && len(r.Recipients) > 0
}

// Values implements ent's EnumValues, so ent checks stored values.
func (EventKind) Values() []string { return StringsOf(EventKinds) }

// MarshalGQL implements graphql.Marshaler.
func (k EventKind) MarshalGQL(w io.Writer) { MarshalEnum(w, k) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (k *EventKind) UnmarshalGQL(v any) (err error) {
	*k, err = UnmarshalEnum(v, EventKinds, "EventKind")
	return err
}

// Values implements ent's EnumValues.
func (Delivery) Values() []string { return StringsOf(Deliveries) }

// MarshalGQL implements graphql.Marshaler.
func (d Delivery) MarshalGQL(w io.Writer) { MarshalEnum(w, d) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (d *Delivery) UnmarshalGQL(v any) (err error) {
	*d, err = UnmarshalEnum(v, Deliveries, "NotificationDelivery")
	return err
}

// Language is a language WIN speaks to its users in: the SPA's choice,
// stored on the account for what WIN sends them.
type Language string

// The languages of WIN.
const (
	Italian Language = "IT"
	English Language = "EN"
)

// Languages lists WIN's languages, the default first.
var Languages = []Language{Italian, English}

// Values implements ent's EnumValues.
func (Language) Values() []string { return StringsOf(Languages) }

// MarshalGQL implements graphql.Marshaler.
func (l Language) MarshalGQL(w io.Writer) { MarshalEnum(w, l) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (l *Language) UnmarshalGQL(v any) (err error) {
	*l, err = UnmarshalEnum(v, Languages, "Language")
	return err
}
