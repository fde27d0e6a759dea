package pathway

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/server/action"
)

// The steps (begin) and Case.allowedActions both judge an action by its
// row of domain.CaseSteps, so the buttons a client shows are the steps
// the server accepts.

// preconditions are what each precondition of the pathway's table
// (domain.Precondition) checks on the case as begin found it, refused
// with a typed error (fault.Invalid or fault.Conflict).
var preconditions = map[domain.Precondition]func(*step) error{
	domain.NeedsPreliminary:  (*step).needsPreliminary,
	domain.NothingPending:    (*step).nothingPending,
	domain.Reopenable:        (*step).reopenable,
	domain.NoPendingTransfer: (*step).noPendingTransfer,
	domain.PendingTransfer:   (*step).pendingTransfer,
	domain.FollowUpBasis:     (*step).followUpBasis,
	domain.NoPendingPlan:     (*step).noPendingPlan,
	domain.NoPendingClosure:  (*step).noPendingClosure,
	domain.PendingApproval:   (*step).pendingApproval,
}

// ruleOf returns the row of an action; an action without one is a wiring
// mistake of this package.
func ruleOf(a domain.CaseAction) domain.CaseStep {
	r, ok := domain.StepOf(a)
	if !ok {
		panic("pathway: no step in domain.CaseSteps for action " + string(a))
	}
	return r
}

// blocked is a precondition a case does not meet: the typed refusal begin
// returns (fault.Invalid or fault.Conflict, through Unwrap), the reason a
// user reads beside the disabled action, and what is in the way.
type blocked struct {
	error
	reason domain.ActionBlock
	items  []gid.ID
}

func (b *blocked) Unwrap() error { return b.error }

// block marks a refusal as a precondition's, with what is in the way.
func block(reason domain.ActionBlock, refusal error, items ...gid.ID) error {
	return &blocked{error: refusal, reason: reason, items: items}
}

// ActionState is a step the viewer could take on a case in its status:
// allowed now, or blocked with the reason and what is in the way.
type ActionState struct {
	Action    domain.CaseAction
	Allowed   bool
	BlockedBy *domain.ActionBlock
	blockers  []gid.ID
}

// CaseActions lists the steps the viewer takes on a case in its status,
// in the order of the pathway, each allowed or blocked by a precondition
// (domain.Situational ones aside: not met, the step is not one to take).
// The same judgement as AllowedActions and begin: the buttons a client
// shows, enabled or not, are the steps the server accepts or refuses.
func CaseActions(ctx context.Context, c *ent.CaseFile) ([]*ActionState, error) {
	out := []*ActionState{}
	err := judge(ctx, c, func(r domain.CaseStep, refusal error) {
		var b *blocked
		switch {
		case refusal == nil:
			out = append(out, &ActionState{Action: r.Action, Allowed: true})
		case errors.As(refusal, &b) && !situational(r):
			out = append(out, &ActionState{Action: r.Action, BlockedBy: &b.reason, blockers: b.items})
		}
	})
	return out, err
}

// situational reports whether a step exists only in a situation.
func situational(r domain.CaseStep) bool {
	return slices.ContainsFunc(r.Needs, func(p domain.Precondition) bool { return slices.Contains(domain.Situational, p) })
}

// Blockers are what blocks an action, as the viewer may see them: the
// interventions still pending, the case that reopened this one, the
// person's other open case (left out when at a table the viewer does
// not see).
func (s *ActionState) Blockers(ctx context.Context) ([]ent.Noder, error) {
	out := []ent.Noder{}
	if len(s.blockers) == 0 {
		return out, nil
	}
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	// One query a type, whatever the number of blockers: a case with
	// many pending interventions costs what a case with one does.
	var interventions, cases []gid.ID
	for _, id := range s.blockers {
		switch t, _ := ent.IDToType(ctx, id); t {
		case intervention.Table:
			interventions = append(interventions, id)
		case casefile.Table:
			cases = append(cases, id)
		default:
			return nil, fmt.Errorf("pathway: a blocker of no known type: %s", id)
		}
	}
	found := map[gid.ID]ent.Noder{}
	if len(interventions) > 0 {
		ivs, err := a.Client.Intervention.Query().Where(intervention.IDIn(interventions...)).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, i := range ivs {
			found[i.ID] = i
		}
	}
	if len(cases) > 0 {
		cs, err := a.Client.CaseFile.Query().Where(casefile.IDIn(cases...)).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			found[c.ID] = c
		}
	}
	for _, id := range s.blockers {
		if n, ok := found[id]; ok {
			out = append(out, n)
		}
	}
	return out, nil
}

// AllowedActions lists the actions the viewer may take on a case now, as
// begin would judge them: the actor, the status and the preconditions,
// but not the input of the step. A read-only token may take none.
func AllowedActions(ctx context.Context, c *ent.CaseFile) ([]domain.CaseAction, error) {
	out := []domain.CaseAction{}
	err := judge(ctx, c, func(r domain.CaseStep, refusal error) {
		if refusal == nil {
			out = append(out, r.Action)
		}
	})
	return out, err
}

// judge calls verdict for each step of the pathway the viewer is an
// actor of, with nil or the refusal the case's state gives (status or
// precondition); a read-only token is the actor of none.
func judge(ctx context.Context, c *ent.CaseFile, verdict func(domain.CaseStep, error)) error {
	a, err := action.Start(ctx)
	if err != nil {
		return err
	}
	if a.Writable() != nil {
		return nil
	}
	// Found again as begin finds it, so that both judge the same parties.
	s, err := load(a, c.ID)
	if err != nil {
		return err
	}
	for _, r := range domain.CaseSteps {
		if !MayAct(a.Viewer, r.Who, s.parties) {
			continue
		}
		err := s.meets(r)
		var invalid *fault.Invalid
		var conflict *fault.Conflict
		switch {
		case err == nil, errors.As(err, &invalid), errors.As(err, &conflict):
			verdict(r, err)
		default:
			return err
		}
	}
	return nil
}

// meets refuses an action the case's status does not allow, or whose
// preconditions the case does not meet (BAD_USER_INPUT, or CONFLICT for
// a person's other open case).
func (s *step) meets(r domain.CaseStep) error {
	if len(r.From) > 0 && !slices.Contains(r.From, domain.CaseStatus(s.c.Status)) {
		return fault.Invalidf("status", "case %s is %s; this step needs it %s", s.c.Code, s.c.Status, statuses(r.From))
	}
	for _, need := range r.Needs {
		check, ok := preconditions[need]
		if !ok {
			return fmt.Errorf("pathway: no check for the precondition %s", need)
		}
		if err := check(s); err != nil {
			return err
		}
	}
	return nil
}
