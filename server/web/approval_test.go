package web_test

import (
	"strings"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/plan"
	"github.com/progetto-win/win/ent/servicerequest"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

const (
	closeAs       = `mutation($id: ID!, $v: Int!) { closeCase(id: $id, version: $v, reason: GOALS_MET, note: "Obiettivi raggiunti") { id status version } }`
	approveAs     = `mutation($id: ID!, $v: Int!) { approveProposal(id: $id, version: $v) { id status version } }`
	returnAs      = `mutation($id: ID!, $v: Int!, $r: String!) { returnProposal(id: $id, version: $v, reason: $r) { id status } }`
	setApprovals  = `mutation($t: ID!, $p: Boolean!, $c: Boolean!) { setTableApprovals(id: $t, plan: $p, closure: $c) { id planNeedsApproval closureNeedsApproval } }`
	agreePlan     = `mutation($id: ID!, $v: Int!, $on: Date!) { updatePlan(id: $id, version: $v, input: {agreedOn: $on}) { id agreedOn } }`
	caseApprovals = `query($id: ID!) { node(id: $id) { ... on Case { status approvals(first: 10) { edges { node { id kind status returnReason
		proposedBy { id } decidedBy { id } } } } actions { action allowed blockedBy } } } }`
	waiting = `{ agenda { approvalsWaiting(first: 50) { totalCount edges { node { id case { id } } } } } }`
)

// caseProposals is a case's approvals and the viewer's steps on it.
type caseProposals struct {
	Status    string
	Approvals struct {
		Edges []struct {
			Node struct {
				ID                    gid.ID
				Kind, Status          string
				ReturnReason          *string
				ProposedBy, DecidedBy *struct{ ID gid.ID }
			}
		}
	}
	Actions []struct {
		Action    string
		Allowed   bool
		BlockedBy *string
	}
}

// step is how a step stands among the viewer's: allowed, blocked (why),
// or absent.
func (c caseProposals) step(a domain.CaseAction) string {
	for _, s := range c.Actions {
		if s.Action == string(a) {
			if s.BlockedBy != nil {
				return *s.BlockedBy
			}
			return "allowed"
		}
	}
	return "absent"
}

// pending is the case's pending proposal.
func (c caseProposals) pending() gid.ID {
	for _, e := range c.Approvals.Edges {
		if e.Node.Status == "PENDING" {
			return e.Node.ID
		}
	}
	return ""
}

func (w *world) proposals(a *webtest.API, id gid.ID) caseProposals {
	w.T.Helper()
	var out caseProposals
	a.Must(caseApprovals, map[string]any{"id": id}, &out)
	return out
}

// TestClosureNeedsTheCoordinatorsApproval: where the table wants it (the
// default), a case manager's closure is a proposal: the case stays open,
// the closure is blocked for everyone with the reason, the coordinator
// finds it in the agenda and returns it with a reason or approves it,
// which closes the case; the coordinator acting alone needs no approval.
func TestClosureNeedsTheCoordinatorsApproval(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		id, _ := w.CaseIn(casefile.StatusInCharge)
		w.Client.CaseFile.UpdateOneID(id).SetCaseManagerID(w.OpID).ExecX(w.Ctx)
		version := func() int { return w.Snapshot(id).Version }
		demoWaiting := agendaCount(w.Coord, waiting) // the demo's own proposals

		var closed webtest.CaseState
		w.Op.Must(closeAs, map[string]any{"id": id, "v": version()}, &closed)
		if closed.Status != "IN_CHARGE" || w.LastEvent(id) != "PROPOSED" {
			t.Fatalf("the manager's closure left the case %s, last event %s", closed.Status, w.LastEvent(id))
		}
		mine := w.proposals(w.Op, id)
		if mine.step(domain.ActionCloseCase) != string(domain.BlockClosurePending) || mine.step(domain.ActionApproveProposal) != "absent" {
			t.Errorf("for the manager: close %s, approve %s", mine.step(domain.ActionCloseCase), mine.step(domain.ActionApproveProposal))
		}
		theirs := w.proposals(w.Coord, id)
		pending := theirs.pending()
		if pending == "" || theirs.step(domain.ActionApproveProposal) != "allowed" || theirs.step(domain.ActionCloseCase) != string(domain.BlockClosurePending) {
			t.Fatalf("for the coordinator: %+v", theirs)
		}
		if n := agendaCount(w.Coord, waiting); n != demoWaiting+1 {
			t.Errorf("the coordinator's agenda has %d approvals waiting, the demo's %d", n, demoWaiting)
		}
		if n := agendaCount(w.Op, waiting); n != 0 {
			t.Errorf("the operator's agenda has %d approvals waiting", n)
		}
		webtest.Refused(t, w.Op.Post(closeAs, map[string]any{"id": id, "v": version()}), "BAD_USER_INPUT", "status")
		webtest.Refused(t, w.Op.Post(approveAs, map[string]any{"id": pending, "v": version()}), "FORBIDDEN", "")
		webtest.Refused(t, w.Vinci.Post(approveAs, map[string]any{"id": pending, "v": version()}), "NOT_FOUND", "")

		// Returned with a reason: the manager may propose again.
		webtest.Refused(t, w.Coord.Post(returnAs, map[string]any{"id": pending, "v": version(), "r": " "}), "BAD_USER_INPUT", "reason")
		w.Coord.Must(returnAs, map[string]any{"id": pending, "v": version(), "r": "Manca la verifica dell'obiettivo di reddito"}, nil)
		if got := w.LastEventValues(id); !strings.Contains(got, "PROPOSAL_RETURNED") {
			t.Errorf("the timeline's last event: %s", got)
		}
		// The coordinator was told of the proposal, the proposer of the answer.
		for kind, who := range map[domain.EventKind]gid.ID{domain.EventApprovalRequested: w.CoordID, domain.EventProposalReturned: w.OpID} {
			if !w.Client.OutboxEvent.Query().Where(outboxevent.KindEQ(kind), outboxevent.CaseID(id)).ExistX(w.Ctx) {
				t.Errorf("no %s event for %s", kind, who)
			}
		}
		if e := w.Client.OutboxEvent.Query().Where(outboxevent.KindEQ(domain.EventProposalReturned), outboxevent.CaseID(id)).OnlyX(w.Ctx); e.UserID != w.OpID {
			t.Errorf("the returned proposal is told to %s, not the proposer", e.UserID)
		}
		mine = w.proposals(w.Op, id)
		if mine.Status != "IN_CHARGE" || mine.step(domain.ActionCloseCase) != "allowed" || mine.Approvals.Edges[0].Node.ReturnReason == nil {
			t.Errorf("returned, the manager reads %+v", mine)
		}
		webtest.Refused(t, w.Coord.Post(approveAs, map[string]any{"id": pending, "v": version()}), "BAD_USER_INPUT", "id")

		// Proposed again and approved: the case closes as proposed, and a
		// request still waiting for an answer is cancelled with it.
		waitingRequest := w.Client.ServiceRequest.Create().SetCaseID(id).SetOrganizationID(w.Girasole).SetTableID(w.Empoli).
			SetRequestedByID(w.OpID).SetKind(servicerequest.KindOrientation).SetNeed("Orientamento").
			SetSentOn(domain.Today()).SetAnswerDueOn(domain.Today().AddDays(10)).SaveX(w.Ctx)
		w.Op.Must(closeAs, map[string]any{"id": id, "v": version()}, nil)
		again := w.proposals(w.Coord, id).pending()
		var approved webtest.CaseState
		w.Coord.Must(approveAs, map[string]any{"id": again, "v": version()}, &approved)
		c := w.Client.CaseFile.GetX(w.Ctx, id)
		if approved.Status != "CLOSED" || c.ClosureReason == nil || *c.ClosureReason != casefile.ClosureReasonGoalsMet || w.LastEvent(id) != "CLOSED" {
			t.Errorf("approved, the case is %s (%v), last event %s", approved.Status, c.ClosureReason, w.LastEvent(id))
		}
		if got := w.Client.ServiceRequest.GetX(w.Ctx, waitingRequest.ID).Status; got != servicerequest.StatusCANCELLED {
			t.Errorf("closed, the case's unanswered request is %s", got)
		}
		a := w.Client.Approval.GetX(w.Ctx, again)
		if a.Status != approval.StatusAPPROVED || a.DecidedAt == nil {
			t.Errorf("the approval is %+v", a)
		}
		if n := agendaCount(w.Coord, waiting); n != demoWaiting {
			t.Errorf("approved, the coordinator's agenda has %d approvals waiting, the demo's %d", n, demoWaiting)
		}

		// The coordinator closing a case alone needs no approval.
		own, _ := w.CaseIn(casefile.StatusInCharge)
		var alone webtest.CaseState
		w.Coord.Must(closeAs, map[string]any{"id": own, "v": w.Snapshot(own).Version}, &alone)
		if alone.Status != "CLOSED" {
			t.Errorf("the coordinator's own closure left the case %s", alone.Status)
		}
	})
}

// TestPlanApprovalFollowsTheTablesSetting: the committee sets that the
// table's plans need approval; a member's agreement is then a proposal
// (the plan stays a draft, monitoring waits), which the coordinator
// approves; without the setting closures need none.
func TestPlanApprovalFollowsTheTablesSetting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		steering := webtest.As(t, w.Base, demo.SteeringEmail)
		webtest.Refused(t, w.Coord.Post(setApprovals, map[string]any{"t": w.Empoli, "p": true, "c": false}), "FORBIDDEN", "")
		var set struct{ PlanNeedsApproval, ClosureNeedsApproval bool }
		steering.Must(setApprovals, map[string]any{"t": w.Empoli, "p": true, "c": false}, &set)
		if !set.PlanNeedsApproval || set.ClosureNeedsApproval {
			t.Fatalf("set %+v", set)
		}

		id, _ := w.CaseIn(casefile.StatusInCharge)
		w.Client.CaseFile.UpdateOneID(id).SetCaseManagerID(w.OpID).ExecX(w.Ctx)
		w.Client.Plan.Update().Where(plan.HasCaseWith(casefile.ID(id))).ClearAgreedOn().ExecX(w.Ctx)
		agreed := domain.Today().AddDays(-2).String()
		var p struct{ AgreedOn *string }
		w.Op.Must(agreePlan, map[string]any{"id": id, "v": w.Snapshot(id).Version, "on": agreed}, &p)
		if p.AgreedOn != nil {
			t.Errorf("a proposed plan is agreed on %s before approval", *p.AgreedOn)
		}
		mine := w.proposals(w.Op, id)
		if mine.step(domain.ActionUpdatePlan) != string(domain.BlockPlanPending) || mine.step(domain.ActionMoveToMonitoring) != string(domain.BlockPlanPending) {
			t.Errorf("with the plan pending: update %s, monitoring %s", mine.step(domain.ActionUpdatePlan), mine.step(domain.ActionMoveToMonitoring))
		}
		w.Coord.Must(approveAs, map[string]any{"id": mine.pending(), "v": w.Snapshot(id).Version}, nil)
		if pl := w.Client.Plan.Query().Where(plan.HasCaseWith(casefile.ID(id))).OnlyX(w.Ctx); pl.AgreedOn == nil || pl.AgreedOn.String() != agreed {
			t.Errorf("approved, the plan is agreed on %v", pl.AgreedOn)
		}
		// Closures no longer need approval at this table.
		var closed webtest.CaseState
		w.Op.Must(closeAs, map[string]any{"id": id, "v": w.Snapshot(id).Version}, &closed)
		if closed.Status != "CLOSED" {
			t.Errorf("without the setting the manager's closure left the case %s", closed.Status)
		}
	})
}
