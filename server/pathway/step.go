// Package pathway carries cases along the pathway of docs/domain.md#the-case-pathway. Each
// step is one named action that checks who asks, the version of the case
// the client saw and the case's state, then writes the change, an event
// of the case's timeline and an audit event, all in the request's
// transaction: a step that fails leaves nothing behind.
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
	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/server/action"
	"github.com/progetto-win/win/server/outbox"
)

// step is one action on one case.
type step struct {
	*action.Action                 // the viewer, the transaction, the system's context
	rule           domain.CaseStep // the step's row of the pathway's table
	c              *ent.CaseFile   // the case, as the step found it and then as it saved it
	parties        CaseParties     // who the case's rights depend on, as the step found them
	table          *ent.TerritorialTable
	proposals      map[approval.Kind]bool // the kinds of the case's pending proposals, once read (pending)
}

// begin starts a step on a case: the case must be one the viewer sees
// (else NOT_FOUND, as if it did not exist), the viewer must be the
// action's actor (FORBIDDEN), the version the one the client saw
// (CONFLICT, with the current one), the status one the action starts
// from and its preconditions met (BAD_USER_INPUT), as the action's row
// of domain.CaseSteps says.
// A nil version is for steps that only add (a note).
func begin(ctx context.Context, name domain.CaseAction, id gid.ID, version *int) (*step, error) {
	r := ruleOf(name)
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	s, err := load(a, id)
	if err != nil {
		return nil, err
	}
	s.rule = r
	// MayAct acts for no read-only token: refused once the case is found.
	if !MayAct(a.Viewer, r.Who, s.parties) {
		return nil, &fault.Forbidden{Message: fmt.Sprintf("only %s may do this on case %s", actorName(r.Who), s.c.Code)}
	}
	if version != nil && *version != s.c.Version {
		return nil, staleConflict(s.c)
	}
	if err := s.meets(r); err != nil {
		return nil, err
	}
	return s, nil
}

// load finds a case as the viewer sees it, with the parties its rights
// depend on: a step about to be taken, or judged for allowedActions.
func load(a *action.Action, id gid.ID) (*step, error) {
	c, err := a.Client.CaseFile.Query().Where(casefile.ID(id)).
		WithTable().WithTransferTo().WithCaseManager().WithReferringOperator().
		Only(a.Ctx)
	if err != nil {
		return nil, err
	}
	s := &step{Action: a, c: c, table: c.Edges.Table}
	s.parties = CaseParties{Table: c.Edges.Table.ID}
	if t := c.Edges.TransferTo; t != nil {
		s.parties.TransferTo = t.ID
	}
	if u := c.Edges.CaseManager; u != nil {
		s.parties.CaseManager = u.ID
	}
	if u := c.Edges.ReferringOperator; u != nil {
		s.parties.ReferringOperator = u.ID
	}
	return s, nil
}

// beginOn starts a step on the case a part belongs to (a goal, an
// outcome…), found as the viewer sees it: NOT_FOUND for a part of a case
// the viewer does not see.
func beginOn(ctx context.Context, name domain.CaseAction, caseOf func(*ent.Client) (gid.ID, error), version int) (*step, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	id, err := caseOf(a.Client)
	if err != nil {
		return nil, err
	}
	return begin(ctx, name, id, &version)
}

// statuses lists statuses for a message: "IN_CHARGE or MONITORING".
func statuses(list []domain.CaseStatus) string {
	return strings.Join(domain.StringsOf(list), " or ")
}

// staleConflict is the refusal of a step on a version the case has left.
func staleConflict(c *ent.CaseFile) error {
	return &fault.Conflict{
		Message: fmt.Sprintf("case %s changed since you saw it: it is now at version %d, %s; reload it and try again", c.Code, c.Version, c.Status),
		Details: map[string]any{"caseId": c.ID, "currentVersion": c.Version, "currentStatus": c.Status},
	}
}

// save writes the step's change of the case with the next version, and
// the status the step leads to if the table gives one, as
// the step's first write: on PostgreSQL the update locks the case's row,
// so a concurrent step on the same version waits for this one, then finds
// its version gone and is refused; SQLite runs one writer at a time.
func (s *step) save(change func(*ent.CaseFileUpdateOne)) error {
	u := s.Client.CaseFile.UpdateOneID(s.c.ID).Where(casefile.Version(s.c.Version)).SetVersion(s.c.Version + 1)
	if s.rule.To != "" {
		u.SetStatus(casefile.Status(s.rule.To))
	}
	if change != nil {
		change(u)
	}
	c, err := u.Save(s.Sys)
	if ent.IsNotFound(err) {
		current, qerr := s.Client.CaseFile.Get(s.Sys, s.c.ID)
		if qerr != nil {
			return qerr
		}
		return staleConflict(current)
	}
	if err != nil {
		return err
	}
	s.c = c
	return nil
}

// fact sets a value a timeline event carries: what the step involved
// (an intervention's kind, a day, the other table), from which the web app
// writes the event's sentence in the reader's language.
type fact func(*ent.CaseEventCreate)

// record writes the step's event on the case's timeline and its audit
// event. note is text the user typed, if any: the server writes no words.
func (s *step) record(kind caseevent.Kind, note string, facts ...fact) error {
	return recordOn(s.Action, domain.AuditAction(s.rule.Action), s.c.ID, s.table.ID, kind, note, facts...)
}

// detail is the fact of which change a step made, for the kinds that
// have several (a goal added, a case reopened as another).
func detail(d caseevent.Detail) fact {
	return func(e *ent.CaseEventCreate) { e.SetDetail(d) }
}

// newEvent is a timeline event of the viewer's on a case, now, to save.
func newEvent(a *action.Action, id gid.ID, kind caseevent.Kind, note string, facts ...fact) *ent.CaseEventCreate {
	e := a.Client.CaseEvent.Create().SetCaseID(id).SetKind(kind).SetOccurredAt(time.Now()).SetActorID(a.Viewer.UserID)
	if note = strings.TrimSpace(note); note != "" {
		e.SetNote(note)
	}
	for _, f := range facts {
		f(e)
	}
	return e
}

// recordOn writes a timeline event of an action on a case of a table,
// what others must hear of it (server/outbox) and its audit event.
func recordOn(a *action.Action, name domain.AuditAction, id, table gid.ID, kind caseevent.Kind, note string, facts ...fact) error {
	_, err := writeEvent(a, name, id, table, kind, note, facts...)
	return err
}

// writeEvent is recordOn that returns the event written. Every timeline
// event goes through it, so that none escapes the outbox.
func writeEvent(a *action.Action, name domain.AuditAction, id, table gid.ID, kind caseevent.Kind, note string, facts ...fact) (*ent.CaseEvent, error) {
	event := newEvent(a, id, kind, note, facts...)
	e, err := event.Save(a.Sys)
	if err != nil {
		return nil, err
	}
	if err := outbox.Write(a.Ctx, a.Client, told(a, id, table, event.Mutation())...); err != nil {
		return nil, err
	}
	return e, a.Audit(name, "Case", id)
}

// dateOr returns the day d, or today when d is nil.
func dateOr(d *domain.Date) domain.Date { return domain.DateOr(d, domain.Today()) }

// notFuture refuses a day after today.
func notFuture(field string, d domain.Date) error {
	if d.After(domain.Today()) {
		return fault.Invalidf(field, "must not be in the future")
	}
	return nil
}

// required refuses blank text.
func required(field, text string) error {
	if strings.TrimSpace(text) == "" {
		return fault.Invalidf(field, "is required")
	}
	return nil
}

// Open and working statuses as ent's type, for queries.
var (
	openStatuses    = domain.Convert[casefile.Status](domain.OpenCaseStatuses)
	workingStatuses = domain.Convert[casefile.Status](domain.WorkingCaseStatuses)
)
