// Package pathway carries cases along the pathway of DESIGN.md §3. Each
// step is one named action that checks who asks, the version of the case
// the client saw and the case's state, then writes the change, an event
// of the case's timeline and an audit event, all in the request's
// transaction: a step that fails leaves nothing behind.
package pathway

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/schema/rule"
)

// errNoTransaction is a wiring mistake: steps run inside the request's
// transaction (entgql.Transactioner), whose client the context carries.
var errNoTransaction = errors.New("pathway: no transaction in the context")

// step is one action on one case.
type step struct {
	ctx     context.Context // the viewer's: reads see only what the viewer may see
	sys     context.Context // the system's: writes, once the step's rights are checked
	client  *ent.Client     // the request's transaction
	viewer  *viewer.Viewer
	action  Action        // the audit log's name of the step, e.g. TAKE_CHARGE
	c       *ent.CaseFile // the case, as the step found it and then as it saved it
	parties CaseParties   // who the case's rights depend on, as the step found them
	table   *ent.TerritorialTable
}

// transaction returns the viewer and the request's transaction.
func transaction(ctx context.Context) (*viewer.Viewer, *ent.Client, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, nil, fault.ErrUnauthenticated
	}
	client := ent.FromContext(ctx)
	if client == nil {
		return nil, nil, errNoTransaction
	}
	return v, client, nil
}

// begin starts a step on a case: the case must be one the viewer sees
// (else NOT_FOUND, as if it did not exist), the viewer must be the
// action's actor (FORBIDDEN), the version the one the client saw
// (CONFLICT, with the current one), the status one the action starts
// from and its precondition met (BAD_USER_INPUT), as actionRules says.
// A nil version is for steps that only add (a note).
func begin(ctx context.Context, action Action, id gid.ID, version *int) (*step, error) {
	r := ruleOf(action)
	v, client, err := transaction(ctx)
	if err != nil {
		return nil, err
	}
	s, err := load(ctx, v, client, id)
	if err != nil {
		return nil, err
	}
	s.action = action
	if !MayAct(v, r.who, s.parties) {
		return nil, &fault.Forbidden{Message: fmt.Sprintf("only %s may do this on case %s", r.who, s.c.Code)}
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
func load(ctx context.Context, v *viewer.Viewer, client *ent.Client, id gid.ID) (*step, error) {
	c, err := client.CaseFile.Query().Where(casefile.ID(id)).
		WithTable().WithTransferTo().WithCaseManager().WithReferringOperator().
		Only(ctx)
	if err != nil {
		return nil, err
	}
	s := &step{ctx: ctx, sys: rule.SystemContext(ctx), client: client, viewer: v, c: c, table: c.Edges.Table}
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
func beginOn(ctx context.Context, action Action, caseOf func(*ent.Client) (gid.ID, error), version int) (*step, error) {
	_, client, err := transaction(ctx)
	if err != nil {
		return nil, err
	}
	id, err := caseOf(client)
	if err != nil {
		return nil, err
	}
	return begin(ctx, action, id, &version)
}

// statuses lists statuses for a message: "IN_CHARGE or MONITORING".
func statuses(list []casefile.Status) string {
	names := make([]string, len(list))
	for i, st := range list {
		names[i] = st.String()
	}
	return strings.Join(names, " or ")
}

// staleConflict is the refusal of a step on a version the case has left.
func staleConflict(c *ent.CaseFile) error {
	return &fault.Conflict{
		Message: fmt.Sprintf("case %s changed since you saw it: it is now at version %d, %s; reload it and try again", c.Code, c.Version, c.Status),
		Details: map[string]any{"caseId": c.ID, "currentVersion": c.Version, "currentStatus": c.Status},
	}
}

// save writes the step's change of the case with the next version, as
// the step's first write: on PostgreSQL the update locks the case's row,
// so a concurrent step on the same version waits for this one, then finds
// its version gone and is refused; SQLite runs one writer at a time.
func (s *step) save(change func(*ent.CaseFileUpdateOne)) error {
	u := s.client.CaseFile.UpdateOneID(s.c.ID).Where(casefile.Version(s.c.Version)).SetVersion(s.c.Version + 1)
	if change != nil {
		change(u)
	}
	c, err := u.Save(s.sys)
	if ent.IsNotFound(err) {
		current, qerr := s.client.CaseFile.Get(s.sys, s.c.ID)
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

// record writes the step's event on the case's timeline and its audit
// event.
func (s *step) record(kind caseevent.Kind, note string) error {
	return recordOn(s.sys, s.client, s.viewer, string(s.action), s.c.ID, kind, note)
}

// recordOn writes a timeline event and an audit event of a step on a case.
func recordOn(sys context.Context, client *ent.Client, v *viewer.Viewer, action string, id gid.ID, kind caseevent.Kind, note string) error {
	err := client.CaseEvent.Create().SetCaseID(id).SetKind(kind).SetOccurredAt(time.Now()).
		SetNote(note).SetActorID(v.UserID).Exec(sys)
	if err != nil {
		return err
	}
	return audit.Record(sys, client, v, action, "CaseFile", []gid.ID{id})
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

// deref returns the value a pointer points to, or the zero value.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// Open and working states, for the steps that accept them.
var (
	openStatuses    = []casefile.Status{casefile.StatusReferred, casefile.StatusUnderAssessment, casefile.StatusInCharge, casefile.StatusMonitoring}
	workingStatuses = []casefile.Status{casefile.StatusInCharge, casefile.StatusMonitoring}
)

// forUpdate locks the selected rows where the database can; SQLite runs
// one writing transaction at a time.
func forUpdate(s *sql.Selector) {
	if s.Dialect() == dialect.Postgres {
		s.ForUpdate()
	}
}
