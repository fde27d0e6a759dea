package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/plan"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
)

// notePrefix marks the notes and plan summaries of a run.
const notePrefix = "fault-run "

// readTrace reads what the run's steps wrote on a case, straight from
// the database, past the privacy rules.
func readTrace(ctx context.Context, c *ent.Client, id gid.ID) (trace, error) {
	ctx = rule.SystemContext(ctx)
	var t trace
	cf, err := c.CaseFile.Get(ctx, id)
	if err != nil {
		return t, err
	}
	t.Version = cf.Version
	events := func(kind caseevent.Kind) (int, error) {
		return c.CaseEvent.Query().Where(caseevent.HasCaseWith(casefile.ID(id)), caseevent.KindEQ(kind)).Count(ctx)
	}
	audits := func(action string) (int, error) {
		return c.AuditEvent.Query().Where(auditevent.Action(action), auditevent.EntityID(string(id))).Count(ctx)
	}
	if t.PlanEvents, err = events(caseevent.KindPlanUpdated); err != nil {
		return t, err
	}
	if t.NoteEvents, err = events(caseevent.KindNote); err != nil {
		return t, err
	}
	if t.PlanAudits, err = audits("UPDATE_PLAN"); err != nil {
		return t, err
	}
	if t.NoteAudits, err = audits("ADD_NOTE"); err != nil {
		return t, err
	}
	if t.Notes, err = c.CaseEvent.Query().Where(caseevent.HasCaseWith(casefile.ID(id)), caseevent.NoteHasPrefix(notePrefix)).Count(ctx); err != nil {
		return t, err
	}
	p, err := c.Plan.Query().Where(plan.HasCaseWith(casefile.ID(id))).Only(ctx)
	if err != nil {
		return t, err
	}
	t.PlanSummary = p.Summary
	return t, nil
}

// verifyCommand checks the run's writes in the database: every write
// answered with success is there, and every step is whole (its case
// version, timeline event and audit event all written, or none).
func verifyCommand(args []string) error {
	fs := flags("verify")
	dbURL := fs.String("db", "", "the server's database: a postgres:// URL or an SQLite file")
	statePath := fs.String("state", "faults-state.json", "the run's record")
	_ = fs.Parse(args)
	s, err := loadState(*statePath)
	if err != nil {
		return err
	}
	db, err := store.Open(*dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	client := db.Client()
	var problems []string
	type tally struct{ tried, acked int }
	plans, notes := map[string]*tally{}, map[string]*tally{}
	summaries := map[string]map[string]bool{}
	noteTexts := map[string]bool{}
	for _, w := range s.Writes {
		m := plans
		if w.Kind == "note" {
			m = notes
		}
		if m[w.Case] == nil {
			m[w.Case] = &tally{}
		}
		m[w.Case].tried++
		if w.Acked {
			m[w.Case].acked++
		}
		if w.Kind == "plan" {
			if summaries[w.Case] == nil {
				summaries[w.Case] = map[string]bool{}
			}
			summaries[w.Case][w.Text] = true
		}
		if w.Kind == "note" && w.Acked {
			noteTexts[w.Text] = true
		}
	}
	ackedPlans, ackedNotes, committedPlans, committedNotes := 0, 0, 0, 0
	for id, before := range s.Cases {
		after, err := readTrace(ctx, client, gid.ID(id))
		if err != nil {
			return fmt.Errorf("reading case %s: %w", id, err)
		}
		p, n := plans[id], notes[id]
		if p == nil {
			p = &tally{}
		}
		if n == nil {
			n = &tally{}
		}
		ackedPlans += p.acked
		ackedNotes += n.acked
		versions, planEvents, planAudits := after.Version-before.Version, after.PlanEvents-before.PlanEvents, after.PlanAudits-before.PlanAudits
		noteEvents, noteAudits, ourNotes := after.NoteEvents-before.NoteEvents, after.NoteAudits-before.NoteAudits, after.Notes-before.Notes
		committedPlans += versions
		committedNotes += noteEvents
		switch {
		case versions != planEvents || versions != planAudits:
			problems = append(problems, fmt.Sprintf("case %s: half-applied plan steps: %d versions, %d events, %d audit events", id, versions, planEvents, planAudits))
		case versions < p.acked:
			problems = append(problems, fmt.Sprintf("case %s: lost plan steps: %d answered with success, %d in the database", id, p.acked, versions))
		case versions > p.tried:
			problems = append(problems, fmt.Sprintf("case %s: %d plan steps in the database, only %d sent", id, versions, p.tried))
		}
		switch {
		case noteEvents != noteAudits || noteEvents != ourNotes:
			problems = append(problems, fmt.Sprintf("case %s: half-applied notes: %d events, %d audit events, %d with the run's text", id, noteEvents, noteAudits, ourNotes))
		case noteEvents < n.acked:
			problems = append(problems, fmt.Sprintf("case %s: lost notes: %d answered with success, %d in the database", id, n.acked, noteEvents))
		case noteEvents > n.tried:
			problems = append(problems, fmt.Sprintf("case %s: %d notes in the database, only %d sent", id, noteEvents, n.tried))
		}
		if versions > 0 && !summaries[id][after.PlanSummary] {
			problems = append(problems, fmt.Sprintf("case %s: the plan's summary %q is none the run sent", id, after.PlanSummary))
		}
	}
	found, err := client.CaseEvent.Query().Where(caseevent.NoteHasPrefix(notePrefix)).Select(caseevent.FieldNote).Strings(rule.SystemContext(ctx))
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, t := range found {
		have[t] = true
	}
	for t := range noteTexts {
		if !have[t] {
			problems = append(problems, fmt.Sprintf("lost note %q, answered with success", t))
		}
	}
	var check string
	if db.Dialect == "sqlite3" {
		if err := db.SQL.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
			problems = append(problems, fmt.Sprintf("integrity_check: %q %v", check, err))
		}
	}
	fmt.Printf("verify: %d cases, plan steps %d answered with success, %d committed; notes %d answered, %d committed\n",
		len(s.Cases), ackedPlans, committedPlans, ackedNotes, committedNotes)
	fmt.Printf("verify: committed without an answer (the connection or process died first): plan steps %d, notes %d\n",
		committedPlans-ackedPlans, committedNotes-ackedNotes)
	if check != "" {
		fmt.Printf("verify: SQLite integrity_check: %s\n", check)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d problems:\n  %s", len(problems), strings.Join(problems, "\n  "))
	}
	fmt.Println("verify: OK — lost 0, half-applied 0")
	return nil
}
