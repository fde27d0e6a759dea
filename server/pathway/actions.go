package pathway

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/ent"
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

// AllowedActions lists the actions the viewer may take on a case now, as
// begin would judge them: the actor, the status and the preconditions,
// but not the input of the step. A read-only token may take none.
func AllowedActions(ctx context.Context, c *ent.CaseFile) ([]domain.CaseAction, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	out := []domain.CaseAction{}
	if a.Writable() != nil {
		return out, nil
	}
	// Found again as begin finds it, so that both judge the same parties.
	s, err := load(a, c.ID)
	if err != nil {
		return nil, err
	}
	for _, r := range domain.CaseSteps {
		if !MayAct(a.Viewer, r.Who, s.parties) {
			continue
		}
		err := s.meets(r)
		var invalid *fault.Invalid
		var conflict *fault.Conflict
		switch {
		case err == nil:
			out = append(out, r.Action)
		case errors.As(err, &invalid), errors.As(err, &conflict):
			// refused for the case's state: not offered
		default:
			return nil, err
		}
	}
	return out, nil
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
