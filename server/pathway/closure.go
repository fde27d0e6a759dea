package pathway

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/goal"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/plan"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/servicerequest"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/action"
)

// MoveToMonitoring moves a case whose plan is under way to monitoring.
func MoveToMonitoring(ctx context.Context, id gid.ID, version int, note *string) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionMoveToMonitoring, id, &version)
	if err != nil {
		return nil, err
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	return s.c, s.record(caseevent.KindMonitoringStarted, domain.Deref(note))
}

// CloseCase closes a case once none of its interventions is still
// planned or ongoing, marking in the same step the goals named achieved
// and the commitments named fulfilled (their hours done set to the hours
// agreed), each of the case's own plan.
func CloseCase(ctx context.Context, id gid.ID, version int, reason casefile.ClosureReason, note *string, goalsAchieved, commitmentsFulfilled []gid.ID) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionCloseCase, id, &version)
	if err != nil {
		return nil, err
	}
	goals, commitments, err := s.closureMarks(goalsAchieved, commitmentsFulfilled)
	if err != nil {
		return nil, err
	}
	if s.needsApproval(s.table.ClosureNeedsApproval) {
		return s.c, s.proposeClosure(reason, domain.Deref(note), unique(goalsAchieved), unique(commitmentsFulfilled))
	}
	return s.c, s.close(reason, domain.Deref(note), goals, commitments)
}

// close closes the case as its closure step, proposed or not, says.
func (s *step) close(reason casefile.ClosureReason, note string, goals []*ent.Goal, commitments []*ent.Commitment) error {
	err := s.save(func(u *ent.CaseFileUpdateOne) {
		u.SetClosureReason(reason).SetClosedOn(domain.Today()).
			ClearTransferTo().ClearTransferReason().ClearTransferRequestedAt()
	})
	if err != nil {
		return err
	}
	if err := s.markDone(goals, commitments); err != nil {
		return err
	}
	if err := s.cancelUnanswered(); err != nil {
		return err
	}
	return s.record(caseevent.KindClosed, note, func(e *ent.CaseEventCreate) {
		e.SetClosureReason(caseevent.ClosureReason(reason))
	})
}

// cancelUnanswered cancels the requests of a closing case still waiting
// for an answer, each with its timeline event: the organisation no
// longer finds them among those to answer. Accepted ones have their
// intervention, which a closure waits for (NothingPending).
func (s *step) cancelUnanswered() error {
	waiting, err := s.Client.ServiceRequest.Query().Where(servicerequest.HasCaseWith(casefile.ID(s.c.ID)),
		servicerequest.StatusEQ(servicerequest.StatusSENT)).WithOrganization().All(s.Sys)
	if err != nil {
		return err
	}
	for _, r := range waiting {
		if _, err := s.cancelRequest(r, ""); err != nil {
			return err
		}
	}
	return nil
}

// closureMarks finds the goals and commitments a closure is to mark done:
// each of the case's own plan, else nothing is marked and the case stays
// open; marking them is the members' updateGoal and updateCommitment.
func (s *step) closureMarks(goalIDs, commitmentIDs []gid.ID) ([]*ent.Goal, []*ent.Commitment, error) {
	if len(goalIDs)+len(commitmentIDs) == 0 {
		return nil, nil, nil
	}
	for _, a := range []domain.CaseAction{domain.ActionUpdateGoal, domain.ActionUpdateCommitment} {
		if who := ruleOf(a).Who; !MayAct(s.Viewer, who, s.parties) {
			return nil, nil, &fault.Forbidden{Message: fmt.Sprintf("only %s may mark goals and commitments on case %s", actorName(who), s.c.Code)}
		}
	}
	ofCase := plan.HasCaseWith(casefile.ID(s.c.ID))
	goals, err := s.Client.Goal.Query().Where(goal.IDIn(goalIDs...), goal.HasPlanWith(ofCase)).Order(goal.ByID()).All(s.Sys)
	if err == nil && len(goals) != len(unique(goalIDs)) {
		err = fault.Invalidf("goalsAchieved", "every goal must be of the plan of case %s", s.c.Code)
	}
	if err != nil {
		return nil, nil, err
	}
	commitments, err := s.Client.Commitment.Query().Where(commitment.IDIn(commitmentIDs...), commitment.HasPlanWith(ofCase)).Order(commitment.ByID()).All(s.Sys)
	if err == nil && len(commitments) != len(unique(commitmentIDs)) {
		err = fault.Invalidf("commitmentsFulfilled", "every commitment must be of the plan of case %s", s.c.Code)
	}
	if err != nil {
		return nil, nil, err
	}
	return goals, commitments, nil
}

// markDone marks goals achieved and commitments fulfilled, each change
// recorded as its update step records it; what is done already is left.
func (s *step) markDone(goals []*ent.Goal, commitments []*ent.Commitment) error {
	for _, g := range goals {
		if g.Status == goal.StatusAchieved {
			continue
		}
		if err := g.Update().SetStatus(goal.StatusAchieved).Exec(s.Sys); err != nil {
			return err
		}
		if err := recordOn(s.Action, domain.AuditAction(domain.ActionUpdateGoal), s.c.ID, s.table.ID, caseevent.KindPlanUpdated, g.Description, detail(caseevent.DetailGoalAchieved)); err != nil {
			return err
		}
	}
	for _, c := range commitments {
		if c.HoursDone >= c.HoursAgreed {
			continue
		}
		if err := c.Update().SetHoursDone(c.HoursAgreed).Exec(s.Sys); err != nil {
			return err
		}
		if err := recordOn(s.Action, domain.AuditAction(domain.ActionUpdateCommitment), s.c.ID, s.table.ID, caseevent.KindPlanUpdated, c.Description, detail(caseevent.DetailCommitmentFulfilled)); err != nil {
			return err
		}
	}
	return nil
}

// nothingPending refuses to close a case while an intervention is still
// planned or ongoing: a precondition of domain.CaseSteps.
func (s *step) nothingPending() error {
	pending, err := s.Client.Intervention.Query().Where(intervention.HasCaseWith(casefile.ID(s.c.ID)),
		intervention.StatusIn(domain.Convert[intervention.Status](domain.PendingInterventionStatuses)...)).
		Order(intervention.ByStartsOn(), intervention.ByID()).IDs(s.Sys)
	if err == nil && len(pending) > 0 {
		err = block(domain.BlockPendingWork, fault.Invalidf("status", "%d intervention(s) of case %s are still planned or ongoing: complete or interrupt them first", len(pending), s.c.Code), pending...)
	}
	return err
}

// reopenable refuses to reopen a case that was reopened already, or
// whose person has another open case: a precondition of domain.CaseSteps.
func (s *step) reopenable() error {
	old, err := s.Client.CaseFile.Query().Where(casefile.ID(s.c.ID)).WithPerson().WithNextCase().Only(s.Sys)
	if err != nil {
		return err
	}
	if next := old.Edges.NextCase; next != nil {
		return block(domain.BlockAlreadyReopened, fault.Invalidf("id", "case %s was already reopened as %s", old.Code, next.Code), next.ID)
	}
	open, err := s.Client.CaseFile.Query().Where(casefile.HasPersonWith(person.ID(old.Edges.Person.ID)),
		casefile.StatusIn(openStatuses...)).WithTable().First(s.Sys)
	switch {
	case err == nil:
		return block(domain.BlockPersonHasOpenCase, openCaseConflict(open), open.ID)
	case ent.IsNotFound(err):
		return nil
	}
	return err
}

// ReopenCase opens a new case for the person of a closed one, at the
// same table and linked to it.
func ReopenCase(ctx context.Context, id gid.ID, version int, reason string) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionReopenCase, id, &version)
	if err != nil {
		return nil, err
	}
	if err := required("reason", reason); err != nil {
		return nil, err
	}
	old := s.c
	personID, err := s.Client.CaseFile.Query().Where(casefile.ID(old.ID)).QueryPerson().OnlyID(s.Sys)
	if err != nil {
		return nil, err
	}
	table, err := s.Client.TerritorialTable.Query().Where(territorialtable.ID(s.table.ID)).Modify(rule.ForUpdate).Only(s.Sys)
	if err != nil {
		return nil, err
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	on := domain.Today()
	code, err := nextCode(s.Sys, s.Client, table, on)
	if err != nil {
		return nil, err
	}
	reopened, err := s.Client.CaseFile.Create().SetCode(code).SetReferredOn(on).SetReferralReason(strings.TrimSpace(reason)).
		SetNeedAreas(old.NeedAreas).SetPriority(old.Priority).SetPersonID(personID).SetTableID(table.ID).
		SetReferringOrganizationID(s.Viewer.OrganizationID).SetReferringOperatorID(s.Viewer.UserID).
		SetNillableConsentGivenAt(old.ConsentGivenAt).SetPreviousCaseID(old.ID).
		SetFirstMeetingDueOn(on.AddDays(table.DaysToFirstMeeting)).Save(s.Sys)
	if err != nil {
		return nil, err
	}
	err = s.record(caseevent.KindReopened, "", detail(caseevent.DetailReopenedAs), func(e *ent.CaseEventCreate) {
		e.SetRelatedCaseID(reopened.ID)
	})
	if err != nil {
		return nil, err
	}
	return reopened, recordOn(s.Action, domain.AuditAction(s.rule.Action), reopened.ID, table.ID, caseevent.KindReopened, reason, detail(caseevent.DetailReopens), func(e *ent.CaseEventCreate) {
		e.SetRelatedCaseID(old.ID)
	})
}

// TransferCase asks to move an open case to another table; the case stays
// until that table's coordinator accepts.
func TransferCase(ctx context.Context, id gid.ID, version int, tableID gid.ID, reason string) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionTransferCase, id, &version)
	if err != nil {
		return nil, err
	}
	if err := required("reason", reason); err != nil {
		return nil, err
	}
	if tableID == s.table.ID {
		return nil, fault.Invalidf("tableID", "the case is already at table %s", s.table.Name)
	}
	to, err := s.Client.TerritorialTable.Get(s.Sys, tableID)
	if ent.IsNotFound(err) {
		return nil, fault.Invalidf("tableID", "no such table")
	}
	if err != nil {
		return nil, err
	}
	err = s.save(func(u *ent.CaseFileUpdateOne) {
		u.SetTransferToID(to.ID).SetTransferReason(strings.TrimSpace(reason)).SetTransferRequestedAt(time.Now())
	})
	if err != nil {
		return nil, err
	}
	return s.c, s.record(caseevent.KindTransferRequested, reason, func(e *ent.CaseEventCreate) {
		e.SetToTableID(to.ID)
	})
}

// pendingTransfer refuses a step on a transfer when none is pending: a
// precondition of domain.CaseSteps.
func (s *step) pendingTransfer() error {
	if s.parties.TransferTo == "" {
		return fault.Invalidf("id", "case %s has no pending transfer", s.c.Code)
	}
	return nil
}

// noPendingTransfer refuses a second transfer while one waits: a
// precondition of domain.CaseSteps.
func (s *step) noPendingTransfer() error {
	if s.parties.TransferTo != "" {
		return block(domain.BlockTransferWaiting, fault.Invalidf("tableID", "case %s already waits for a transfer to %s", s.c.Code, s.c.Edges.TransferTo.Name))
	}
	return nil
}

// AcceptTransfer moves a case to the receiving table, which names its
// own case manager and team.
func AcceptTransfer(ctx context.Context, id gid.ID, version int) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionAcceptTransfer, id, &version)
	if err != nil {
		return nil, err
	}
	from, to := s.table, s.c.Edges.TransferTo
	err = s.save(func(u *ent.CaseFileUpdateOne) {
		u.SetTableID(to.ID).ClearCaseManager().ClearTeam().
			ClearTransferTo().ClearTransferReason().ClearTransferRequestedAt()
	})
	if err != nil {
		return nil, err
	}
	return s.c, s.record(caseevent.KindTransferred, "", func(e *ent.CaseEventCreate) {
		e.SetFromTableID(from.ID).SetToTableID(to.ID)
	})
}

// DeclineTransfer ends a pending transfer: the receiving coordinator
// declines it, or the sending one withdraws it.
func DeclineTransfer(ctx context.Context, id gid.ID, version int, reason string) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionDeclineTransfer, id, &version)
	if err != nil {
		return nil, err
	}
	if err := required("reason", reason); err != nil {
		return nil, err
	}
	to := s.c.Edges.TransferTo
	err = s.save(func(u *ent.CaseFileUpdateOne) {
		u.ClearTransferTo().ClearTransferReason().ClearTransferRequestedAt()
	})
	if err != nil {
		return nil, err
	}
	return s.c, s.record(caseevent.KindTransferDeclined, reason, func(e *ent.CaseEventCreate) {
		e.SetToTableID(to.ID)
	})
}

// AddNote adds a note to a case's timeline. Notes only add, so they need
// no version and change none.
func AddNote(ctx context.Context, id gid.ID, text string) (*ent.CaseEvent, error) {
	s, err := begin(ctx, domain.ActionAddNote, id, nil)
	if err != nil {
		return nil, err
	}
	if err := required("text", text); err != nil {
		return nil, err
	}
	return writeEvent(s.Action, domain.AuditAction(s.rule.Action), s.c.ID, s.table.ID, caseevent.KindNote, text)
}

// maxDays bounds a table's time limits: two years.
const maxDays = 730

// SetTableTimeLimits sets a table's time limits; the deadlines of its
// open cases follow, without changing their versions, as deadlines are
// derived and no one's edit should conflict with them.
func SetTableTimeLimits(ctx context.Context, id gid.ID, daysToFirstMeeting, daysToPlan int) (*ent.TerritorialTable, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	v, client, sys := a.Viewer, a.Client, a.Sys
	if !v.Has(domain.RoleSteering) && !v.Has(domain.RoleAdmin) || v.ReadOnly {
		return nil, &fault.Forbidden{Message: "only the steering committee and administrators set tables' time limits"}
	}
	for field, n := range map[string]int{"daysToFirstMeeting": daysToFirstMeeting, "daysToPlan": daysToPlan} {
		if n < 1 || n > maxDays {
			return nil, fault.Invalidf(field, "must be between 1 and %d days", maxDays)
		}
	}
	t, err := client.TerritorialTable.UpdateOneID(id).SetDaysToFirstMeeting(daysToFirstMeeting).SetDaysToPlan(daysToPlan).Save(sys)
	if err != nil {
		return nil, err
	}
	open, err := client.CaseFile.Query().Where(casefile.HasTableWith(territorialtable.ID(id)), casefile.StatusIn(openStatuses...)).All(sys)
	if err != nil {
		return nil, err
	}
	for _, c := range open {
		u := c.Update().SetFirstMeetingDueOn(c.ReferredOn.AddDays(daysToFirstMeeting))
		if c.FirstMeetingOn != nil {
			u.SetPlanDueOn((*c.FirstMeetingOn).AddDays(daysToPlan))
		}
		if err := u.Exec(sys); err != nil {
			return nil, err
		}
	}
	return t, a.Audit("SET_TABLE_TIME_LIMITS", "Table", id)
}
