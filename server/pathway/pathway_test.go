package pathway_test

import (
	"context"
	"errors"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/pathway"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// A step as the tests call it: on the case, at a version.
type step func(ctx context.Context, version int) (*ent.CaseFile, error)

func forbidden(err error) bool { var f *fault.Forbidden; return errors.As(err, &f) }
func conflict(err error) bool  { var c *fault.Conflict; return errors.As(err, &c) }
func badStatus(err error) bool {
	var i *fault.Invalid
	return errors.As(err, &i) && i.Field == "status"
}
func unauthenticated(err error) bool {
	return errors.Is(err, fault.ErrUnauthenticated)
}

// TestPathwayServices carries a referral to its closure by calling the
// pathway's steps directly, as the resolvers do, each as the actor the
// pathway names, and checks the refusals on the way: the wrong actor
// (FORBIDDEN, or NOT_FOUND for a case the viewer does not see), a stale
// version (CONFLICT), a step the status does not allow (BAD_USER_INPUT).
// A step taken moves the case one version on, with one timeline event and
// one audit event; a step refused leaves all of them as they were.
func TestPathwayServices(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		coord := webtest.ViewerOf(t, w.Client, demo.CoordinatorEmail)
		op := webtest.ViewerOf(t, w.Client, demo.OperatorEmail)
		vinci := webtest.ViewerOf(t, w.Client, demo.OperatorVinciEmail)
		id, _ := w.CaseIn(casefile.StatusReferred)
		audits := func(action domain.CaseAction) int {
			q := w.Client.AuditEvent.Query().Where(auditevent.EntityID(string(id)))
			if action != "" {
				q.Where(auditevent.Action(string(action)))
			}
			return q.CountX(w.Ctx)
		}
		// run takes a step as v at the case's version plus skew.
		run := func(v *viewer.Viewer, skew int, s step) error {
			version := w.Snapshot(id).Version + skew
			return webtest.Mutate(t, w.Client, v, func(ctx context.Context) error {
				_, err := s(ctx, version)
				return err
			})
		}
		refuse := func(what string, v *viewer.Viewer, skew int, s step, is func(error) bool) {
			t.Helper()
			before, logged := w.Snapshot(id), audits("")
			if err := run(v, skew, s); !is(err) {
				t.Fatalf("%s: got %v", what, err)
			}
			if after := w.Snapshot(id); after != before || audits("") != logged {
				t.Fatalf("%s was refused but wrote: %+v and %d audit events, was %+v and %d", what, after, audits(""), before, logged)
			}
		}
		take := func(v *viewer.Viewer, s step, action domain.CaseAction, want casefile.Status, event caseevent.Kind) {
			t.Helper()
			before, logged := w.Snapshot(id), audits(action)
			if err := run(v, 0, s); err != nil {
				t.Fatalf("%s: %v", action, err)
			}
			after := w.Snapshot(id)
			if after.Status != want || after.Version != before.Version+1 || after.Events != before.Events+1 ||
				w.LastEvent(id) != event || audits(action) != logged+1 {
				t.Fatalf("%s: case %s v%d, last event %s, %d audit events; want %s v%d, %s, %d",
					action, after.Status, after.Version, w.LastEvent(id), audits(action), want, before.Version+1, event, logged+1)
			}
		}

		start := func(ctx context.Context, v int) (*ent.CaseFile, error) {
			return pathway.StartAssessment(ctx, id, v, nil)
		}
		preliminary := func(ctx context.Context, v int) (*ent.CaseFile, error) {
			return pathway.RecordPreliminaryAssessment(ctx, id, v, pathway.AssessmentInput{Summary: "Analisi",
				Findings: []*domain.AreaFinding{{Area: domain.NeedIncome, Need: domain.NeedModerate}}})
		}
		takeCharge := func(ctx context.Context, v int) (*ent.CaseFile, error) {
			return pathway.TakeCharge(ctx, id, v, w.CoordID, pathway.PlanInput{
				Goals: []*pathway.GoalInput{{Area: domain.NeedIncome, Description: "Reddito stabile"}}})
		}
		monitor := func(ctx context.Context, v int) (*ent.CaseFile, error) {
			return pathway.MoveToMonitoring(ctx, id, v, nil)
		}
		closeCase := func(ctx context.Context, v int) (*ent.CaseFile, error) {
			return pathway.CloseCase(ctx, id, v, casefile.ClosureReasonGoalsMet, nil, nil, nil)
		}

		refuse("nobody signed in", nil, 0, start, unauthenticated)
		refuse("the operator starting the assessment", op, 0, start, forbidden)
		refuse("another table's operator", vinci, 0, start, ent.IsNotFound)
		refuse("a stale version", coord, -1, start, conflict)
		refuse("taking charge of a referral", coord, 0, takeCharge, badStatus)
		take(coord, start, domain.ActionStartAssessment, casefile.StatusUnderAssessment, caseevent.KindAssessmentStarted)
		refuse("taking charge before the preliminary analysis", coord, 0, takeCharge, badStatus)
		take(op, preliminary, domain.ActionRecordPreliminaryAssessment, casefile.StatusUnderAssessment, caseevent.KindAssessmentRecorded)
		refuse("the operator taking charge", op, 0, takeCharge, forbidden)
		take(coord, takeCharge, domain.ActionTakeCharge, casefile.StatusInCharge, caseevent.KindTakenInCharge)
		take(coord, monitor, domain.ActionMoveToMonitoring, casefile.StatusMonitoring, caseevent.KindMonitoringStarted)
		refuse("monitoring a case twice", coord, 0, monitor, badStatus)
		take(coord, closeCase, domain.ActionCloseCase, casefile.StatusClosed, caseevent.KindClosed)
		refuse("closing a closed case", coord, 0, closeCase, badStatus)
	})
}
