package outbox_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"sync"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/notification"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/plan"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/governance"
	"github.com/progetto-win/win/server/outbox"
	"github.com/progetto-win/win/server/pathway"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// told is what one dispatch told: for each kind, who got a notification.
type told map[domain.EventKind][]gid.ID

// dispatch delivers everything due and returns what it told.
func dispatch(t *testing.T, w *webtest.World, d *outbox.Dispatcher) told {
	t.Helper()
	before := w.Client.Notification.Query().IDsX(w.Ctx)
	for {
		n, err := d.Dispatch(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	if left := w.Client.OutboxEvent.Query().Where(outboxevent.DispatchedAtIsNil()).CountX(w.Ctx); left != 0 {
		t.Fatalf("%d events left undispatched", left)
	}
	out := told{}
	for _, n := range w.Client.Notification.Query().Where(notification.IDNotIn(before...)).WithRecipient().AllX(w.Ctx) {
		out[n.Kind] = append(out[n.Kind], n.Edges.Recipient.ID)
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}

// TestEventsReachTheirRecipients takes the steps others must hear of, as
// their actors, and checks that each event's notifications reach the
// recipients domain.EventRules names and nobody else: never the actor,
// never the operator of another table. Every step also tells programs
// and open pages that the case changed, without notifying anyone.
func TestEventsReachTheirRecipients(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		d := outbox.NewDispatcher(db, nil, quiet)
		dispatch(t, w, d) // whatever the demo left
		as := func(email string) *viewer.Viewer { return webtest.ViewerOf(t, w.Client, email) }
		op, coord, steering := as(demo.OperatorEmail), as(demo.CoordinatorEmail), as(demo.SteeringEmail)
		vinciTable := w.Client.TerritorialTable.Query().Where(territorialtable.ID(w.VinciTable)).WithCoordinator().OnlyX(w.Ctx)
		vinciCoordID := vinciTable.Edges.Coordinator.ID
		// The Vinci table's coordinator, as a session of theirs would carry them.
		vinciCoord := &viewer.Viewer{UserID: vinciCoordID, Roles: []domain.Role{domain.RoleCoordinator},
			Tables: []gid.ID{w.VinciTable}, Coordinates: []gid.ID{w.VinciTable},
			OrganizationID: w.Client.User.QueryOrganization(w.Client.User.GetX(w.Ctx, vinciCoordID)).OnlyIDX(w.Ctx)}
		step := func(v *viewer.Viewer, f func(ctx context.Context) error) {
			t.Helper()
			if err := webtest.Mutate(t, w.Client, v, f); err != nil {
				t.Fatal(err)
			}
		}
		version := func(id gid.ID) int { return w.Client.CaseFile.GetX(w.Ctx, id).Version }
		expect := func(what string, got told, want told) {
			t.Helper()
			for k := range want {
				slices.Sort(want[k])
			}
			if len(got) != len(want) {
				t.Errorf("%s told %v, want %v", what, got, want)
				return
			}
			for k, ids := range want {
				if !slices.Equal(got[k], ids) {
					t.Errorf("%s told %s to %v, want %v", what, k, got[k], ids)
				}
			}
			for _, ids := range got {
				if slices.Contains(ids, w.VinID) {
					t.Errorf("%s told the operator of another table", what)
				}
			}
		}

		var id gid.ID
		step(op, func(ctx context.Context) error {
			c, err := pathway.ReferCase(ctx, pathway.ReferCaseInput{TableID: w.Empoli, Reason: "Sfratto imminente",
				NeedAreas: []domain.NeedArea{domain.NeedHousing}, Channel: casefile.ReferralChannelSocialServices,
				NewPerson: &pathway.NewPersonInput{FirstName: "Ada", LastName: "Outbox", BirthDate: domain.NewDate(1970, 1, 1),
					Gender: person.GenderFemale, CitizenshipArea: person.CitizenshipAreaItaly}})
			if err == nil {
				id = c.ID
			}
			return err
		})
		expect("a referral", dispatch(t, w, d), told{domain.EventReferralReceived: {w.CoordID}})

		step(coord, func(ctx context.Context) error {
			_, err := pathway.StartAssessment(ctx, id, version(id), nil)
			return err
		})
		expect("starting the assessment", dispatch(t, w, d), told{})
		step(coord, func(ctx context.Context) error {
			_, err := pathway.DeclineReferral(ctx, id, version(id), "Fuori dai criteri")
			return err
		})
		expect("declining", dispatch(t, w, d), told{domain.EventReferralDeclined: {w.OpID}})

		other, _ := w.CaseIn(casefile.StatusUnderAssessment)
		step(coord, func(ctx context.Context) error {
			_, err := pathway.TakeCharge(ctx, other, version(other), w.OpID, pathway.PlanInput{
				Goals: []*pathway.GoalInput{{Area: domain.NeedIncome, Description: "Reddito"}}})
			return err
		})
		expect("taking charge", dispatch(t, w, d), told{domain.EventCaseTakenInCharge: {w.OpID}, domain.EventCaseManagerAssigned: {w.OpID}})
		step(coord, func(ctx context.Context) error {
			_, err := pathway.AssignCaseManager(ctx, other, version(other), w.CoordID)
			return err
		})
		expect("the coordinator naming themselves", dispatch(t, w, d), told{})

		step(coord, func(ctx context.Context) error {
			_, err := pathway.TransferCase(ctx, other, version(other), w.VinciTable, "Trasferimento di residenza")
			return err
		})
		expect("a transfer asked", dispatch(t, w, d), told{domain.EventTransferRequested: {vinciCoordID}})
		step(vinciCoord, func(ctx context.Context) error {
			_, err := pathway.AcceptTransfer(ctx, other, version(other))
			return err
		})
		expect("a transfer accepted", dispatch(t, w, d), told{domain.EventTransferAccepted: {w.CoordID}})

		third, _ := w.CaseIn(casefile.StatusInCharge)
		step(coord, func(ctx context.Context) error {
			_, err := pathway.TransferCase(ctx, third, version(third), w.VinciTable, "Trasferimento")
			return err
		})
		dispatch(t, w, d)
		step(vinciCoord, func(ctx context.Context) error {
			_, err := pathway.DeclineTransfer(ctx, third, version(third), "Non di competenza")
			return err
		})
		expect("a transfer declined", dispatch(t, w, d), told{domain.EventTransferDeclined: {w.CoordID}})

		step(steering, func(ctx context.Context) error {
			_, err := governance.IssueDirective(ctx, governance.DirectiveInput{Title: "Priorità casa", Body: "Dare priorità ai casi di sfratto.",
				TableIDs: []gid.ID{w.VinciTable}, DueOn: domain.Today().AddDays(30)})
			return err
		})
		expect("a directive to one table", dispatch(t, w, d), told{domain.EventDirectiveIssued: {vinciCoordID}})

		// Every step told that its case changed, once, to nobody.
		changed := w.Client.OutboxEvent.Query().Where(outboxevent.KindEQ(domain.EventCaseChanged), outboxevent.CaseIDIn(id, other, third)).CountX(w.Ctx)
		if changed != 9 {
			t.Errorf("%d CASE_CHANGED events for 9 steps", changed)
		}
	})
}

// TestDeadlinesToldOnce: the day's deadlines reach the case's manager,
// or the table's coordinator while it has none, once however many runs
// or processes find them.
func TestDeadlinesToldOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		d := outbox.NewDispatcher(db, nil, quiet)
		ctx := context.Background()
		today := domain.Today()
		// Only the fixture's deadlines fall today.
		w.Client.Plan.Update().Where(plan.ReviewOn(today)).SetReviewOn(today.AddDays(1)).ExecX(w.Ctx)
		managed, _ := w.CaseIn(casefile.StatusInCharge)
		w.Client.CaseFile.UpdateOneID(managed).SetCaseManagerID(w.OpID).ExecX(w.Ctx)
		w.Client.Plan.Update().Where(plan.HasCaseWith(casefile.ID(managed))).SetReviewOn(today).ExecX(w.Ctx)
		unmanaged, _ := w.CaseIn(casefile.StatusInCharge)
		w.Client.CaseFile.UpdateOneID(unmanaged).ClearCaseManager().ExecX(w.Ctx)
		w.Client.Plan.Update().Where(plan.HasCaseWith(casefile.ID(unmanaged))).SetReviewOn(today).ExecX(w.Ctx)
		for range 2 {
			if _, err := outbox.Deadlines(ctx, db, today); err != nil {
				t.Fatal(err)
			}
		}
		got := dispatch(t, w, d)
		var plans []gid.ID
		for _, n := range w.Client.Notification.Query().Where(notification.KindEQ(domain.EventPlanReviewDue)).WithRecipient().WithCase().AllX(w.Ctx) {
			plans = append(plans, n.Edges.Case.ID)
			if n.Day == nil || *n.Day != today {
				t.Errorf("a plan review notification falls on %v, not today", n.Day)
			}
		}
		want := []gid.ID{w.OpID, w.CoordID}
		slices.Sort(want)
		if !slices.Equal(got[domain.EventPlanReviewDue], want) || len(plans) != 2 {
			t.Errorf("plan reviews told to %v about %v; want the manager and, for the case without one, the coordinator, once each", got[domain.EventPlanReviewDue], plans)
		}
		if n, err := outbox.Deadlines(ctx, db, today); err != nil || n != 0 {
			t.Errorf("a third run wrote %d events (%v)", n, err)
		}
	})
}

// TestRolledBackStepTellsNothing: an event is written in its step's
// transaction, so a step rolled back leaves nothing to send.
func TestRolledBackStepTellsNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		d := outbox.NewDispatcher(db, nil, quiet)
		dispatch(t, w, d)
		events := w.Client.OutboxEvent.Query().CountX(w.Ctx)
		op := webtest.ViewerOf(t, w.Client, demo.OperatorEmail)
		rollback := errors.New("roll back")
		err := webtest.Mutate(t, w.Client, op, func(ctx context.Context) error {
			if _, err := pathway.ReferCase(ctx, pathway.ReferCaseInput{TableID: w.Empoli, Reason: "Prova",
				NeedAreas: []domain.NeedArea{domain.NeedIncome}, Channel: casefile.ReferralChannelSelfReferral,
				NewPerson: &pathway.NewPersonInput{FirstName: "Bea", LastName: "Rollback", BirthDate: domain.NewDate(1980, 2, 2),
					Gender: person.GenderFemale, CitizenshipArea: person.CitizenshipAreaItaly}}); err != nil {
				return err
			}
			return rollback
		})
		if !errors.Is(err, rollback) {
			t.Fatal(err)
		}
		if n := w.Client.OutboxEvent.Query().CountX(w.Ctx); n != events {
			t.Fatalf("a rolled-back referral left %d events", n-events)
		}
		if got := dispatch(t, w, d); len(got) != 0 {
			t.Errorf("a rolled-back referral told %v", got)
		}
	})
}

// TestDispatchersShareTheOutbox: dispatchers of several processes on
// one PostgreSQL database dispatch every event exactly once between them
// (each claims with SKIP LOCKED; a second dispatch of an event would
// break the unique notification per recipient and event, and fail).
func TestDispatchersShareTheOutbox(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if db.Dialect != "postgres" {
			t.Skip("on SQLite one process dispatches")
		}
		w := webtest.NewWorld(t, db)
		first := outbox.NewDispatcher(db, nil, quiet)
		dispatch(t, w, first)
		id, _ := w.CaseIn(casefile.StatusReferred)
		const events = 400
		ctx := context.Background()
		for range events / 100 {
			batch := make([]outbox.Event, 100)
			for i := range batch {
				batch[i] = outbox.Event{Kind: domain.EventReferralReceived, Actor: w.OpID, Case: id, Table: w.Empoli}
			}
			if err := outbox.Write(ctx, w.Client, batch...); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		counts := make([]int, 3)
		errs := make([]error, 3)
		for p := range 3 {
			d := outbox.NewDispatcher(db, nil, quiet)
			d.Batch = 25
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					n, err := d.Dispatch(ctx)
					if err != nil {
						errs[p] = err
						return
					}
					if n == 0 {
						return
					}
					counts[p] += n
				}
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		total := counts[0] + counts[1] + counts[2]
		notes := w.Client.Notification.Query().Where(notification.HasCaseWith(casefile.ID(id))).CountX(w.Ctx)
		if total != events || notes != events {
			t.Fatalf("%d events dispatched (%v) and %d notifications, want %d each", total, counts, notes, events)
		}
		busy := 0
		for _, n := range counts {
			if n > 0 {
				busy++
			}
		}
		t.Logf("dispatched per process: %v", counts)
		if busy < 2 {
			t.Logf("only one process found work: the others came late (not a failure)")
		}
	})
}

// TestRecipientsAreEnabledUsers: a disabled account is told nothing.
func TestRecipientsAreEnabledUsers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		d := outbox.NewDispatcher(db, nil, quiet)
		dispatch(t, w, d)
		w.Client.User.UpdateOneID(w.CoordID).SetDisabled(true).ExecX(w.Ctx)
		id, _ := w.CaseIn(casefile.StatusReferred)
		if err := outbox.Write(context.Background(), w.Client, outbox.Event{Kind: domain.EventReferralReceived, Actor: w.OpID, Case: id, Table: w.Empoli}); err != nil {
			t.Fatal(err)
		}
		if got := dispatch(t, w, d); len(got) != 0 {
			t.Errorf("told %v with the only recipient disabled", got)
		}
	})
}
