package outbox

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/monitoringmeeting"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/plan"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
)

// DeadlineHour is when, Italian time, the agenda's deadlines of the day
// are told: before the working day starts.
const DeadlineHour = 6

// deadline is one agenda item falling due: its kind, case, table and the
// part of the case it is about.
type deadline struct {
	kind               domain.EventKind
	caseID, table, obj gid.ID
	day                domain.Date
}

// Deadlines writes the events of the agenda's deadlines that fall on day
// — a plan's review, a monitoring meeting, a follow-up, a pending
// intervention's end, and a commitment that became overdue (its due day
// was the day before, hours still to do) — each once, whichever process
// or run finds it: the runs take a database lock, and each event's
// dedupe key names its kind, object and day. It returns how many it
// wrote.
func Deadlines(ctx context.Context, db *store.DB, day domain.Date) (int, error) {
	written := 0
	_, err := db.WithLock(ctx, "outbox deadlines", func(tx *ent.Client) error {
		sys := rule.SystemContext(ctx)
		found, err := dueOn(sys, tx, day)
		if err != nil {
			return err
		}
		keys := make([]string, len(found))
		for i, d := range found {
			keys[i] = fmt.Sprintf("%s %s %s", d.kind, d.obj, d.day)
		}
		told, err := tx.OutboxEvent.Query().Where(outboxevent.DedupeKeyIn(keys...)).Select(outboxevent.FieldDedupeKey).Strings(sys)
		if err != nil {
			return err
		}
		already := map[string]bool{}
		for _, k := range told {
			already[k] = true
		}
		var events []Event
		for i, d := range found {
			if already[keys[i]] {
				continue
			}
			events = append(events, Event{Kind: d.kind, Case: d.caseID, Table: d.table, Object: d.obj, Day: &d.day, DedupeKey: keys[i]})
		}
		written = len(events)
		return Write(ctx, tx, events...)
	})
	return written, err
}

// dueOn finds the deadlines falling on day, in working cases (follow-ups:
// closed ones too, as the agenda shows them).
func dueOn(ctx context.Context, tx *ent.Client, day domain.Date) ([]deadline, error) {
	working := casefile.StatusIn(domain.Convert[casefile.Status](domain.WorkingCaseStatuses)...)
	followed := casefile.StatusIn(casefile.StatusInCharge, casefile.StatusMonitoring, casefile.StatusClosed)
	var out []deadline
	add := func(kind domain.EventKind, obj gid.ID, c *ent.CaseFile, on domain.Date) {
		out = append(out, deadline{kind: kind, caseID: c.ID, table: c.Edges.Table.ID, obj: obj, day: on})
	}
	withCase := func(q *ent.CaseFileQuery) { q.WithTable() }

	plans, err := tx.Plan.Query().Where(plan.ReviewOn(day), plan.HasCaseWith(working)).WithCase(withCase).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range plans {
		add(domain.EventPlanReviewDue, p.ID, p.Edges.Case, day)
	}
	meetings, err := tx.MonitoringMeeting.Query().Where(monitoringmeeting.PlannedOn(day), monitoringmeeting.HeldOnIsNil(),
		monitoringmeeting.HasCaseWith(working)).WithCase(withCase).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, m := range meetings {
		add(domain.EventMonitoringMeetingDue, m.ID, m.Edges.Case, day)
	}
	outcomes, err := tx.Outcome.Query().Where(outcome.FollowUpDueOn(day), outcome.FollowedUpOnIsNil(),
		outcome.HasCaseWith(followed)).WithCase(withCase).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range outcomes {
		add(domain.EventFollowUpDue, o.ID, o.Edges.Case, day)
	}
	interventions, err := tx.Intervention.Query().Where(intervention.EndsOn(day),
		intervention.StatusIn(domain.Convert[intervention.Status](domain.PendingInterventionStatuses)...),
		intervention.HasCaseWith(working)).WithCase(withCase).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, i := range interventions {
		add(domain.EventInterventionEnding, i.ID, i.Edges.Case, day)
	}
	due := day.AddDays(-1)
	commitments, err := tx.Commitment.Query().Where(commitment.DueOn(due), commitment.HasPlanWith(plan.HasCaseWith(working)),
		func(s *sql.Selector) {
			s.Where(sql.ColumnsLT(s.C(commitment.FieldHoursDone), s.C(commitment.FieldHoursAgreed)))
		}).
		WithPlan(func(q *ent.PlanQuery) { q.WithCase(withCase) }).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range commitments {
		add(domain.EventCommitmentOverdue, c.ID, c.Edges.Plan.Edges.Case, due)
	}
	return out, nil
}

// RunDeadlines tells the deadlines of each day, at start (today's, if no
// run told them yet) and then daily at DeadlineHour, until ctx ends;
// kick wakes the dispatcher after a run that wrote some.
func RunDeadlines(ctx context.Context, db *store.DB, logger *slog.Logger, kick func()) {
	for {
		if n, err := Deadlines(ctx, db, domain.Today()); err != nil {
			logger.Error("telling the day's deadlines", "error", err)
		} else if n > 0 {
			logger.Info("deadlines of the day told", "events", n)
			kick()
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Until(domain.NextDaily(time.Now(), DeadlineHour))):
		}
	}
}
