package domain

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// The case pathway (docs/domain.md#the-case-pathway), declared once: the statuses of a case,
// which of them are open and which ended, and CaseSteps, the table of
// every step a case can take. The ent hook's transitions, the steps'
// checks in server/pathway, Case.allowedActions, the audit names, the
// CaseAction enum and the open statuses the API exposes are all derived
// from here; server/pathway's tests fail when a step exists elsewhere and
// not in the table. Adding a step: its constant and row here, its
// function in server/pathway (begin with the constant; the status it
// leads to is saved for it), its mutation and CaseAction value in
// graph/pathway.graphql, then `go generate .` and the one-line resolver
// gqlgen stubs in graph/pathway.resolvers.go, `npm run codegen`, the
// SPA's dialog (features/cases/actions) with its entries in
// CaseActions.tsx and the it/en catalogues, and tests (server/web's
// actions and access matrix list every step).

// CaseStatus is where a case is in the pathway (stato del caso). The ent
// schema's casefile.Status has these values, in this order.
type CaseStatus string

// The statuses of a case.
const (
	CaseReferred        CaseStatus = "REFERRED"         // segnalato
	CaseUnderAssessment CaseStatus = "UNDER_ASSESSMENT" // in valutazione
	CaseInCharge        CaseStatus = "IN_CHARGE"        // in carico
	CaseMonitoring      CaseStatus = "MONITORING"       // in monitoraggio
	CaseClosed          CaseStatus = "CLOSED"           // chiuso
	CaseDeclined        CaseStatus = "DECLINED"         // respinto
)

// CaseStatuses lists every status in the order of the pathway.
var CaseStatuses = []CaseStatus{CaseReferred, CaseUnderAssessment, CaseInCharge, CaseMonitoring, CaseClosed, CaseDeclined}

// EndedCaseStatuses are the statuses a case does not leave in place: a
// closed case is reopened as a new case, a declined one stays declined.
var EndedCaseStatuses = []CaseStatus{CaseClosed, CaseDeclined}

// OpenCaseStatuses are the statuses that are not ended: a person has at
// most one case in them, and its table reads the person's identity.
var OpenCaseStatuses = func() []CaseStatus {
	var out []CaseStatus
	for _, s := range CaseStatuses {
		if !slices.Contains(EndedCaseStatuses, s) {
			out = append(out, s)
		}
	}
	return out
}()

// WorkingCaseStatuses are the open statuses in which the table works on
// the case's plan: taken in charge and not yet ended.
var WorkingCaseStatuses = []CaseStatus{CaseInCharge, CaseMonitoring}

// Open reports whether a status is one of the open statuses.
func (s CaseStatus) Open() bool { return slices.Contains(OpenCaseStatuses, s) }

// CaseAction is the name of a step of the pathway: in upper snake case,
// the audit log's action and the API's CaseAction value; in lower camel
// case (Mutation), the GraphQL mutation that takes it.
type CaseAction string

// The steps of the case pathway.
const (
	ActionStartAssessment             CaseAction = "START_ASSESSMENT"
	ActionRecordPreliminaryAssessment CaseAction = "RECORD_PRELIMINARY_ASSESSMENT"
	ActionRecordInDepthAssessment     CaseAction = "RECORD_IN_DEPTH_ASSESSMENT"
	ActionDeclineReferral             CaseAction = "DECLINE_REFERRAL"
	ActionTakeCharge                  CaseAction = "TAKE_CHARGE"
	ActionAssignCaseManager           CaseAction = "ASSIGN_CASE_MANAGER"
	ActionUpdatePlan                  CaseAction = "UPDATE_PLAN"
	ActionAddGoal                     CaseAction = "ADD_GOAL"
	ActionUpdateGoal                  CaseAction = "UPDATE_GOAL"
	ActionAddCommitment               CaseAction = "ADD_COMMITMENT"
	ActionUpdateCommitment            CaseAction = "UPDATE_COMMITMENT"
	ActionAddIntervention             CaseAction = "ADD_INTERVENTION"
	ActionUpdateIntervention          CaseAction = "UPDATE_INTERVENTION"
	ActionRecordOutcome               CaseAction = "RECORD_OUTCOME"
	ActionRecordFollowUp              CaseAction = "RECORD_FOLLOW_UP"
	ActionScheduleMonitoringMeeting   CaseAction = "SCHEDULE_MONITORING_MEETING"
	ActionRecordMonitoringMeeting     CaseAction = "RECORD_MONITORING_MEETING"
	ActionMoveToMonitoring            CaseAction = "MOVE_TO_MONITORING"
	ActionCloseCase                   CaseAction = "CLOSE_CASE"
	ActionReopenCase                  CaseAction = "REOPEN_CASE"
	ActionTransferCase                CaseAction = "TRANSFER_CASE"
	ActionAcceptTransfer              CaseAction = "ACCEPT_TRANSFER"
	ActionDeclineTransfer             CaseAction = "DECLINE_TRANSFER"
	ActionAddNote                     CaseAction = "ADD_NOTE"
	ActionRequestService              CaseAction = "REQUEST_SERVICE"
	ActionCancelServiceRequest        CaseAction = "CANCEL_SERVICE_REQUEST"
	ActionApproveProposal             CaseAction = "APPROVE_PROPOSAL"
	ActionReturnProposal              CaseAction = "RETURN_PROPOSAL"
)

// Mutation is the name of the GraphQL mutation that takes the step:
// TAKE_CHARGE is takeCharge.
func (a CaseAction) Mutation() string {
	var b strings.Builder
	for i, word := range strings.Split(strings.ToLower(string(a)), "_") {
		if i > 0 && word != "" {
			word = strings.ToUpper(word[:1]) + word[1:]
		}
		b.WriteString(word)
	}
	return b.String()
}

// Actor names who may take a step on a case; server/pathway (MayAct)
// decides whether a viewer is that actor.
type Actor string

// The actors of the pathway.
const (
	ActorReferrer         Actor = "REFERRER"           // an operator or coordinator of any organisation
	ActorCoordinator      Actor = "COORDINATOR"        // the coordinator of the case's table
	ActorReceiver         Actor = "RECEIVER"           // the coordinator of the table a transfer goes to
	ActorTransferParty    Actor = "TRANSFER_PARTY"     // the sending or the receiving coordinator
	ActorMember           Actor = "MEMBER"             // a member of the case's table
	ActorManagerOrCoord   Actor = "MANAGER_OR_COORD"   // the case manager or the table's coordinator
	ActorMemberOrReferrer Actor = "MEMBER_OR_REFERRER" // a member of the case's table or the referring operator
)

// Actors lists every actor.
var Actors = []Actor{ActorReferrer, ActorCoordinator, ActorReceiver, ActorTransferParty, ActorMember, ActorManagerOrCoord, ActorMemberOrReferrer}

// Precondition names what a case must show, beyond its status, for a
// step; server/pathway checks it on the case as the step found it.
type Precondition string

// The preconditions of the pathway's steps.
const (
	NeedsPreliminary  Precondition = "NEEDS_PRELIMINARY_ASSESSMENT" // the preliminary analysis is recorded
	NothingPending    Precondition = "NOTHING_PENDING"              // no intervention is planned or ongoing
	Reopenable        Precondition = "REOPENABLE"                   // not reopened yet, and the person has no other open case
	NoPendingTransfer Precondition = "NO_PENDING_TRANSFER"          // no transfer is waiting for an answer
	PendingTransfer   Precondition = "PENDING_TRANSFER"             // a transfer is waiting for an answer
	FollowUpBasis     Precondition = "FOLLOW_UP_BASIS"              // a basis is in force for contacting the person for the follow-up
	NoPendingPlan     Precondition = "NO_PENDING_PLAN"              // no proposed plan waits for the coordinator's approval
	NoPendingClosure  Precondition = "NO_PENDING_CLOSURE"           // no proposed closure waits for the coordinator's approval
	PendingApproval   Precondition = "PENDING_APPROVAL"             // a proposal waits for the coordinator's approval
)

// Preconditions lists every precondition.
var Preconditions = []Precondition{NeedsPreliminary, NothingPending, Reopenable, NoPendingTransfer, PendingTransfer, FollowUpBasis,
	NoPendingPlan, NoPendingClosure, PendingApproval}

// Situational preconditions make a step exist only in their situation
// (answering a transfer needs one pending): unmet, the step is not one
// the viewer could take, and Case.actions leaves it out rather than show
// it blocked.
var Situational = []Precondition{PendingTransfer, PendingApproval}

// ActionBlock says why a step the viewer could take on the case is
// blocked now: the precondition it misses, as the user must read it.
type ActionBlock string

// The reasons a step is blocked.
const (
	BlockNoPreliminary     ActionBlock = "PRELIMINARY_ASSESSMENT_MISSING" // NeedsPreliminary: record the preliminary analysis first
	BlockPendingWork       ActionBlock = "INTERVENTIONS_PENDING"          // NothingPending: complete or interrupt the interventions first
	BlockAlreadyReopened   ActionBlock = "ALREADY_REOPENED"               // Reopenable: the case was reopened as another
	BlockPersonHasOpenCase ActionBlock = "PERSON_HAS_OPEN_CASE"           // Reopenable: the person has another open case
	BlockTransferWaiting   ActionBlock = "TRANSFER_PENDING"               // NoPendingTransfer: a transfer waits for an answer
	BlockNoFollowUpBasis   ActionBlock = "FOLLOW_UP_BASIS_MISSING"        // FollowUpBasis: record the basis for the follow-up contact first
	BlockPlanPending       ActionBlock = "PLAN_AWAITING_APPROVAL"         // NoPendingPlan: the coordinator approves or returns the proposed plan first
	BlockClosurePending    ActionBlock = "CLOSURE_AWAITING_APPROVAL"      // NoPendingClosure: the coordinator approves or returns the proposed closure first
)

// ActionBlocks lists every reason a step is blocked.
var ActionBlocks = []ActionBlock{BlockNoPreliminary, BlockPendingWork, BlockAlreadyReopened, BlockPersonHasOpenCase, BlockTransferWaiting, BlockNoFollowUpBasis,
	BlockPlanPending, BlockClosurePending}

// CaseStep is a row of the pathway's table: a step, the statuses it
// starts from (none: any), the status it leads to (none: the case stays
// where it is), who may take it and what else the case must show.
type CaseStep struct {
	Action CaseAction
	From   []CaseStatus
	To     CaseStatus
	Who    Actor
	Needs  []Precondition
}

// CaseSteps lists every step on a case in the order of the pathway, the
// order of Case.allowedActions. Steps on a part of the case (a goal, an
// intervention, a meeting…) depend on the case alone here: the part's
// own state (a follow-up already recorded…) is the step's to check.
// Referring a case is not a step of this table: there is no case yet.
var CaseSteps = []CaseStep{
	{Action: ActionStartAssessment, From: []CaseStatus{CaseReferred}, To: CaseUnderAssessment, Who: ActorCoordinator},
	{Action: ActionRecordPreliminaryAssessment, From: []CaseStatus{CaseUnderAssessment}, Who: ActorMember},
	{Action: ActionRecordInDepthAssessment, From: []CaseStatus{CaseUnderAssessment}, Who: ActorCoordinator,
		Needs: []Precondition{NeedsPreliminary}},
	{Action: ActionDeclineReferral, From: []CaseStatus{CaseReferred, CaseUnderAssessment}, To: CaseDeclined, Who: ActorCoordinator},
	{Action: ActionTakeCharge, From: []CaseStatus{CaseUnderAssessment}, To: CaseInCharge, Who: ActorCoordinator,
		Needs: []Precondition{NeedsPreliminary}},
	{Action: ActionAssignCaseManager, From: WorkingCaseStatuses, Who: ActorCoordinator},
	// A plan proposed for approval is the coordinator's to approve or
	// return: agreeing it again waits for the answer.
	{Action: ActionUpdatePlan, From: WorkingCaseStatuses, Who: ActorMember, Needs: []Precondition{NoPendingPlan}},
	{Action: ActionAddGoal, From: WorkingCaseStatuses, Who: ActorMember},
	{Action: ActionUpdateGoal, From: WorkingCaseStatuses, Who: ActorMember},
	{Action: ActionAddCommitment, From: WorkingCaseStatuses, Who: ActorMember},
	{Action: ActionUpdateCommitment, From: WorkingCaseStatuses, Who: ActorMember},
	{Action: ActionAddIntervention, From: WorkingCaseStatuses, Who: ActorMember},
	{Action: ActionUpdateIntervention, From: WorkingCaseStatuses, Who: ActorMember},
	{Action: ActionRecordOutcome, From: WorkingCaseStatuses, Who: ActorMember},
	// Follow-ups fall due months after the outcome, often once the case
	// is closed.
	{Action: ActionRecordFollowUp, From: []CaseStatus{CaseInCharge, CaseMonitoring, CaseClosed}, Who: ActorMember,
		Needs: []Precondition{FollowUpBasis}},
	{Action: ActionScheduleMonitoringMeeting, From: WorkingCaseStatuses, Who: ActorMember},
	{Action: ActionRecordMonitoringMeeting, From: WorkingCaseStatuses, Who: ActorMember},
	{Action: ActionMoveToMonitoring, From: []CaseStatus{CaseInCharge}, To: CaseMonitoring, Who: ActorManagerOrCoord,
		Needs: []Precondition{NoPendingPlan}},
	// Where the table's closures need the coordinator's approval, a case
	// manager's closure is a proposal (an Approval) until approved.
	{Action: ActionCloseCase, From: WorkingCaseStatuses, To: CaseClosed, Who: ActorManagerOrCoord,
		Needs: []Precondition{NothingPending, NoPendingClosure}},
	// Reopening starts a new case linked to the closed one, which stays
	// closed.
	{Action: ActionReopenCase, From: []CaseStatus{CaseClosed}, Who: ActorManagerOrCoord,
		Needs: []Precondition{Reopenable}},
	{Action: ActionTransferCase, From: OpenCaseStatuses, Who: ActorCoordinator,
		Needs: []Precondition{NoPendingTransfer}},
	{Action: ActionAcceptTransfer, From: OpenCaseStatuses, Who: ActorReceiver,
		Needs: []Precondition{PendingTransfer}},
	{Action: ActionDeclineTransfer, From: OpenCaseStatuses, Who: ActorTransferParty,
		Needs: []Precondition{PendingTransfer}},
	{Action: ActionAddNote, Who: ActorMemberOrReferrer},
	// Service requests to partner organisations: sharing contact data
	// needs a SHARING basis for the organisation, checked on the input.
	{Action: ActionRequestService, From: WorkingCaseStatuses, Who: ActorMember},
	{Action: ActionCancelServiceRequest, From: WorkingCaseStatuses, Who: ActorMember},
	// The coordinator's answer to a case manager's proposal: the status a
	// closure leads to is the approval's to set.
	{Action: ActionApproveProposal, From: WorkingCaseStatuses, Who: ActorCoordinator, Needs: []Precondition{PendingApproval}},
	{Action: ActionReturnProposal, From: WorkingCaseStatuses, Who: ActorCoordinator, Needs: []Precondition{PendingApproval}},
}

// StepOf returns the row of a step.
func StepOf(a CaseAction) (CaseStep, bool) {
	i := slices.IndexFunc(CaseSteps, func(s CaseStep) bool { return s.Action == a })
	if i < 0 {
		return CaseStep{}, false
	}
	return CaseSteps[i], true
}

// CaseActions lists the names of the steps, in the table's order.
var CaseActions = func() []CaseAction {
	out := make([]CaseAction, len(CaseSteps))
	for i, s := range CaseSteps {
		out[i] = s.Action
	}
	return out
}()

// MarshalGQL implements graphql.Marshaler.
func (a CaseAction) MarshalGQL(w io.Writer) { MarshalEnum(w, a) }

// UnmarshalGQL implements graphql.Unmarshaler; the API only returns
// actions, but gqlgen binds enums both ways.
func (a *CaseAction) UnmarshalGQL(v any) (err error) {
	*a, err = UnmarshalEnum(v, CaseActions, "CaseAction")
	return err
}

// CaseTransitions are the moves of a case between statuses: for each
// step that leads somewhere, from each status it starts from to the
// status it leads to. The ent hook refuses every other change of status.
var CaseTransitions = func() map[string][]string {
	moves := map[string][]string{}
	for _, s := range CaseSteps {
		if s.To == "" {
			continue
		}
		for _, from := range s.From {
			if !slices.Contains(moves[string(from)], string(s.To)) {
				moves[string(from)] = append(moves[string(from)], string(s.To))
			}
		}
	}
	return moves
}()

// CanMove reports whether a move between statuses is one of the
// transitions.
func CanMove(transitions map[string][]string, from, to string) bool {
	return slices.Contains(transitions[from], to)
}

// InterventionStatuses are the statuses of an intervention: planned,
// ongoing, completed, interrupted.
var InterventionStatuses = []string{"PLANNED", "ONGOING", "COMPLETED", "INTERRUPTED"}

// InterventionTransitions are the moves of an intervention between
// statuses. A completed or interrupted intervention stays so.
var InterventionTransitions = map[string][]string{
	"PLANNED": {"ONGOING", "COMPLETED", "INTERRUPTED"},
	"ONGOING": {"COMPLETED", "INTERRUPTED"},
}

// PendingInterventionStatuses are the statuses an intervention can still
// leave (planned, ongoing): its cost is committed, not yet spent, and
// its case cannot close.
var PendingInterventionStatuses = interventionStatuses(true)

// EndedInterventionStatuses are the statuses an intervention does not
// leave (completed, interrupted): its cost is spent.
var EndedInterventionStatuses = interventionStatuses(false)

// interventionStatuses lists the statuses that have transitions (pending)
// or have none (ended).
func interventionStatuses(pending bool) []string {
	var out []string
	for _, s := range InterventionStatuses {
		if len(InterventionTransitions[s]) > 0 == pending {
			out = append(out, s)
		}
	}
	return out
}

// InternshipMonths is the longest an inclusion internship runs: 24
// months, extendable by 12 (Regione Toscana, tirocini di inclusione).
const InternshipMonths = 36

// YouthGuaranteeAges are the ages, on its start date, of whom a Youth
// Guarantee traineeship may be for (Garanzia Giovani: 15 to 29 years).
var YouthGuaranteeAges = [2]int{15, 29}

// YouthGuaranteeFits tells whether a person born on birth may start a
// Youth Guarantee traineeship on starts.
func YouthGuaranteeFits(birth, starts Date) bool {
	age := birth.YearsUntil(starts)
	return age >= YouthGuaranteeAges[0] && age <= YouthGuaranteeAges[1]
}

// YouthGuaranteeRefusal is why a Youth Guarantee traineeship starting
// on starts is refused for a person outside its ages; it says no age.
func YouthGuaranteeRefusal(starts Date) string {
	return fmt.Sprintf("a Youth Guarantee traineeship (Garanzia Giovani) is for people aged %d to %d on its start date, and on %s the person is not",
		YouthGuaranteeAges[0], YouthGuaranteeAges[1], starts.Italian())
}

// MarshalGQL implements graphql.Marshaler.
func (b ActionBlock) MarshalGQL(w io.Writer) { MarshalEnum(w, b) }

// UnmarshalGQL implements graphql.Unmarshaler; the API only returns
// reasons, but gqlgen binds enums both ways.
func (b *ActionBlock) UnmarshalGQL(v any) (err error) {
	*b, err = UnmarshalEnum(v, ActionBlocks, "CaseActionBlock")
	return err
}
