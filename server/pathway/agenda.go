package pathway

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/monitoringmeeting"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/plan"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/servicerequest"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/action"
	"github.com/progetto-win/win/server/governance"
)

// Agenda is what a user opens first in the morning: the lists are
// computed when asked for, each a page of what the viewer may see anyway.
type Agenda struct {
	Today   domain.Date
	Horizon domain.Date
	viewer  *viewer.Viewer
	client  *ent.Client
}

// maxHorizon bounds how far ahead an agenda looks.
const maxHorizon = 90

// declinedWindow is how long a declined referral stays in the referrer's
// agenda.
const declinedWindow = 30

// NewAgenda returns the viewer's agenda for today.
func NewAgenda(ctx context.Context, horizon *int) (*Agenda, error) {
	horizonDays := 14
	if horizon != nil {
		horizonDays = *horizon
	}
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	if horizonDays < 0 || horizonDays > maxHorizon {
		return nil, fault.Invalidf("horizonDays", "must be between 0 and %d", maxHorizon)
	}
	d := domain.Today()
	return &Agenda{Today: d, Horizon: d.AddDays(horizonDays), viewer: a.Viewer, client: a.Client}, nil
}

// page is one Relay page request. The agenda's lists take its parts as
// the schema's arguments (after, first, before, last), so that gqlgen
// binds them as the fields of Agenda with no resolver to repack them.
type page struct {
	After  *entgql.Cursor[gid.ID]
	First  *int
	Before *entgql.Cursor[gid.ID]
	Last   *int
}

// mine selects the viewer's own cases: those they manage, whose team they
// joined, or at a table they coordinate.
func (a *Agenda) mine() predicate.CaseFile {
	mine := []predicate.CaseFile{rule.CasesManagedBy(a.viewer.UserID), casefile.HasTeamWith(user.ID(a.viewer.UserID))}
	if len(a.viewer.Coordinates) > 0 { // an empty list would be a false term (rule/casekeys.go)
		mine = append(mine, rule.CasesAt(a.viewer.Coordinates...))
	}
	return casefile.Or(mine...)
}

// working selects the viewer's cases in charge or in monitoring.
func (a *Agenda) working() predicate.CaseFile {
	return casefile.And(a.mine(), casefile.StatusIn(workingStatuses...))
}

// among selects the rows whose column is the ID of a case meeting where,
// the cases being found first, as a set, before the page's order and
// limit apply. An agenda's list is the viewer's few items; left to itself
// PostgreSQL turns the condition into a join and, to fill the page's
// LIMIT early, walks every due item of the network in date order (or a
// date's index over every case) checking each one's case: 200–400 ms a
// list at 100,000 cases for 11 rows (docs/performance.md, "The
// agenda"). OFFSET 0 keeps the subquery a step of its own, PostgreSQL's
// documented fence; SQLite computes an uncorrelated IN once anyway, and
// refuses OFFSET without LIMIT.
func among[P ~func(*sql.Selector)](column string, where ...predicate.CaseFile) P {
	return func(s *sql.Selector) {
		t := sql.Table(casefile.Table)
		cases := sql.Dialect(s.Dialect()).Select(t.C(casefile.FieldID)).From(t)
		for _, p := range where {
			p(cases)
		}
		if s.Dialect() == dialect.Postgres {
			cases.Offset(0)
		}
		s.Where(sql.In(s.C(column), cases))
	}
}

// cases pages cases, by a date ascending.
func (a *Agenda) cases(ctx context.Context, p page, by *ent.CaseOrderField, where ...predicate.CaseFile) (*ent.CaseConnection, error) {
	return a.client.CaseFile.Query().Where(among[predicate.CaseFile](casefile.FieldID, where...)).Paginate(ctx, p.After, p.First, p.Before, p.Last,
		ent.WithCaseOrder([]*ent.CaseOrder{{Field: by, Direction: entgql.OrderDirectionAsc}}))
}

// ReferralsWaiting are referrals at the viewer's tables waiting for the
// assessment to start.
func (a *Agenda) ReferralsWaiting(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.CaseConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.cases(ctx, p, ent.CaseFileOrderFieldFirstMeetingDueOn,
		casefile.StatusEQ(casefile.StatusReferred), rule.CasesAt(rule.WorksAt(a.viewer)...))
}

// OverdueCases are cases at the viewer's tables past a time limit.
func (a *Agenda) OverdueCases(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.CaseConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.cases(ctx, p, ent.CaseFileOrderFieldReferredOn,
		rule.CasesAt(rule.WorksAt(a.viewer)...), OverdueOn(a.Today))
}

// OverdueOn selects the cases past a time limit on a day: still referred
// after the first-meeting deadline, or still under assessment after the
// plan deadline.
func OverdueOn(day domain.Date) predicate.CaseFile {
	return casefile.Or(
		casefile.And(casefile.StatusEQ(casefile.StatusReferred), casefile.FirstMeetingDueOnLT(day)),
		casefile.And(casefile.StatusEQ(casefile.StatusUnderAssessment), casefile.PlanDueOnLT(day)),
	)
}

// Overdue reports whether a case is past a time limit today.
func Overdue(c *ent.CaseFile) bool {
	d := domain.Today()
	switch c.Status {
	case casefile.StatusReferred:
		return c.FirstMeetingDueOn != nil && c.FirstMeetingDueOn.Before(d)
	case casefile.StatusUnderAssessment:
		return c.PlanDueOn != nil && c.PlanDueOn.Before(d)
	}
	return false
}

// IncomingTransfers are cases offered to a table the viewer coordinates.
func (a *Agenda) IncomingTransfers(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.CaseConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.cases(ctx, p, ent.CaseFileOrderFieldReferredOn,
		rule.CasesOfferedTo(a.viewer.Coordinates...))
}

// CasesWithoutManager are cases in charge at a table the viewer
// coordinates with no case manager.
func (a *Agenda) CasesWithoutManager(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.CaseConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.cases(ctx, p, ent.CaseFileOrderFieldTakenInChargeOn,
		casefile.StatusIn(workingStatuses...), casefile.Not(casefile.HasCaseManager()),
		rule.CasesAt(a.viewer.Coordinates...))
}

// DeclinedReferrals are the viewer's referrals declined lately.
func (a *Agenda) DeclinedReferrals(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.CaseConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.cases(ctx, p, ent.CaseFileOrderFieldClosedOn,
		casefile.StatusEQ(casefile.StatusDeclined), rule.CasesReferredBy(a.viewer.UserID),
		casefile.ClosedOnGTE(a.Today.AddDays(-declinedWindow)))
}

// PlanReviewsDue are plans of the viewer's cases to review by the horizon.
func (a *Agenda) PlanReviewsDue(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.PlanConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.client.Plan.Query().Where(among[predicate.Plan](plan.CaseColumn, a.working()), plan.ReviewOnLTE(a.Horizon)).
		Paginate(ctx, p.After, p.First, p.Before, p.Last,
			ent.WithPlanOrder([]*ent.PlanOrder{{Field: ent.PlanOrderFieldReviewOn, Direction: entgql.OrderDirectionAsc}}))
}

// MonitoringMeetingsDue are meetings of the viewer's cases planned by the
// horizon and not yet recorded.
func (a *Agenda) MonitoringMeetingsDue(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.MonitoringMeetingConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.client.MonitoringMeeting.Query().
		Where(among[predicate.MonitoringMeeting](monitoringmeeting.CaseColumn, a.working()), monitoringmeeting.HeldOnIsNil(), monitoringmeeting.PlannedOnLTE(a.Horizon)).
		Paginate(ctx, p.After, p.First, p.Before, p.Last,
			ent.WithMonitoringMeetingOrder([]*ent.MonitoringMeetingOrder{{Field: ent.MonitoringMeetingOrderFieldPlannedOn, Direction: entgql.OrderDirectionAsc}}))
}

// FollowUpsDue are outcomes of the viewer's cases, closed ones included,
// whose follow-up falls by the horizon and is not yet recorded.
func (a *Agenda) FollowUpsDue(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.OutcomeConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.client.Outcome.Query().
		Where(among[predicate.Outcome](outcome.CaseColumn, a.mine()), outcome.FollowUpDueOnLTE(a.Horizon), outcome.FollowedUpOnIsNil()).
		Paginate(ctx, p.After, p.First, p.Before, p.Last,
			ent.WithOutcomeOrder([]*ent.OutcomeOrder{{Field: ent.OutcomeOrderFieldFollowUpDueOn, Direction: entgql.OrderDirectionAsc}}))
}

// InterventionsEnding are planned or ongoing interventions of the
// viewer's cases that end by the horizon.
func (a *Agenda) InterventionsEnding(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.InterventionConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.client.Intervention.Query().
		Where(among[predicate.Intervention](intervention.CaseColumn, a.working()), intervention.StatusIn(domain.Convert[intervention.Status](domain.PendingInterventionStatuses)...),
			intervention.EndsOnLTE(a.Horizon)).
		Paginate(ctx, p.After, p.First, p.Before, p.Last,
			ent.WithInterventionOrder([]*ent.InterventionOrder{{Field: ent.InterventionOrderFieldEndsOn, Direction: entgql.OrderDirectionAsc}}))
}

// OverdueCommitments are reciprocal commitments of the viewer's cases
// past their due date with hours still to do.
func (a *Agenda) OverdueCommitments(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.CommitmentConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.client.Commitment.Query().
		Where(commitment.HasPlanWith(among[predicate.Plan](plan.CaseColumn, a.working())), commitment.DueOnLT(a.Today),
			func(s *sql.Selector) {
				s.Where(sql.ColumnsLT(s.C(commitment.FieldHoursDone), s.C(commitment.FieldHoursAgreed)))
			}).
		Paginate(ctx, p.After, p.First, p.Before, p.Last,
			ent.WithCommitmentOrder([]*ent.CommitmentOrder{{Field: ent.CommitmentOrderFieldDueOn, Direction: entgql.OrderDirectionAsc}}))
}

// DirectivesToAcknowledge are directives addressed to a table the viewer
// coordinates that it has not acknowledged yet.
func (a *Agenda) DirectivesToAcknowledge(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.DirectiveConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.client.Directive.Query().Where(governance.Unacknowledged(a.viewer.Coordinates)).
		Paginate(ctx, p.After, p.First, p.Before, p.Last,
			ent.WithDirectiveOrder([]*ent.DirectiveOrder{{Field: ent.DirectiveOrderFieldIssuedOn, Direction: entgql.OrderDirectionAsc}}))
}

// ServiceRequestsIncoming are the requests addressed to the viewer's
// organisation still waiting for an answer, the earliest answer date
// first, then those accepted and waiting for their completion. (SENT
// sorts after ACCEPTED by name: descending, those to answer come first.)
func (a *Agenda) ServiceRequestsIncoming(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.ServiceRequestConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	mine := rule.AddressedTo(a.viewer)
	if len(mine) == 0 {
		mine = []predicate.ServiceRequest{servicerequest.IDIn()} // no organisation's operator: nothing
	}
	return a.client.ServiceRequest.Query().
		Where(servicerequest.And(mine...), servicerequest.StatusIn(servicerequest.StatusSENT, servicerequest.StatusACCEPTED)).
		Paginate(ctx, p.After, p.First, p.Before, p.Last,
			ent.WithServiceRequestOrder([]*ent.ServiceRequestOrder{
				{Field: ent.ServiceRequestOrderFieldStatus, Direction: entgql.OrderDirectionDesc},
				{Field: ent.ServiceRequestOrderFieldAnswerDueOn, Direction: entgql.OrderDirectionAsc},
			}))
}

// ServiceRequestsOverdue are the requests of the viewer's cases, or that
// the viewer sent, still unanswered past their answer date.
func (a *Agenda) ServiceRequestsOverdue(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.ServiceRequestConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	return a.client.ServiceRequest.Query().
		Where(servicerequest.Or(among[predicate.ServiceRequest](servicerequest.CaseColumn, a.mine()), servicerequest.HasRequestedByWith(user.ID(a.viewer.UserID))),
			servicerequest.StatusEQ(servicerequest.StatusSENT), servicerequest.AnswerDueOnLT(a.Today)).
		Paginate(ctx, p.After, p.First, p.Before, p.Last,
			ent.WithServiceRequestOrder([]*ent.ServiceRequestOrder{{Field: ent.ServiceRequestOrderFieldAnswerDueOn, Direction: entgql.OrderDirectionAsc}}))
}

// ApprovalsWaiting are the proposals of plans and closures at the tables
// the viewer coordinates waiting for their answer, oldest first.
func (a *Agenda) ApprovalsWaiting(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int) (*ent.ApprovalConnection, error) {
	p := page{After: after, First: first, Before: before, Last: last}
	at := []predicate.CaseFile{casefile.IDIn()} // coordinating no table: nothing
	if len(a.viewer.Coordinates) > 0 {
		at = []predicate.CaseFile{rule.CasesAt(a.viewer.Coordinates...)}
	}
	return a.client.Approval.Query().
		Where(among[predicate.Approval](approval.CaseColumn, at...), approval.StatusEQ(approval.StatusPENDING)).
		Paginate(ctx, p.After, p.First, p.Before, p.Last,
			ent.WithApprovalOrder([]*ent.ApprovalOrder{{Field: ent.ApprovalOrderFieldProposedAt, Direction: entgql.OrderDirectionAsc}}))
}

// RequestOverdue reports whether a request waits for an answer past its
// answer date.
func RequestOverdue(r *ent.ServiceRequest) bool {
	return r.Status == servicerequest.StatusSENT && r.AnswerDueOn.Before(domain.Today())
}
