package pathway

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/goal"
	"github.com/progetto-win/win/server/action"
	"github.com/progetto-win/win/server/outbox"
)

// Approvals (docs/domain.md#approvals): where a table's settings say so,
// the personal plan agreed, or the closure proposed, by a member who is
// not the table's coordinator waits for the coordinator's approval. The
// proposal is an Approval; while it is pending the steps that depend on
// it are blocked (domain.NoPendingPlan, domain.NoPendingClosure), and
// the coordinator approves it — the step proposed is then taken as
// proposed — or returns it with a reason.

// needsApproval reports whether the viewer's step, where the table's
// setting asks for approval, is a proposal: the coordinator acting alone
// needs none.
func (s *step) needsApproval(setting bool) bool {
	return setting && !coordinates(s.Viewer, s.parties)
}

// propose writes a pending approval of the case, its timeline event and
// audit.
func (s *step) propose(kind approval.Kind, audited domain.AuditAction, note string, fill func(*ent.ApprovalCreate)) error {
	create := s.Client.Approval.Create().SetCaseID(s.c.ID).SetKind(kind).SetProposedByID(s.Viewer.UserID).SetProposedAt(time.Now()).
		SetNote(strings.TrimSpace(note))
	fill(create)
	if _, err := create.Save(s.Sys); err != nil {
		return err
	}
	s.proposals = nil
	// Audited as what it is, a proposal (PROPOSE_CLOSURE, PROPOSE_PLAN),
	// not as the step it asks for.
	return recordOn(s.Action, audited, s.c.ID, s.table.ID, caseevent.KindProposed, note,
		func(e *ent.CaseEventCreate) { e.SetApprovalKind(caseevent.ApprovalKind(kind)) })
}

// proposePlan proposes the plan as agreed on a day.
func (s *step) proposePlan(agreedOn domain.Date) error {
	return s.propose(approval.KindPLAN, "PROPOSE_PLAN", "", func(c *ent.ApprovalCreate) { c.SetAgreedOn(agreedOn) })
}

// proposeClosure proposes the closure, with the goals and commitments it
// marks (checked, by closureMarks): the case stays open, at its next
// version.
func (s *step) proposeClosure(reason casefile.ClosureReason, note string, goals, commitments []gid.ID) error {
	s.rule.To = ""
	if err := s.save(nil); err != nil {
		return err
	}
	return s.propose(approval.KindCLOSURE, "PROPOSE_CLOSURE", note, func(c *ent.ApprovalCreate) {
		c.SetClosureReason(approval.ClosureReason(reason)).SetGoalsAchieved(goals).SetCommitmentsFulfilled(commitments)
	})
}

// pending reports whether the case has a pending proposal of one of the
// kinds. The kinds pending are read once a step: judging every step of
// a case (Case.actions) asks for them several times.
func (s *step) pending(kinds ...approval.Kind) (bool, error) {
	if s.proposals == nil {
		found, err := s.Client.Approval.Query().Where(approval.HasCaseWith(casefile.ID(s.c.ID)), approval.StatusEQ(approval.StatusPENDING)).
			Select(approval.FieldKind).Strings(s.Sys)
		if err != nil {
			return false, err
		}
		s.proposals = make(map[approval.Kind]bool, len(found))
		for _, k := range found {
			s.proposals[approval.Kind(k)] = true
		}
	}
	return slices.ContainsFunc(kinds, func(k approval.Kind) bool { return s.proposals[k] }), nil
}

// noPendingPlan blocks agreeing the plan again, and monitoring, while a
// proposed plan waits for the coordinator.
func (s *step) noPendingPlan() error {
	waiting, err := s.pending(approval.KindPLAN)
	if err == nil && waiting {
		err = block(domain.BlockPlanPending, fault.Invalidf("status", "the plan of case %s waits for the coordinator's approval: "+
			"the coordinator approves or returns it first (approveProposal, returnProposal)", s.c.Code))
	}
	return err
}

// noPendingClosure blocks closing while a proposed closure waits for the
// coordinator.
func (s *step) noPendingClosure() error {
	waiting, err := s.pending(approval.KindCLOSURE)
	if err == nil && waiting {
		err = block(domain.BlockClosurePending, fault.Invalidf("status", "the closure of case %s waits for the coordinator's approval: "+
			"the coordinator approves or returns it first (approveProposal, returnProposal)", s.c.Code))
	}
	return err
}

// pendingApproval is the situation of the coordinator's answer: a
// proposal waits.
func (s *step) pendingApproval() error {
	waiting, err := s.pending(approval.KindPLAN, approval.KindCLOSURE)
	if err == nil && !waiting {
		err = fault.Invalidf("id", "case %s has no proposal waiting for approval", s.c.Code)
	}
	return err
}

// caseOfApproval finds the case of an approval, as the viewer sees it.
func caseOfApproval(ctx context.Context, id gid.ID) func(*ent.Client) (gid.ID, error) {
	return func(c *ent.Client) (gid.ID, error) {
		return c.Approval.Query().Where(approval.ID(id)).QueryCase().OnlyID(ctx)
	}
}

// proposal finds the pending proposal the coordinator answers.
func (s *step) proposal(id gid.ID) (*ent.Approval, error) {
	p, err := s.Client.Approval.Get(s.Sys, id)
	if err == nil && p.Status != approval.StatusPENDING {
		err = fault.Invalidf("id", "this proposal was %s already", strings.ToLower(string(p.Status)))
	}
	return p, err
}

// decide records the coordinator's answer on the approval, and tells
// the proposer.
func (s *step) decide(p *ent.Approval, status approval.Status, reason string) error {
	err := s.Client.Approval.UpdateOneID(p.ID).SetStatus(status).SetDecidedAt(time.Now()).SetDecidedByID(s.Viewer.UserID).
		SetReturnReason(strings.TrimSpace(reason)).Exec(s.Sys)
	if err != nil {
		return err
	}
	s.proposals = nil
	proposer, err := s.Client.Approval.Query().Where(approval.ID(p.ID)).QueryProposedBy().OnlyID(s.Sys)
	if ent.IsNotFound(err) {
		return nil // the account is gone
	}
	if err != nil {
		return err
	}
	kind := domain.EventProposalApproved
	if status == approval.StatusRETURNED {
		kind = domain.EventProposalReturned
	}
	return outbox.Write(s.Ctx, s.Client, outbox.Event{Kind: kind, Actor: s.Viewer.UserID, Case: s.c.ID, Table: s.table.ID, User: proposer})
}

// ApproveProposal approves a pending proposal: the plan becomes agreed
// on the day proposed, or the case closes as proposed (if nothing is
// pending on it any more).
func ApproveProposal(ctx context.Context, id gid.ID, version int) (*ent.CaseFile, error) {
	s, err := beginOn(ctx, domain.ActionApproveProposal, caseOfApproval(ctx, id), version)
	if err != nil {
		return nil, err
	}
	p, err := s.proposal(id)
	if err != nil {
		return nil, err
	}
	if err := s.decide(p, approval.StatusAPPROVED, ""); err != nil {
		return nil, err
	}
	approved := func(e *ent.CaseEventCreate) { e.SetApprovalKind(caseevent.ApprovalKind(p.Kind)) }
	switch p.Kind {
	case approval.KindPLAN:
		if err := s.save(nil); err != nil {
			return nil, err
		}
		pl, err := s.planOf()
		if err != nil {
			return nil, err
		}
		if err := pl.Update().SetAgreedOn(*p.AgreedOn).Exec(s.Sys); err != nil {
			return nil, err
		}
		return s.c, s.record(caseevent.KindProposalApproved, "", approved)
	default:
		// Closing is the closure step's own, with its checks as they are now.
		if err := s.nothingPending(); err != nil {
			return nil, err
		}
		if err := s.record(caseevent.KindProposalApproved, "", approved); err != nil {
			return nil, err
		}
		goals, err := s.Client.Goal.Query().Where(goal.IDIn(p.GoalsAchieved...)).Order(goal.ByID()).All(s.Sys)
		if err != nil {
			return nil, err
		}
		commitments, err := s.Client.Commitment.Query().Where(commitment.IDIn(p.CommitmentsFulfilled...)).Order(commitment.ByID()).All(s.Sys)
		if err != nil {
			return nil, err
		}
		s.rule = ruleOf(domain.ActionCloseCase)
		return s.c, s.close(casefile.ClosureReason(*p.ClosureReason), p.Note, goals, commitments)
	}
}

// ReturnProposal returns a pending proposal with the reason: the plan
// stays a draft, the case open.
func ReturnProposal(ctx context.Context, id gid.ID, version int, reason string) (*ent.CaseFile, error) {
	s, err := beginOn(ctx, domain.ActionReturnProposal, caseOfApproval(ctx, id), version)
	if err != nil {
		return nil, err
	}
	p, err := s.proposal(id)
	if err != nil {
		return nil, err
	}
	if err := required("reason", reason); err != nil {
		return nil, err
	}
	if err := s.decide(p, approval.StatusRETURNED, reason); err != nil {
		return nil, err
	}
	if err := s.save(nil); err != nil {
		return nil, err
	}
	return s.c, s.record(caseevent.KindProposalReturned, reason, func(e *ent.CaseEventCreate) {
		e.SetApprovalKind(caseevent.ApprovalKind(p.Kind))
	})
}

// SetTableApprovals sets whether a table's plans and closures, agreed or
// proposed by a member who is not its coordinator, wait for the
// coordinator's approval; for the committee and administrators.
func SetTableApprovals(ctx context.Context, id gid.ID, plan, closure bool) (*ent.TerritorialTable, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc([]domain.Role{domain.RoleSteering, domain.RoleAdmin}, a.Viewer.Has) || a.Viewer.ReadOnly {
		return nil, &fault.Forbidden{Message: "only the steering committee and administrators set which steps need the coordinator's approval"}
	}
	t, err := a.Client.TerritorialTable.UpdateOneID(id).SetPlanNeedsApproval(plan).SetClosureNeedsApproval(closure).Save(a.Sys)
	if err != nil {
		return nil, err
	}
	return t, a.Audit("SET_TABLE_APPROVALS", "Table", id)
}
