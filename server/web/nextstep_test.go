package web_test

import (
	"slices"
	"testing"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/assessment"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// actionStates is a case's Case.actions as a viewer reads them, by
// action: the reason it is blocked ("" when allowed) and the blockers.
type actionState struct {
	blockedBy string
	blockers  []gid.ID
}

func actionStates(t *testing.T, a *webtest.API, id gid.ID) (map[string]actionState, []string) {
	t.Helper()
	var out struct {
		AllowedActions []string `json:"allowedActions"`
		Actions        []struct {
			Action    string  `json:"action"`
			Allowed   bool    `json:"allowed"`
			BlockedBy *string `json:"blockedBy"`
			Blockers  []struct {
				ID gid.ID `json:"id"`
			} `json:"blockers"`
		} `json:"actions"`
	}
	a.Must(`query($id: ID!) { node(id: $id) { ... on Case { allowedActions actions { action allowed blockedBy blockers { id } } } } }`,
		map[string]any{"id": id}, &out)
	states := map[string]actionState{}
	var allowed []string
	for _, s := range out.Actions {
		st := actionState{}
		if s.BlockedBy != nil {
			st.blockedBy = *s.BlockedBy
		}
		if s.Allowed != (s.BlockedBy == nil) {
			t.Errorf("%s: allowed %v with blockedBy %v", s.Action, s.Allowed, s.BlockedBy)
		}
		for _, b := range s.Blockers {
			st.blockers = append(st.blockers, b.ID)
		}
		states[s.Action] = st
		if s.Allowed {
			allowed = append(allowed, s.Action)
		}
	}
	// The same judgement as allowedActions, in the same order.
	if !slices.Equal(allowed, out.AllowedActions) {
		t.Errorf("actions allowed %v, allowedActions %v", allowed, out.AllowedActions)
	}
	return states, allowed
}

// TestCaseActionsSayWhy shows the steps a viewer could take but a
// precondition blocks, with the reason and what is in the way, and that
// once the obstacle goes the step is allowed.
func TestCaseActionsSayWhy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		steering := webtest.As(t, w.Base, demo.SteeringEmail)

		// Under assessment without the preliminary analysis: taking charge
		// is blocked, and says so; with it, allowed.
		assessing, _ := w.CaseIn(casefile.StatusUnderAssessment)
		w.Client.Assessment.Delete().Where(assessment.HasCaseWith(casefile.ID(assessing))).ExecX(w.Ctx)
		states, _ := actionStates(t, w.Coord, assessing)
		if got := states["TAKE_CHARGE"]; got.blockedBy != "PRELIMINARY_ASSESSMENT_MISSING" {
			t.Errorf("taking charge without the preliminary analysis: %+v", got)
		}
		if _, ok := states["START_ASSESSMENT"]; ok {
			t.Error("a step the status does not allow is listed")
		}
		w.Client.Assessment.Create().SetCaseID(assessing).SetLevel(assessment.LevelPreliminary).SetSummary("Analisi").
			SetAssessedOn(webtest.Day(2026, 1, 5)).ExecX(w.Ctx)
		if states, _ = actionStates(t, w.Coord, assessing); states["TAKE_CHARGE"].blockedBy != "" {
			t.Errorf("with the preliminary analysis, taking charge is still blocked: %+v", states["TAKE_CHARGE"])
		}

		// In charge with an intervention under way: closing is blocked by
		// that intervention, and the step itself still refuses it.
		working, _ := w.CaseIn(casefile.StatusInCharge)
		pending := w.Client.Intervention.Create().SetCaseID(working).SetProviderID(w.Provider).SetKind(intervention.KindTraining).
			SetStartsOn(webtest.Day(2026, 1, 10)).SetStatus(intervention.StatusOngoing).SaveX(w.Ctx)
		states, _ = actionStates(t, w.Coord, working)
		if got := states["CLOSE_CASE"]; got.blockedBy != "INTERVENTIONS_PENDING" || !slices.Equal(got.blockers, []gid.ID{pending.ID}) {
			t.Errorf("closing with an ongoing intervention: %+v, want blocked by %s", got, pending.ID)
		}
		version := w.Client.CaseFile.GetX(w.Ctx, working).Version
		webtest.Refused(t, w.Coord.Send(`mutation($id: ID!, $v: Int!) { closeCase(id: $id, version: $v, reason: GOALS_MET) { id } }`,
			map[string]any{"id": working, "v": version}, nil), "BAD_USER_INPUT", "status")
		// The operator, a member but not the manager, could not close it anyway.
		opStates, _ := actionStates(t, w.Op, working)
		if _, listed := opStates["CLOSE_CASE"]; listed || len(opStates) == 0 {
			t.Error("the operator is shown a step only the manager or coordinator takes")
		}
		pending.Update().SetStatus(intervention.StatusCompleted).SetEndsOn(webtest.Day(2026, 2, 1)).ExecX(w.Ctx)
		if states, _ = actionStates(t, w.Coord, working); states["CLOSE_CASE"].blockedBy != "" {
			t.Errorf("with the intervention completed, closing is still blocked: %+v", states["CLOSE_CASE"])
		}

		// A transfer waiting: a second one is blocked; answering it is not
		// the sender's step, and is not listed at all.
		w.Client.CaseFile.UpdateOneID(working).SetTransferToID(w.VinciTable).SetTransferReason("Trasferimento di residenza").ExecX(w.Ctx)
		states, _ = actionStates(t, w.Coord, working)
		if got := states["TRANSFER_CASE"]; got.blockedBy != "TRANSFER_PENDING" {
			t.Errorf("a second transfer: %+v", got)
		}
		if _, ok := states["ACCEPT_TRANSFER"]; ok {
			t.Error("accepting a transfer is listed for the table that sent it")
		}

		// A closed case reopened: reopening again is blocked by the new case.
		closed, _ := w.CaseIn(casefile.StatusClosed)
		next, _ := w.CaseIn(casefile.StatusReferred)
		w.Client.CaseFile.UpdateOneID(closed).SetNextCaseID(next).ExecX(w.Ctx)
		states, _ = actionStates(t, w.Coord, closed)
		if got := states["REOPEN_CASE"]; got.blockedBy != "ALREADY_REOPENED" || !slices.Equal(got.blockers, []gid.ID{next}) {
			t.Errorf("reopening a reopened case: %+v, want blocked by %s", got, next)
		}

		// The committee takes no step: nothing is listed, nothing blocked.
		if states, _ := actionStates(t, steering, working); len(states) != 0 {
			t.Errorf("the committee is shown steps: %v", states)
		}
	})
}
