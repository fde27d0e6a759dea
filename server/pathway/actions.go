package pathway

import (
	"context"
	"errors"
	"io"
	"slices"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
)

// Action is a step of the case pathway, named as the audit log names it
// and as the API lists it in Case.allowedActions.
type Action string

// The pathway's actions on a case.
const (
	ActionStartAssessment             Action = "START_ASSESSMENT"
	ActionRecordPreliminaryAssessment Action = "RECORD_PRELIMINARY_ASSESSMENT"
	ActionRecordInDepthAssessment     Action = "RECORD_IN_DEPTH_ASSESSMENT"
	ActionDeclineReferral             Action = "DECLINE_REFERRAL"
	ActionTakeCharge                  Action = "TAKE_CHARGE"
	ActionAssignCaseManager           Action = "ASSIGN_CASE_MANAGER"
	ActionUpdatePlan                  Action = "UPDATE_PLAN"
	ActionAddGoal                     Action = "ADD_GOAL"
	ActionUpdateGoal                  Action = "UPDATE_GOAL"
	ActionAddCommitment               Action = "ADD_COMMITMENT"
	ActionUpdateCommitment            Action = "UPDATE_COMMITMENT"
	ActionAddIntervention             Action = "ADD_INTERVENTION"
	ActionUpdateIntervention          Action = "UPDATE_INTERVENTION"
	ActionRecordOutcome               Action = "RECORD_OUTCOME"
	ActionRecordFollowUp              Action = "RECORD_FOLLOW_UP"
	ActionScheduleMonitoringMeeting   Action = "SCHEDULE_MONITORING_MEETING"
	ActionRecordMonitoringMeeting     Action = "RECORD_MONITORING_MEETING"
	ActionMoveToMonitoring            Action = "MOVE_TO_MONITORING"
	ActionCloseCase                   Action = "CLOSE_CASE"
	ActionReopenCase                  Action = "REOPEN_CASE"
	ActionTransferCase                Action = "TRANSFER_CASE"
	ActionAcceptTransfer              Action = "ACCEPT_TRANSFER"
	ActionDeclineTransfer             Action = "DECLINE_TRANSFER"
	ActionAddNote                     Action = "ADD_NOTE"
)

// actionRule is who may take an action on a case, from which statuses,
// and what else the case must show. The steps (begin) and
// Case.allowedActions both read it, so the buttons a client shows are
// the steps the server accepts.
type actionRule struct {
	action Action
	who    Actor
	from   []casefile.Status // empty: any status
	// check, when set, is a precondition on the case as begin found it,
	// refused with a typed error (fault.Invalid or fault.Conflict).
	check func(*step) error
}

// actionRules lists every action on a case in the order of the pathway,
// the order of Case.allowedActions. Actions on a part of the case (a
// goal, an intervention, a meeting…) depend on the case alone here: the
// part's own state (a follow-up already recorded…) is the step's to check.
var actionRules = []actionRule{
	{action: ActionStartAssessment, who: Coordinator, from: []casefile.Status{casefile.StatusReferred}},
	{action: ActionRecordPreliminaryAssessment, who: Member, from: []casefile.Status{casefile.StatusUnderAssessment}},
	{action: ActionRecordInDepthAssessment, who: Coordinator, from: []casefile.Status{casefile.StatusUnderAssessment},
		check: (*step).needsPreliminary},
	{action: ActionDeclineReferral, who: Coordinator, from: []casefile.Status{casefile.StatusReferred, casefile.StatusUnderAssessment}},
	{action: ActionTakeCharge, who: Coordinator, from: []casefile.Status{casefile.StatusUnderAssessment},
		check: (*step).needsPreliminary},
	{action: ActionAssignCaseManager, who: Coordinator, from: workingStatuses},
	{action: ActionUpdatePlan, who: Member, from: workingStatuses},
	{action: ActionAddGoal, who: Member, from: workingStatuses},
	{action: ActionUpdateGoal, who: Member, from: workingStatuses},
	{action: ActionAddCommitment, who: Member, from: workingStatuses},
	{action: ActionUpdateCommitment, who: Member, from: workingStatuses},
	{action: ActionAddIntervention, who: Member, from: workingStatuses},
	{action: ActionUpdateIntervention, who: Member, from: workingStatuses},
	{action: ActionRecordOutcome, who: Member, from: workingStatuses},
	// Follow-ups fall due months after the outcome, often once the case
	// is closed.
	{action: ActionRecordFollowUp, who: Member, from: []casefile.Status{casefile.StatusInCharge, casefile.StatusMonitoring, casefile.StatusClosed}},
	{action: ActionScheduleMonitoringMeeting, who: Member, from: workingStatuses},
	{action: ActionRecordMonitoringMeeting, who: Member, from: workingStatuses},
	{action: ActionMoveToMonitoring, who: ManagerOrCoord, from: []casefile.Status{casefile.StatusInCharge}},
	{action: ActionCloseCase, who: ManagerOrCoord, from: workingStatuses, check: (*step).nothingPending},
	{action: ActionReopenCase, who: ManagerOrCoord, from: []casefile.Status{casefile.StatusClosed}, check: (*step).reopenable},
	{action: ActionTransferCase, who: Coordinator, from: openStatuses, check: (*step).noPendingTransfer},
	{action: ActionAcceptTransfer, who: Receiver, from: openStatuses, check: (*step).pendingTransfer},
	{action: ActionDeclineTransfer, who: TransferParty, from: openStatuses, check: (*step).pendingTransfer},
	{action: ActionAddNote, who: MemberOrReferrer},
}

// ruleOf returns the rule of an action; an action without one is a
// wiring mistake of this package.
func ruleOf(a Action) actionRule {
	for _, r := range actionRules {
		if r.action == a {
			return r
		}
	}
	panic("pathway: no rule for action " + string(a))
}

// AllowedActions lists the actions the viewer may take on a case now, as
// begin would judge them: the actor, the status and the preconditions,
// but not the input of the step. A read-only token may take none.
func AllowedActions(ctx context.Context, c *ent.CaseFile) ([]Action, error) {
	v, client, err := transaction(ctx)
	if err != nil {
		return nil, err
	}
	out := []Action{}
	if v.ReadOnly {
		return out, nil
	}
	// Found again as begin finds it, so that both judge the same parties.
	s, err := load(ctx, v, client, c.ID)
	if err != nil {
		return nil, err
	}
	for _, r := range actionRules {
		if !MayAct(v, r.who, s.parties) {
			continue
		}
		err := s.meets(r)
		var invalid *fault.Invalid
		var conflict *fault.Conflict
		switch {
		case err == nil:
			out = append(out, r.action)
		case errors.As(err, &invalid), errors.As(err, &conflict):
			// refused for the case's state: not offered
		default:
			return nil, err
		}
	}
	return out, nil
}

// meets refuses an action the case's status does not allow, or whose
// precondition the case does not meet (BAD_USER_INPUT, or CONFLICT for a
// person's other open case).
func (s *step) meets(r actionRule) error {
	if len(r.from) > 0 && !slices.Contains(r.from, s.c.Status) {
		return fault.Invalidf("status", "case %s is %s; this step needs it %s", s.c.Code, s.c.Status, statuses(r.from))
	}
	if r.check != nil {
		return r.check(s)
	}
	return nil
}

// actionNames are the names the API accepts for CaseAction.
var actionNames = func() []Action {
	out := make([]Action, len(actionRules))
	for i, r := range actionRules {
		out[i] = r.action
	}
	return out
}()

// MarshalGQL implements graphql.Marshaler.
func (a Action) MarshalGQL(w io.Writer) { domain.MarshalEnum(w, a) }

// UnmarshalGQL implements graphql.Unmarshaler; the API only returns
// actions, but gqlgen binds enums both ways.
func (a *Action) UnmarshalGQL(v any) (err error) {
	*a, err = domain.UnmarshalEnum(v, actionNames, "CaseAction")
	return err
}
