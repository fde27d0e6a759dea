package rule

import (
	"context"
	"slices"

	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/assessment"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/goal"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/monitoringitem"
	"github.com/progetto-win/win/ent/monitoringmeeting"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/plan"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/servicerequest"
)

// Who sees which case (docs/domain.md#roles-and-rights): the committee and analysts see every
// case, pseudonymised; everyone else — operators, coordinators, and
// administrators, who see no case content unless they sit at a table —
// sees the cases of the tables they sit at and the cases they referred.
// Rules narrow queries with these predicates rather than check rows one
// by one, so lists, counts, node(id:), nested edges and filters all see
// the same cases, and a forbidden case looks like a missing one.

// seesAllCases reports whether the viewer reads every (pseudonymised) case.
func seesAllCases(v *viewer.Viewer) bool {
	return v.Has(domain.RoleSteering) || v.Has(domain.RoleAnalyst)
}

// visibleCases is the predicate of the cases a viewer works or referred,
// and of those offered to a table the viewer coordinates by transfer.
func visibleCases(v *viewer.Viewer) predicate.CaseFile {
	visible := []predicate.CaseFile{CasesReferredBy(v.UserID)}
	if tables := WorksAt(v); len(tables) > 0 {
		visible = append(visible, CasesAt(tables...))
	}
	if len(v.Coordinates) > 0 {
		visible = append(visible, CasesOfferedTo(v.Coordinates...))
	}
	return casefile.Or(visible...)
}

// WorksAt lists the tables a viewer sits at or coordinates, each once: a
// coordinator also sits at the table, and an ID listed twice in IN (…)
// doubles PostgreSQL's estimate of the cases, enough for it to count a
// coordinator's cases with a parallel sequential scan rather than the
// indexes' BitmapOr (docs/performance.md#the-coordinators-count).
func WorksAt(v *viewer.Viewer) []gid.ID {
	tables := append(slices.Clone(v.Tables), v.Coordinates...)
	slices.Sort(tables)
	return slices.Compact(tables)
}

// scoped turns a narrowing of one type's queries into a query rule that
// applies to viewers who do not see every case.
func scoped(narrow func(ctx context.Context, q ent.Query, v *viewer.Viewer)) privacy.QueryRule {
	return privacy.QueryRuleFunc(func(ctx context.Context, q ent.Query) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return denyUnauthenticated
		}
		if !seesAllCases(v) {
			narrow(ctx, q, v)
		}
		return privacy.Skip
	})
}

// ScopeCases narrows queries of cases and of what belongs to a case.
func ScopeCases() privacy.QueryRule {
	return scoped(func(_ context.Context, q ent.Query, v *viewer.Viewer) {
		cases := visibleCases(v)
		switch q := q.(type) {
		case *ent.CaseFileQuery:
			q.Where(cases)
		case *ent.CaseEventQuery:
			q.Where(caseevent.HasCaseWith(cases))
		case *ent.PlanQuery:
			q.Where(plan.HasCaseWith(cases))
		case *ent.GoalQuery:
			q.Where(goal.HasPlanWith(plan.HasCaseWith(cases)))
		case *ent.CommitmentQuery:
			q.Where(commitment.HasPlanWith(plan.HasCaseWith(cases)))
		case *ent.InterventionQuery:
			q.Where(intervention.HasCaseWith(cases))
		case *ent.OutcomeQuery:
			q.Where(outcome.HasCaseWith(cases))
		case *ent.PersonQuery:
			q.Where(person.HasCasesWith(cases))
		case *ent.AssessmentQuery:
			q.Where(assessment.HasCaseWith(cases))
		case *ent.MonitoringMeetingQuery:
			q.Where(monitoringmeeting.HasCaseWith(cases))
		case *ent.MonitoringItemQuery:
			q.Where(monitoringitem.HasMeetingWith(monitoringmeeting.HasCaseWith(cases)))
		case *ent.ConsentQuery:
			q.Where(consent.HasPersonWith(person.HasCasesWith(cases)))
		case *ent.ApprovalQuery:
			q.Where(approval.HasCaseWith(cases))
		case *ent.ServiceRequestQuery:
			q.Where(servicerequest.Or(append(AddressedTo(v), servicerequest.HasCaseWith(cases))...))
		default:
			panic("rule.ScopeCases on a type it does not know") // a schema wiring mistake, caught by the tests
		}
	})
}

// AddressedTo is the predicate of the service requests addressed to the
// viewer's organisation, for its operators and coordinators — a
// partner's operator may sit at no table: they read the request, and
// nothing else of its case (the case's own rules leave it out).
// None for a viewer of another role: leave it out of an OR, as an empty
// list (casekeys.go).
func AddressedTo(v *viewer.Viewer) []predicate.ServiceRequest {
	if !AnswersFor(v, v.OrganizationID) {
		return nil
	}
	return []predicate.ServiceRequest{sql.FieldEQ(servicerequest.OrganizationColumn, v.OrganizationID)}
}

// AnswersFor reports whether the viewer answers the service requests
// addressed to an organisation: an operator or coordinator of it.
func AnswersFor(v *viewer.Viewer, org gid.ID) bool {
	return (v.Has(domain.RoleOperator) || v.Has(domain.RoleCoordinator)) && org != "" && v.OrganizationID == org
}

// ScopeIdentities narrows queries of identities to those the viewer may
// read (ReadableIdentities).
func ScopeIdentities() privacy.QueryRule {
	return privacy.PersonIdentityQueryRuleFunc(func(ctx context.Context, q *ent.PersonIdentityQuery) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return denyUnauthenticated
		}
		q.Where(ReadableIdentities(v))
		return privacy.Skip
	})
}

// ReadableIdentities is the predicate of the identities a viewer may
// read: of persons with a case at one of the viewer's tables that is open
// or still has a follow-up to record (the table must reach the person to
// ask how they are), or with a case the viewer referred with the identity
// they entered (a referrer who linked a known person learns no more than
// they brought). The committee and analysts, whatever seats they hold,
// and administrators outside tables, read none. It is the one place that
// says so: the privacy rule applies it to every query of identities, and
// searches by name (pathway.SearchCases) to the identities they compare.
func ReadableIdentities(v *viewer.Viewer) predicate.PersonIdentity {
	if seesAllCases(v) {
		return personidentity.IDIn() // pseudonymised viewers: see personal.go
	}
	readable := []predicate.CaseFile{casefile.And(CasesReferredBy(v.UserID), casefile.ReferrerEnteredIdentity(true))}
	if tables := WorksAt(v); len(tables) > 0 { // an empty list would be a false term (casekeys.go)
		readable = append(readable, casefile.And(CasesAt(tables...), casefile.Or(
			casefile.StatusNotIn(domain.Convert[casefile.Status](domain.EndedCaseStatuses)...),
			casefile.HasOutcomesWith(outcome.FollowUpDueOnNotNil(), outcome.FollowedUpOnIsNil()),
		)))
	}
	return personidentity.HasPersonWith(person.HasCasesWith(casefile.Or(readable...)))
}
