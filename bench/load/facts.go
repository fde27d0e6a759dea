package main

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/intervention"
)

// actions are the audit log's names of the writes.
var actions = map[string]string{
	opAddNote:         string(domain.ActionAddNote),
	opAddGoal:         string(domain.ActionAddGoal),
	opAddIntervention: string(domain.ActionAddIntervention),
}

// loadKinds are the timeline events the load's writes leave.
var loadKinds = []string{caseevent.KindNote.String(), caseevent.KindPlanUpdated.String(), caseevent.KindInterventionAdded.String()}

// snapshot is what reconciliation compares before and after the run.
type snapshot struct {
	versions  map[string]int
	events    map[string]int
	committed map[string]int64
	funds     map[string][2]int64
	allocated map[string]int64
}

// safeID matches WIN's global IDs, so that they can be written into SQL
// as literals the same way on both databases.
var safeID = regexp.MustCompile(`^[a-z]+_[A-Za-z0-9]+$`)

func inList(ids []string) (string, error) {
	quoted := make([]string, len(ids))
	for i, id := range ids {
		if !safeID.MatchString(id) {
			return "", fmt.Errorf("unexpected ID %q", id)
		}
		quoted[i] = "'" + id + "'"
	}
	return "(" + strings.Join(quoted, ",") + ")", nil
}

// takeSnapshot reads the versions and timeline of the cases written on
// and the totals of the funds, straight from the database.
func takeSnapshot(ctx context.Context, db *sql.DB, cases, funds []string) (*snapshot, error) {
	s := &snapshot{versions: map[string]int{}, events: map[string]int{}, committed: map[string]int64{},
		funds: map[string][2]int64{}, allocated: map[string]int64{}}
	caseList, err := inList(cases)
	if err != nil {
		return nil, err
	}
	fundList, err := inList(funds)
	if err != nil {
		return nil, err
	}
	kinds := "('" + strings.Join(loadKinds, "','") + "')"
	err = rows(ctx, db, "SELECT id, version FROM cases WHERE id IN "+caseList, func(r *sql.Rows) error {
		var id string
		var v int
		err := r.Scan(&id, &v)
		s.versions[id] = v
		s.events[id] = 0
		return err
	})
	if err == nil {
		err = rows(ctx, db, "SELECT case_event_case, COUNT(*) FROM case_events WHERE kind IN "+kinds+" AND case_event_case IN "+caseList+" GROUP BY case_event_case", func(r *sql.Rows) error {
			var id string
			var n int
			err := r.Scan(&id, &n)
			s.events[id] = n
			return err
		})
	}
	if err == nil {
		err = rows(ctx, db, "SELECT id, allocated_cents FROM funds WHERE id IN "+fundList, func(r *sql.Rows) error {
			var id string
			var n int64
			err := r.Scan(&id, &n)
			s.allocated[id] = n
			s.funds[id] = [2]int64{}
			return err
		})
	}
	if err == nil {
		err = rows(ctx, db, "SELECT intervention_fund, status, COALESCE(SUM(cost_cents), 0) FROM interventions WHERE intervention_fund IN "+fundList+" GROUP BY intervention_fund, status", func(r *sql.Rows) error {
			var id, status string
			var sum int64
			if err := r.Scan(&id, &status, &sum); err != nil {
				return err
			}
			use := s.funds[id]
			switch intervention.Status(status) {
			case intervention.StatusPlanned, intervention.StatusOngoing:
				use[0] += sum
			default:
				use[1] += sum
			}
			s.funds[id] = use
			return nil
		})
	}
	for id, use := range s.funds {
		s.committed[id] = use[0]
	}
	return s, err
}

// findWrites reads what the database holds of the run's writes, by the
// marker each carries in its text and as its request's ID.
func findWrites(ctx context.Context, db *sql.DB, runID string, writes []write) (map[string]found, error) {
	if !safeID.MatchString("run_" + runID) {
		return nil, fmt.Errorf("unexpected run ID %q", runID)
	}
	like := "'load-" + runID + "-%'"
	rowsBy := map[string]int{}
	eventsBy := map[string]int{}
	audits := map[[2]string]int{}
	count := func(into map[string]int, prefix string) func(*sql.Rows) error {
		return func(r *sql.Rows) error {
			var text string
			var n int
			err := r.Scan(&text, &n)
			into[strings.TrimPrefix(text, prefix)] += n
			return err
		}
	}
	err := rows(ctx, db, "SELECT note, COUNT(*) FROM case_events WHERE kind = '"+caseevent.KindNote.String()+"' AND note LIKE "+like+" GROUP BY note", count(rowsBy, ""))
	if err == nil {
		err = rows(ctx, db, "SELECT description, COUNT(*) FROM goals WHERE description LIKE "+like+" GROUP BY description", count(rowsBy, ""))
	}
	if err == nil {
		err = rows(ctx, db, "SELECT description, COUNT(*) FROM interventions WHERE description LIKE "+like+" GROUP BY description", count(rowsBy, ""))
	}
	if err == nil {
		err = rows(ctx, db, "SELECT note, COUNT(*) FROM case_events WHERE kind = '"+caseevent.KindPlanUpdated.String()+"' AND note LIKE 'goal added: load-"+runID+"-%' GROUP BY note", count(eventsBy, "goal added: "))
	}
	if err == nil {
		err = rows(ctx, db, "SELECT request_id, action, COUNT(*) FROM audit_events WHERE request_id LIKE "+like+" GROUP BY request_id, action", func(r *sql.Rows) error {
			var id, action string
			var n int
			err := r.Scan(&id, &action, &n)
			audits[[2]string{id, action}] = n
			return err
		})
	}
	if err != nil {
		return nil, err
	}
	out := map[string]found{}
	for _, w := range writes {
		f := found{Rows: rowsBy[w.Marker], Events: eventsBy[w.Marker], Audits: audits[[2]string{w.Marker, actions[w.Op]}]}
		if w.Op == opAddNote {
			f.Events = f.Rows // the note is its timeline event
		}
		out[w.Marker] = f
	}
	return out, nil
}

// rows runs a query and hands each row to scan.
func rows(ctx context.Context, db *sql.DB, query string, scan func(*sql.Rows) error) error {
	r, err := db.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("%s: %w", query, err)
	}
	defer r.Close()
	for r.Next() {
		if err := scan(r); err != nil {
			return err
		}
	}
	return r.Err()
}
