package web_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/goal"
	"github.com/progetto-win/win/ent/plan"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// A step of the pathway as the state-machine test sends it, with the
// status each legal start leads to.
type pathwayStep struct {
	name  string
	query string
	legal map[casefile.Status]casefile.Status
	event caseevent.Kind
	// values is the event as World.LastEventValues writes it, {operator}
	// and {today} standing for the demo operator's e-mail and today.
	values string
}

var (
	working = map[casefile.Status]casefile.Status{casefile.StatusInCharge: casefile.StatusInCharge, casefile.StatusMonitoring: casefile.StatusMonitoring}
	open    = map[casefile.Status]casefile.Status{casefile.StatusReferred: casefile.StatusReferred,
		casefile.StatusUnderAssessment: casefile.StatusUnderAssessment, casefile.StatusInCharge: casefile.StatusInCharge,
		casefile.StatusMonitoring: casefile.StatusMonitoring}
)

var pathwaySteps = []pathwayStep{
	{"startAssessment", `mutation($id: ID!, $v: Int!) { startAssessment(id: $id, version: $v) { id } }`,
		map[casefile.Status]casefile.Status{casefile.StatusReferred: casefile.StatusUnderAssessment}, caseevent.KindAssessmentStarted, "ASSESSMENT_STARTED"},
	{"recordPreliminaryAssessment", `mutation($id: ID!, $v: Int!) { recordPreliminaryAssessment(id: $id, version: $v,
		input: {summary: "Sintesi", findings: [{area: INCOME, need: MODERATE}], complexNeeds: true}) { id } }`,
		map[casefile.Status]casefile.Status{casefile.StatusUnderAssessment: casefile.StatusUnderAssessment}, caseevent.KindAssessmentRecorded, "ASSESSMENT_RECORDED assessmentLevel=PRELIMINARY"},
	{"recordInDepthAssessment", `mutation($id: ID!, $v: Int!, $op: ID!) { recordInDepthAssessment(id: $id, version: $v,
		input: {summary: "Sintesi", findings: [{area: INCOME, need: SEVERE}], teamIDs: [$op]}) { id } }`,
		map[casefile.Status]casefile.Status{casefile.StatusUnderAssessment: casefile.StatusUnderAssessment}, caseevent.KindAssessmentRecorded, "ASSESSMENT_RECORDED assessmentLevel=IN_DEPTH"},
	{"declineReferral", `mutation($id: ID!, $v: Int!) { declineReferral(id: $id, version: $v, reason: "Fuori dai criteri") { id } }`,
		map[casefile.Status]casefile.Status{casefile.StatusReferred: casefile.StatusDeclined, casefile.StatusUnderAssessment: casefile.StatusDeclined},
		caseevent.KindDeclined, "DECLINED note=Fuori dai criteri"},
	{"takeCharge", `mutation($id: ID!, $v: Int!, $op: ID!) { takeCharge(id: $id, version: $v, caseManagerID: $op,
		plan: {goals: [{area: INCOME, description: "Stabilizzare il reddito"}]}) { id } }`,
		map[casefile.Status]casefile.Status{casefile.StatusUnderAssessment: casefile.StatusInCharge}, caseevent.KindTakenInCharge, "TAKEN_IN_CHARGE assignee={operator}"},
	{"assignCaseManager", `mutation($id: ID!, $v: Int!, $op: ID!) { assignCaseManager(id: $id, version: $v, caseManagerID: $op) { id } }`,
		working, caseevent.KindCaseManagerAssigned, "CASE_MANAGER_ASSIGNED assignee={operator}"},
	{"updatePlan", `mutation($id: ID!, $v: Int!) { updatePlan(id: $id, version: $v, input: {summary: "Rivisto"}) { id } }`,
		working, caseevent.KindPlanUpdated, "PLAN_UPDATED"},
	{"addGoal", `mutation($id: ID!, $v: Int!) { addGoal(id: $id, version: $v, input: {area: HOUSING, description: "Casa"}) { id } }`,
		working, caseevent.KindPlanUpdated, "PLAN_UPDATED note=Casa detail=GOAL_ADDED"},
	{"addCommitment", `mutation($id: ID!, $v: Int!) { addCommitment(id: $id, version: $v,
		input: {kind: VOLUNTEERING, description: "Mensa", hoursAgreed: 20}) { id } }`, working, caseevent.KindPlanUpdated, "PLAN_UPDATED note=Mensa detail=COMMITMENT_ADDED"},
	{"addIntervention", `mutation($id: ID!, $v: Int!, $o: ID!, $today: Date!) { addIntervention(id: $id, version: $v,
		input: {kind: TRAINING, providerID: $o, startsOn: $today}) { id } }`, working, caseevent.KindInterventionAdded, "INTERVENTION_ADDED interventionKind=TRAINING"},
	{"recordOutcome", `mutation($id: ID!, $v: Int!, $today: Date!) { recordOutcome(id: $id, version: $v,
		input: {kind: SOCIAL_REINTEGRATION, achievedOn: $today}) { id } }`, working, caseevent.KindOutcomeRecorded, "OUTCOME_RECORDED outcomeKind=SOCIAL_REINTEGRATION"},
	{"scheduleMonitoringMeeting", `mutation($id: ID!, $v: Int!, $goal: ID!, $today: Date!) { scheduleMonitoringMeeting(id: $id, version: $v,
		input: {plannedOn: $today, goalIDs: [$goal]}) { id } }`, working, caseevent.KindMonitoringMeetingScheduled, "MONITORING_MEETING_SCHEDULED day={today}"},
	{"moveToMonitoring", `mutation($id: ID!, $v: Int!) { moveToMonitoring(id: $id, version: $v) { id } }`,
		map[casefile.Status]casefile.Status{casefile.StatusInCharge: casefile.StatusMonitoring}, caseevent.KindMonitoringStarted, "MONITORING_STARTED"},
	{"closeCase", `mutation($id: ID!, $v: Int!) { closeCase(id: $id, version: $v, reason: GOALS_MET) { id } }`,
		map[casefile.Status]casefile.Status{casefile.StatusInCharge: casefile.StatusClosed, casefile.StatusMonitoring: casefile.StatusClosed},
		caseevent.KindClosed, "CLOSED closureReason=GOALS_MET"},
	{"reopenCase", `mutation($id: ID!, $v: Int!) { reopenCase(id: $id, version: $v, reason: "Nuova perdita del lavoro") { id } }`,
		map[casefile.Status]casefile.Status{casefile.StatusClosed: casefile.StatusClosed}, caseevent.KindReopened, "REOPENED detail=REOPENED_AS relatedCase=yes"},
	{"transferCase", `mutation($id: ID!, $v: Int!, $t: ID!) { transferCase(id: $id, version: $v, tableID: $t, reason: "Cambio di residenza") { id } }`,
		open, caseevent.KindTransferRequested, "TRANSFER_REQUESTED note=Cambio di residenza toTable=VIN"},
}

var allStatuses = []casefile.Status{casefile.StatusReferred, casefile.StatusUnderAssessment, casefile.StatusInCharge,
	casefile.StatusMonitoring, casefile.StatusClosed, casefile.StatusDeclined}

// TestPathwayStateMachine sends every step from every status, as the
// coordinator of the case's table (who may take them all): a legal one
// moves the case, bumps its version and writes its event; an illegal one
// is refused for the status and leaves the case as it was.
func TestPathwayStateMachine(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		today := domain.Today().String()
		pairs := 0
		for _, step := range pathwaySteps {
			for _, from := range allStatuses {
				id, goalID := w.CaseIn(from)
				if goalID == "" {
					goalID = "gol_none"
				}
				before := w.Snapshot(id)
				r := w.Coord.Send(step.query, map[string]any{"id": id, "v": before.Version, "op": w.OpID, "o": w.Provider,
					"t": w.VinciTable, "goal": goalID, "today": today}, nil)
				after := w.Snapshot(id)
				want, legal := step.legal[from]
				switch {
				case legal && len(r.Errors) > 0:
					t.Errorf("%s from %s: refused, want %s: %s", step.name, from, want, r.Raw)
				case legal:
					if after.Status != want || after.Version != before.Version+1 || w.LastEvent(id) != step.event {
						t.Errorf("%s from %s: status %s version %d event %s, want %s %d %s", step.name, from,
							after.Status, after.Version, w.LastEvent(id), want, before.Version+1, step.event)
					}
					wantValues := strings.NewReplacer("{operator}", demo.OperatorEmail, "{today}", today).Replace(step.values)
					if got := w.LastEventValues(id); got != wantValues {
						t.Errorf("%s from %s: event %q, want %q", step.name, from, got, wantValues)
					}
				default:
					if f, _ := r.Errors[0].Extensions["field"].(string); len(r.Errors) == 0 || r.Code() != "BAD_USER_INPUT" || f != "status" {
						t.Errorf("%s from %s: want BAD_USER_INPUT on status, got %s", step.name, from, r.Raw)
					}
					if after != before {
						t.Errorf("%s from %s: refused but the case changed: %+v, was %+v", step.name, from, after, before)
					}
				}
				pairs++
			}
		}
		t.Logf("%s: %d (status, step) pairs", db.Dialect, pairs)
	})
}

// TestPathwayThroughHTTP carries a case from referral to closure as the
// demo operator and coordinator, then reads its timeline and audit log.
func TestPathwayThroughHTTP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		today := domain.Today()
		taxCode := "DMCNCL90A01D403"
		taxCode += string(domain.TaxCodeCheckChar(taxCode))

		var matches []struct {
			PersonID   gid.ID   `json:"personID"`
			Reasons    []string `json:"reasons"`
			OpenCaseID *gid.ID  `json:"openCaseID"`
		}
		const find = `query($tc: String, $ln: String, $fn: String, $bd: Date) {
			findPersonMatches(taxCode: $tc, lastName: $ln, firstName: $fn, birthDate: $bd) { personID reasons openCaseID } }`
		w.Op.Must(find, map[string]any{"tc": taxCode}, &matches)
		if len(matches) != 0 {
			t.Fatalf("an unknown person matched: %+v", matches)
		}
		var c webtest.CaseState
		w.Op.Must(`mutation($t: ID!, $tc: String) { referCase(input: {tableID: $t, reason: "Perdita del lavoro, affitto arretrato",
			needAreas: [EMPLOYMENT, INCOME], channel: COUNSELLING_DESK, newPerson: {firstName: "Nicolò", lastName: "D'Àmico", taxCode: $tc,
			birthDate: "1990-01-01", gender: MALE, citizenshipArea: ITALY}}) { id code status version } }`,
			map[string]any{"t": w.Empoli, "tc": taxCode}, &c)
		if c.Status != "REFERRED" || c.Version != 1 {
			t.Fatalf("referred case: %+v", c)
		}
		due := w.Client.CaseFile.GetX(w.Ctx, c.ID).FirstMeetingDueOn
		if due == nil || !due.Equal(today.AddDays(60)) {
			t.Errorf("first meeting due %v, want referral + 60 days", due)
		}
		w.Op.Must(find, map[string]any{"ln": "DAMICO", "fn": "nicolo", "bd": "1990-01-01"}, &matches)
		if len(matches) != 1 || matches[0].OpenCaseID == nil || *matches[0].OpenCaseID != c.ID {
			t.Fatalf("the person referred is not found by name: %+v", matches)
		}

		step := func(a *webtest.API, query string, vars map[string]any) {
			t.Helper()
			vars["id"], vars["v"] = c.ID, c.Version
			var out webtest.CaseState
			a.Must(query, vars, &out)
			c.Version++
			if got := w.Client.CaseFile.GetX(w.Ctx, c.ID).Version; got != c.Version {
				t.Fatalf("version %d after a step, want %d", got, c.Version)
			}
		}
		webtest.Refused(t, w.Op.Send(`mutation($id: ID!) { startAssessment(id: $id, version: 1) { id } }`, map[string]any{"id": c.ID}, nil), "FORBIDDEN", "")
		step(w.Coord, `mutation($id: ID!, $v: Int!) { startAssessment(id: $id, version: $v) { id } }`, map[string]any{})
		webtest.Refused(t, w.Coord.Send(`mutation($id: ID!, $v: Int!, $m: ID!) { takeCharge(id: $id, version: $v, caseManagerID: $m,
			plan: {goals: [{area: EMPLOYMENT, description: "Lavoro"}]}) { id } }`, map[string]any{"id": c.ID, "v": c.Version, "m": w.OpID}, nil),
			"BAD_USER_INPUT", "status")
		step(w.Op, `mutation($id: ID!, $v: Int!) { recordPreliminaryAssessment(id: $id, version: $v, input: {summary: "Bisogni di lavoro e reddito",
			findings: [{area: EMPLOYMENT, need: SEVERE, resources: "Esperienza nel magazzino"}, {area: INCOME, need: MODERATE}],
			complexNeeds: true}) { id } }`, map[string]any{})
		step(w.Coord, `mutation($id: ID!, $v: Int!, $op: ID!) { recordInDepthAssessment(id: $id, version: $v, input: {
			summary: "Quadro approfondito", findings: [{area: EMPLOYMENT, need: SEVERE}], teamIDs: [$op]}) { id } }`,
			map[string]any{"op": w.OpID})
		step(w.Coord, `mutation($id: ID!, $v: Int!, $m: ID!) { takeCharge(id: $id, version: $v, caseManagerID: $m, plan: {
			summary: "Ricerca attiva del lavoro", goals: [{area: EMPLOYMENT, description: "Un contratto di lavoro"}],
			commitments: [{kind: VOLUNTEERING, description: "Mensa solidale", hoursAgreed: 40}]}) { id } }`,
			map[string]any{"m": w.OpID})
		var iv struct{ ID gid.ID }
		w.Op.Must(`mutation($id: ID!, $v: Int!, $o: ID!, $f: ID!, $d: Date!) { addIntervention(id: $id, version: $v, input: {
			kind: TRAINING, providerID: $o, startsOn: $d, costCents: 60000, fundID: $f}) { id } }`,
			map[string]any{"id": c.ID, "v": c.Version, "o": w.Provider, "f": w.Fund, "d": today.String()}, &iv)
		c.Version++
		var out struct {
			ID            gid.ID
			FollowUpDueOn domain.Date
		}
		w.Op.Must(`mutation($id: ID!, $v: Int!, $i: ID!, $d: Date!) { recordOutcome(id: $id, version: $v, input: {
			kind: EMPLOYMENT_FIXED_TERM, achievedOn: $d, evidence: "Contratto a termine", interventionID: $i}) { id followUpDueOn } }`,
			map[string]any{"id": c.ID, "v": c.Version, "i": iv.ID, "d": today.String()}, &out)
		c.Version++
		if !out.FollowUpDueOn.Equal(today.AddMonths(6)) {
			t.Errorf("follow-up due %v, want six months on", out.FollowUpDueOn)
		}
		// The follow-up contacts the person: first the basis for it.
		webtest.Refused(t, w.Op.Send(`mutation($id: ID!, $v: Int!) { recordFollowUp(id: $id, version: $v, input: {stillHeld: true}) { id } }`,
			map[string]any{"id": out.ID, "v": c.Version}, nil), "CONFLICT", "")
		w.Op.Must(`mutation($c: ID!) { recordConsent(input: {caseID: $c, purpose: FOLLOW_UP, basis: CONSENT, formReference: "Modulo privacy"}) { id } }`,
			map[string]any{"c": c.ID}, nil)
		// Not before it falls due: a job checked the day it began would
		// count as held six months on.
		webtest.Refused(t, w.Op.Send(`mutation($id: ID!, $v: Int!) { recordFollowUp(id: $id, version: $v, input: {stillHeld: true}) { id } }`,
			map[string]any{"id": out.ID, "v": c.Version}, nil), "BAD_USER_INPUT", "followedUpOn")
		if o := w.Client.Outcome.GetX(w.Ctx, out.ID); o.FollowedUpOn != nil || o.StillHeld != nil {
			t.Error("the refused follow-up was recorded")
		}
		// Six months on (the due date moved back as time would have).
		w.Client.Outcome.UpdateOneID(out.ID).SetFollowUpDueOn(today).ExecX(w.Ctx)
		w.Op.Must(`mutation($id: ID!, $v: Int!) { recordFollowUp(id: $id, version: $v, input: {stillHeld: true}) { id } }`,
			map[string]any{"id": out.ID, "v": c.Version}, nil)
		c.Version++
		webtest.Refused(t, w.Coord.Send(`mutation($id: ID!, $v: Int!) { closeCase(id: $id, version: $v, reason: GOALS_MET) { id } }`,
			map[string]any{"id": c.ID, "v": c.Version}, nil), "BAD_USER_INPUT", "status")
		w.Op.Must(`mutation($id: ID!, $v: Int!) { updateIntervention(id: $id, version: $v, input: {status: COMPLETED}) { id } }`,
			map[string]any{"id": iv.ID, "v": c.Version}, nil)
		c.Version++
		step(w.Op, `mutation($id: ID!, $v: Int!) { closeCase(id: $id, version: $v, reason: GOALS_MET, note: "Assunto") { id } }`, map[string]any{})
		// The Empoli table wants closures approved: the case manager's is a
		// proposal, which the coordinator approves.
		proposal := w.Client.Approval.Query().Where(approval.HasCaseWith(casefile.ID(c.ID)), approval.StatusEQ(approval.StatusPENDING)).OnlyIDX(w.Ctx)
		step(w.Coord, `mutation($approval: ID!, $v: Int!) { approveProposal(id: $approval, version: $v) { id } }`, map[string]any{"approval": proposal})

		// Each event carries what its step involved as values, and only
		// the user's text as its note: the web app writes the sentences.
		var timeline struct {
			Status string
			Events struct {
				Edges []struct{ Node map[string]any }
			}
		}
		w.Coord.Must(`query($id: ID!) { node(id: $id) { ... on Case { status events(first: 50, orderBy: [{field: OCCURRED_AT}]) {
			edges { node { kind note detail assessmentLevel interventionKind interventionStatus outcomeKind stillHeld closureReason day
			assignee { id } fromTable { id } toTable { id } relatedCase { id } } } } } } }`, map[string]any{"id": c.ID}, &timeline)
		var events []string
		for _, e := range timeline.Events.Edges {
			events = append(events, eventValues(e.Node))
		}
		wantEvents := []string{"REFERRED", "ASSESSMENT_STARTED", "ASSESSMENT_RECORDED assessmentLevel=PRELIMINARY",
			"ASSESSMENT_RECORDED assessmentLevel=IN_DEPTH", "TAKEN_IN_CHARGE assignee=" + string(w.OpID),
			"INTERVENTION_ADDED interventionKind=TRAINING", "OUTCOME_RECORDED outcomeKind=EMPLOYMENT_FIXED_TERM",
			"FOLLOW_UP_RECORDED outcomeKind=EMPLOYMENT_FIXED_TERM stillHeld=true",
			"INTERVENTION_UPDATED interventionKind=TRAINING interventionStatus=COMPLETED", "PROPOSED note=Assunto", "PROPOSAL_APPROVED",
			"CLOSED note=Assunto closureReason=GOALS_MET"}
		if timeline.Status != "CLOSED" || !slices.Equal(events, wantEvents) {
			t.Errorf("case %s with timeline\n%s\nwant CLOSED with\n%s", timeline.Status, strings.Join(events, "\n"), strings.Join(wantEvents, "\n"))
		}

		audit := w.Client.AuditEvent.Query().Where(auditevent.EntityID(string(c.ID)), auditevent.EntityType("Case"),
			auditevent.ActionNotIn("CREATE", "UPDATE")).Order(ent.Asc(auditevent.FieldOccurredAt)).WithActor().AllX(w.Ctx)
		var actions []string
		for _, e := range audit {
			actions = append(actions, e.Action+" by "+e.Edges.Actor.Email)
		}
		o, k := demo.OperatorEmail, demo.CoordinatorEmail
		wantActions := []string{"REFER_CASE by " + o, "START_ASSESSMENT by " + k, "RECORD_PRELIMINARY_ASSESSMENT by " + o,
			"RECORD_IN_DEPTH_ASSESSMENT by " + k, "TAKE_CHARGE by " + k, "ADD_INTERVENTION by " + o, "RECORD_OUTCOME by " + o,
			"RECORD_FOLLOW_UP by " + o, "UPDATE_INTERVENTION by " + o, "PROPOSE_CLOSURE by " + o, "APPROVE_PROPOSAL by " + k, "CLOSE_CASE by " + k}
		if !slices.Equal(actions, wantActions) {
			t.Errorf("audit of the case\n%v\nwant\n%v", actions, wantActions)
		}
	})
}

// TestConcurrentSteps sends two clients' steps on the same version of a
// case at once, on real connections: exactly one wins.
func TestConcurrentSteps(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		second := webtest.As(t, w.Base, demo.CoordinatorEmail)
		race := func(from casefile.Status, query string) {
			id, _ := w.CaseIn(from)
			version := w.Snapshot(id).Version
			codes := make([]string, 2)
			var start, done sync.WaitGroup
			start.Add(1)
			for i, a := range []*webtest.API{w.Coord, second} {
				done.Add(1)
				go func() {
					defer done.Done()
					start.Wait()
					codes[i] = a.Post(query, map[string]any{"id": id, "v": version, "m": w.OpID}).Code()
				}()
			}
			start.Done()
			done.Wait()
			slices.Sort(codes)
			if !slices.Equal(codes, []string{"", "CONFLICT"}) {
				t.Errorf("from %s: results %q, want one success and one CONFLICT", from, codes)
			}
			if got := w.Snapshot(id).Version; got != version+1 {
				t.Errorf("from %s: version %d, want %d", from, got, version+1)
			}
		}
		for range 5 {
			race(casefile.StatusUnderAssessment, `mutation($id: ID!, $v: Int!, $m: ID!) { takeCharge(id: $id, version: $v,
				caseManagerID: $m, plan: {goals: [{area: INCOME, description: "Reddito"}]}) { id } }`)
			race(casefile.StatusInCharge, `mutation($id: ID!, $v: Int!) { closeCase(id: $id, version: $v, reason: OTHER) { id } }`)
		}
	})
}

// TestStaleVersion: a step on a version the case has left is refused
// with the current one.
func TestStaleVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		id, _ := w.CaseIn(casefile.StatusInCharge)
		before := w.Snapshot(id)
		r := w.Coord.Send(`mutation($id: ID!, $v: Int!) { moveToMonitoring(id: $id, version: $v) { id } }`,
			map[string]any{"id": id, "v": before.Version - 1}, nil)
		webtest.Refused(t, r, "CONFLICT", "")
		if v, _ := r.Errors[0].Extensions["currentVersion"].(float64); int(v) != before.Version || r.Errors[0].Extensions["currentStatus"] != "IN_CHARGE" {
			t.Errorf("the conflict does not give the current state: %s", r.Raw)
		}
		if after := w.Snapshot(id); after != before {
			t.Errorf("a stale step changed the case: %+v, was %+v", after, before)
		}
		webtest.Refused(t, w.Vinci.Send(`mutation($id: ID!, $v: Int!) { moveToMonitoring(id: $id, version: $v) { id } }`,
			map[string]any{"id": id, "v": before.Version}, nil), "NOT_FOUND", "")
	})
}

// TestDuplicatePersons: a person is found by tax code or by names however
// spelt, and never recorded twice.
func TestDuplicatePersons(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		taxCode := "RSSLRA85M41D403"
		taxCode += string(domain.TaxCodeCheckChar(taxCode))
		const refer = `mutation($t: ID!, $p: NewPersonInput, $pid: ID, $pi: PersonIdentifiersInput) { referCase(input: {tableID: $t,
			reason: "Sfratto", needAreas: [HOUSING], channel: SELF_REFERRAL, newPerson: $p, personID: $pid, personIdentifiers: $pi}) { id } }`
		laura := map[string]any{"firstName": "Làura Maria", "lastName": "De' Rossi", "taxCode": taxCode,
			"birthDate": "1985-08-01", "gender": "FEMALE", "citizenshipArea": "ITALY"}
		var first webtest.CaseState
		w.Op.Must(refer, map[string]any{"t": w.Empoli, "p": laura}, &first)
		persons := w.Client.Person.Query().CountX(w.Ctx)

		// Same tax code, another spelling: refused, even as "not a duplicate".
		other := map[string]any{"firstName": "Laura", "lastName": "Rossi", "taxCode": taxCode, "birthDate": "1985-08-01",
			"gender": "FEMALE", "citizenshipArea": "ITALY", "notADuplicate": true}
		r := w.Op.Send(refer, map[string]any{"t": w.Empoli, "p": other}, nil)
		webtest.Refused(t, r, "CONFLICT", "")
		// Same names and birth date, other accents and case, no tax code.
		spelt := map[string]any{"firstName": "LAURA MARIA", "lastName": "de rossi", "birthDate": "1985-08-01",
			"gender": "FEMALE", "citizenshipArea": "ITALY"}
		r = w.Vinci.Send(refer, map[string]any{"t": w.VinciTable, "p": spelt}, nil)
		webtest.Refused(t, r, "CONFLICT", "")
		if ids, _ := r.Errors[0].Extensions["personIds"].([]any); len(ids) != 1 {
			t.Errorf("the conflict does not name the known person: %s", r.Raw)
		}
		// Linking the known person, who has an open case: that case back.
		pid := w.Client.CaseFile.Query().Where(casefile.ID(first.ID)).QueryPerson().OnlyIDX(w.Ctx)
		byTaxCode := map[string]any{"taxCode": strings.ToLower(taxCode[:8]) + " " + taxCode[8:]} // as findPersonMatches takes it
		r = w.Vinci.Send(refer, map[string]any{"t": w.VinciTable, "pid": pid, "pi": byTaxCode}, nil)
		webtest.Refused(t, r, "CONFLICT", "")
		if r.Errors[0].Extensions["caseId"] != string(first.ID) {
			t.Errorf("the conflict does not give the open case %s: %s", first.ID, r.Raw)
		}
		if got := w.Client.Person.Query().CountX(w.Ctx); got != persons {
			t.Errorf("%d persons after refused referrals, want %d", got, persons)
		}
		// Once that case is over, the same person is referred again.
		w.Client.CaseFile.UpdateOneID(first.ID).SetStatus(casefile.StatusDeclined).SetClosedOn(domain.Today()).
			SetDeclineReason("Trasferita a Vinci").ExecX(w.Ctx)
		var second webtest.CaseState
		w.Vinci.Must(refer, map[string]any{"t": w.VinciTable, "pid": pid, "pi": byTaxCode}, &second)
		// A homonym born the same day, checked by the referrer, is recorded.
		spelt["notADuplicate"] = true
		w.Coord.Must(refer, map[string]any{"t": w.Empoli, "p": spelt}, nil)
		if got := w.Client.Person.Query().CountX(w.Ctx); got != persons+1 {
			t.Errorf("%d persons, want %d", got, persons+1)
		}
	})
}

// TestAnswerShowsTheChange: a mutation's answer reads through its own
// transaction: the fund an intervention is charged to shows the cost it
// now commits, as a fresh query does afterwards.
func TestAnswerShowsTheChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		today := domain.Today()
		id, _ := w.CaseIn(casefile.StatusInCharge)
		type use struct{ CommittedCents, AvailableCents int64 }
		var before struct{ Use use }
		w.Coord.Must(`query($f: ID!) { node(id: $f) { ... on Fund { use { committedCents availableCents } } } }`,
			map[string]any{"f": w.Fund}, &before)
		var answer struct{ Fund struct{ Use use } } // send decodes the root field's value
		w.Coord.Must(`mutation($id: ID!, $v: Int!, $o: ID!, $f: ID, $s: Date!) { addIntervention(id: $id, version: $v,
			input: {kind: INCOME_SUPPORT, providerID: $o, startsOn: $s, costCents: 1234, fundID: $f}) { fund { use { committedCents availableCents } } } }`,
			map[string]any{"id": id, "v": w.Snapshot(id).Version, "o": w.Provider, "f": w.Fund, "s": today.String()}, &answer)
		var after struct{ Use use }
		w.Coord.Must(`query($f: ID!) { node(id: $f) { ... on Fund { use { committedCents availableCents } } } }`,
			map[string]any{"f": w.Fund}, &after)
		if answer.Fund.Use != after.Use || after.Use.CommittedCents != before.Use.CommittedCents+1234 {
			t.Errorf("fund use before %+v, in the answer %+v, after %+v", before.Use, answer.Fund.Use, after.Use)
		}
	})
}

// TestPathwayRefusals: input that breaks a rule is refused as
// BAD_USER_INPUT on the field at fault, and nothing is written.
func TestPathwayRefusals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		today := domain.Today()
		id, _ := w.CaseIn(casefile.StatusInCharge)
		const add = `mutation($id: ID!, $v: Int!, $o: ID!, $f: ID, $s: Date!, $e: Date, $cost: Int) { addIntervention(id: $id,
			version: $v, input: {kind: INCOME_SUPPORT, providerID: $o, startsOn: $s, endsOn: $e, costCents: $cost, fundID: $f}) { id } }`
		vars := func(cost int, ends domain.Date) map[string]any {
			return map[string]any{"id": id, "v": w.Snapshot(id).Version, "o": w.Provider, "f": w.Fund,
				"s": today.String(), "e": ends.String(), "cost": cost}
		}
		w.Coord.Must(add, vars(80_000, today.AddDays(30)), nil)
		done := w.Client.Intervention.Create().SetCaseID(id).SetProviderID(w.Provider).SetKind("TRAINING").
			SetStartsOn(today).SetStatus("COMPLETED").SaveX(w.Ctx)
		for _, tc := range []struct {
			name, field string
			send        func() webtest.Response
		}{
			{"over the fund", "costCents", func() webtest.Response { return w.Coord.Send(add, vars(30_000, today.AddDays(30)), nil) }},
			{"ends before it starts", "endsOn", func() webtest.Response { return w.Coord.Send(add, vars(100, today.AddDays(-1)), nil) }},
			{"a case manager from another table", "caseManagerID", func() webtest.Response {
				return w.Coord.Send(`mutation($id: ID!, $v: Int!, $m: ID!) { assignCaseManager(id: $id, version: $v, caseManagerID: $m) { id } }`,
					map[string]any{"id": id, "v": w.Snapshot(id).Version, "m": w.VinID}, nil)
			}},
			{"an internship over 36 months", "endsOn", func() webtest.Response {
				return w.Coord.Send(`mutation($id: ID!, $v: Int!, $o: ID!, $s: Date!, $e: Date!) { addIntervention(id: $id, version: $v,
					input: {kind: INTERNSHIP, providerID: $o, startsOn: $s, endsOn: $e}) { id } }`, map[string]any{"id": id, "v": w.Snapshot(id).Version,
					"o": w.Provider, "s": today.String(), "e": today.AddMonths(37).String()}, nil)
			}},
			{"a completed intervention planned again", "status", func() webtest.Response {
				return w.Coord.Send(`mutation($i: ID!, $v: Int!) { updateIntervention(id: $i, version: $v, input: {status: PLANNED}) { id } }`,
					map[string]any{"i": done.ID, "v": w.Snapshot(id).Version}, nil)
			}},
			{"an outcome before the referral", "achievedOn", func() webtest.Response {
				return w.Coord.Send(`mutation($id: ID!, $v: Int!) { recordOutcome(id: $id, version: $v, input: {kind: OTHER,
					achievedOn: "2001-01-01"}) { id } }`, map[string]any{"id": id, "v": w.Snapshot(id).Version}, nil)
			}},
		} {
			before := w.Snapshot(id)
			webtest.Refused(t, tc.send(), "BAD_USER_INPUT", tc.field)
			if after := w.Snapshot(id); after != before {
				t.Errorf("%s: refused but written: %+v, was %+v", tc.name, after, before)
			}
		}
		closed, _ := w.CaseIn(casefile.StatusClosed)
		before := w.Snapshot(closed)
		webtest.Refused(t, w.Coord.Send(`mutation($id: ID!, $v: Int!, $d: Date!) { recordOutcome(id: $id, version: $v, input: {
			kind: HOUSING_SECURED, achievedOn: $d}) { id } }`, map[string]any{"id": closed, "v": before.Version, "d": today.String()}, nil),
			"BAD_USER_INPUT", "status")
		if after := w.Snapshot(closed); after != before {
			t.Errorf("an outcome on a closed case was written: %+v", after)
		}
	})
}

// agendaIDs reads lists of the viewer's agenda as sets of IDs.
func agendaIDs(a *webtest.API, lists ...string) map[string][]gid.ID {
	a.T.Helper()
	q := "{ agenda(horizonDays: 30) {"
	for _, l := range lists {
		q += " " + l + "(first: 100) { edges { node { id } } }"
	}
	var out map[string]struct {
		Edges []struct{ Node struct{ ID gid.ID } }
	}
	a.Must(q+" } }", nil, &out)
	ids := map[string][]gid.ID{}
	for name, conn := range out {
		for _, e := range conn.Edges {
			ids[name] = append(ids[name], e.Node.ID)
		}
	}
	return ids
}

// TestAgendaAndTransfers follows referrals, deadlines, transfers and
// monitoring meetings into the agendas of the people who act on them.
func TestAgendaAndTransfers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		today := domain.Today()
		steering := webtest.As(t, w.Base, demo.SteeringEmail)
		// The Vinci table's coordinator is not a demo account: give them one.
		hash, err := auth.HashPassword(demo.Password)
		if err != nil {
			t.Fatal(err)
		}
		vinciCoordinator := w.Client.TerritorialTable.Query().Where(territorialtable.ID(w.VinciTable)).QueryCoordinator().OnlyX(w.Ctx)
		vinciCoordinator.Update().SetPasswordHash(hash).ExecX(w.Ctx)
		vinciCoord := webtest.As(t, w.Base, vinciCoordinator.Email)

		// A referral past its first-meeting deadline waits, overdue.
		late, _ := w.CaseIn(casefile.StatusReferred)
		w.Client.CaseFile.UpdateOneID(late).SetFirstMeetingDueOn(today.AddDays(-1)).ExecX(w.Ctx)
		got := agendaIDs(w.Coord, "referralsWaiting", "overdueCases")
		if !slices.Contains(got["referralsWaiting"], late) || !slices.Contains(got["overdueCases"], late) {
			t.Errorf("the late referral is not in the coordinator's agenda: %v", got)
		}
		var overdue struct{ Overdue bool }
		w.Coord.Must(`query($id: ID!) { node(id: $id) { ... on Case { overdue } } }`, map[string]any{"id": late}, &overdue)
		if !overdue.Overdue {
			t.Error("the late referral is not marked overdue")
		}
		// The committee gives the table more time: the deadline follows.
		webtest.Refused(t, w.Coord.Send(`mutation($t: ID!) { setTableTimeLimits(id: $t, daysToFirstMeeting: 90, daysToPlan: 150) { id } }`,
			map[string]any{"t": w.Empoli}, nil), "FORBIDDEN", "")
		steering.Must(`mutation($t: ID!) { setTableTimeLimits(id: $t, daysToFirstMeeting: 90, daysToPlan: 150) { id } }`,
			map[string]any{"t": w.Empoli}, nil)
		lateCase := w.Client.CaseFile.GetX(w.Ctx, late)
		if !lateCase.FirstMeetingDueOn.Equal(lateCase.ReferredOn.AddDays(90)) {
			t.Errorf("first meeting due %v after the new limit, want referral + 90 days", lateCase.FirstMeetingDueOn)
		}
		if slices.Contains(agendaIDs(w.Coord, "overdueCases")["overdueCases"], late) {
			t.Error("the referral is still overdue after the new limit")
		}
		// Declined: the referring operator is told.
		w.Coord.Must(`mutation($id: ID!, $v: Int!) { declineReferral(id: $id, version: $v, reason: "Seguita dal SERD") { id } }`,
			map[string]any{"id": late, "v": w.Snapshot(late).Version}, nil)
		if !slices.Contains(agendaIDs(w.Op, "declinedReferrals")["declinedReferrals"], late) {
			t.Error("the declined referral is not in the referrer's agenda")
		}

		// A transfer waits for the receiving coordinator, who accepts it.
		moving, _ := w.CaseIn(casefile.StatusInCharge)
		const transfer = `mutation($id: ID!, $v: Int!, $t: ID!) { transferCase(id: $id, version: $v, tableID: $t, reason: "Trasloco a Vinci") { id } }`
		w.Coord.Must(transfer, map[string]any{"id": moving, "v": w.Snapshot(moving).Version, "t": w.VinciTable}, nil)
		if !slices.Contains(agendaIDs(vinciCoord, "incomingTransfers")["incomingTransfers"], moving) {
			t.Error("the transfer is not in the receiving coordinator's agenda")
		}
		webtest.Refused(t, w.Coord.Send(`mutation($id: ID!, $v: Int!) { acceptTransfer(id: $id, version: $v) { id } }`,
			map[string]any{"id": moving, "v": w.Snapshot(moving).Version}, nil), "FORBIDDEN", "")
		vinciCoord.Must(`mutation($id: ID!, $v: Int!) { acceptTransfer(id: $id, version: $v) { id } }`,
			map[string]any{"id": moving, "v": w.Snapshot(moving).Version}, nil)
		moved := w.Client.CaseFile.Query().Where(casefile.ID(moving)).WithTable().WithCaseManager().OnlyX(w.Ctx)
		if moved.Edges.Table.ID != w.VinciTable || moved.Edges.CaseManager != nil || moved.Status != casefile.StatusInCharge {
			t.Errorf("after the transfer: table %s, manager %v, status %s", moved.Edges.Table.Name, moved.Edges.CaseManager, moved.Status)
		}
		if !slices.Contains(agendaIDs(vinciCoord, "casesWithoutManager")["casesWithoutManager"], moving) {
			t.Error("the transferred case is not waiting for a case manager")
		}
		// The sending table no longer sees it; the referrer still does.
		webtest.Refused(t, w.Coord.Send(`mutation($id: ID!) { addNote(id: $id, text: "Ancora noi") { id } }`, map[string]any{"id": moving}, nil), "NOT_FOUND", "")
		w.Op.Must(`mutation($id: ID!) { addNote(id: $id, text: "Saluti dalla segnalante") { id } }`, map[string]any{"id": moving}, nil)
		// Another is withdrawn by the sending coordinator.
		staying, _ := w.CaseIn(casefile.StatusMonitoring)
		w.Coord.Must(transfer, map[string]any{"id": staying, "v": w.Snapshot(staying).Version, "t": w.VinciTable}, nil)
		w.Coord.Must(`mutation($id: ID!, $v: Int!) { declineTransfer(id: $id, version: $v, reason: "Resta a Empoli") { id } }`,
			map[string]any{"id": staying, "v": w.Snapshot(staying).Version}, nil)
		if c := w.Client.CaseFile.Query().Where(casefile.ID(staying)).WithTable().OnlyX(w.Ctx); c.Edges.Table.ID != w.Empoli ||
			c.QueryTransferTo().ExistX(w.Ctx) || w.LastEvent(staying) != caseevent.KindTransferDeclined {
			t.Error("the withdrawn transfer moved the case or left a transfer pending")
		}

		// A monitoring meeting is due, then recorded: the goal takes its status.
		watched, goalID := w.CaseIn(casefile.StatusMonitoring)
		var meeting struct {
			ID    gid.ID
			Items struct {
				Edges []struct{ Node struct{ ID gid.ID } }
			}
		}
		w.Coord.Must(`mutation($id: ID!, $v: Int!, $g: ID!, $d: Date!) { scheduleMonitoringMeeting(id: $id, version: $v,
			input: {plannedOn: $d, goalIDs: [$g]}) { id items(first: 10) { edges { node { id } } } } }`,
			map[string]any{"id": watched, "v": w.Snapshot(watched).Version, "g": goalID, "d": today.String()}, &meeting)
		if !slices.Contains(agendaIDs(w.Coord, "monitoringMeetingsDue")["monitoringMeetingsDue"], meeting.ID) || len(meeting.Items.Edges) != 1 {
			t.Errorf("the meeting %s with %d items is not in the agenda", meeting.ID, len(meeting.Items.Edges))
		}
		w.Op.Must(`mutation($id: ID!, $v: Int!, $item: ID!) { recordMonitoringMeeting(id: $id, version: $v, input: {
			summary: "Obiettivo raggiunto", items: [{itemID: $item, progress: "Contratto firmato", goalStatus: ACHIEVED}]}) { id } }`,
			map[string]any{"id": meeting.ID, "v": w.Snapshot(watched).Version, "item": meeting.Items.Edges[0].Node.ID}, nil)
		if st := w.Client.Goal.GetX(w.Ctx, goalID).Status; st != "ACHIEVED" {
			t.Errorf("goal %s after the meeting, want ACHIEVED", st)
		}
		if slices.Contains(agendaIDs(w.Coord, "monitoringMeetingsDue")["monitoringMeetingsDue"], meeting.ID) {
			t.Error("a recorded meeting is still due")
		}
	})
}

// TestAgendaOfTheCaseManager puts a plan review, a follow-up, an ending
// intervention and an overdue commitment on a case the coordinator
// manages, and finds each in their agenda only while it is due.
func TestAgendaOfTheCaseManager(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		today := domain.Today()
		id, _ := w.CaseIn(casefile.StatusInCharge)
		c := w.Client.CaseFile.Query().Where(casefile.ID(id)).WithPlan().OnlyX(w.Ctx)
		plan := c.Edges.Plan.Update().SetReviewOn(today.AddDays(10)).SaveX(w.Ctx)
		ending := w.Client.Intervention.Create().SetCaseID(id).SetProviderID(w.Provider).SetKind("TRAINING").
			SetStartsOn(today.AddDays(-20)).SetEndsOn(today.AddDays(5)).SetStatus("ONGOING").SaveX(w.Ctx)
		later := w.Client.Intervention.Create().SetCaseID(id).SetProviderID(w.Provider).SetKind("TRAINING").
			SetStartsOn(today.AddDays(-20)).SetEndsOn(today.AddDays(200)).SetStatus("ONGOING").SaveX(w.Ctx)
		followUp := w.Client.Outcome.Create().SetCaseID(id).SetKind("EMPLOYMENT_PERMANENT").SetValueDimension("ECONOMIC").
			SetAchievedOn(today.AddDays(-25)).SetFollowUpDueOn(today).SaveX(w.Ctx)
		overdue := w.Client.Commitment.Create().SetPlanID(plan.ID).SetKind("VOLUNTEERING").SetDescription("Mensa").
			SetHoursAgreed(40).SetHoursDone(10).SetDueOn(today.AddDays(-1)).SaveX(w.Ctx)
		met := w.Client.Commitment.Create().SetPlanID(plan.ID).SetKind("VOLUNTEERING").SetDescription("Biblioteca").
			SetHoursAgreed(20).SetHoursDone(20).SetDueOn(today.AddDays(-1)).SaveX(w.Ctx)

		got := agendaIDs(w.Coord, "planReviewsDue", "followUpsDue", "interventionsEnding", "overdueCommitments")
		for list, want := range map[string]gid.ID{"planReviewsDue": plan.ID, "followUpsDue": followUp.ID,
			"interventionsEnding": ending.ID, "overdueCommitments": overdue.ID} {
			if !slices.Contains(got[list], want) {
				t.Errorf("%s lacks %s: %v", list, want, got[list])
			}
		}
		if slices.Contains(got["interventionsEnding"], later.ID) || slices.Contains(got["overdueCommitments"], met.ID) {
			t.Error("the agenda lists an intervention ending in 200 days, or a commitment whose hours are done")
		}
		// The operator manages none of it: their agenda stays clear of it.
		other := agendaIDs(w.Op, "planReviewsDue", "overdueCommitments")
		if slices.Contains(other["planReviewsDue"], plan.ID) || slices.Contains(other["overdueCommitments"], overdue.ID) {
			t.Error("the agenda of a member who does not manage the case lists its reviews")
		}
		// Once followed up, the outcome is off the agenda.
		w.Coord.Must(`mutation($id: ID!, $v: Int!) { recordFollowUp(id: $id, version: $v, input: {stillHeld: true}) { id } }`,
			map[string]any{"id": followUp.ID, "v": w.Snapshot(id).Version}, nil)
		if slices.Contains(agendaIDs(w.Coord, "followUpsDue")["followUpsDue"], followUp.ID) {
			t.Error("a follow-up recorded is still due")
		}
	})
}

// eventValues writes a timeline event as its kind and the values it
// carries, in the order of the query (an object by its id), as
// World.LastEventValues does.
func eventValues(node map[string]any) string {
	out := []string{node["kind"].(string)}
	for _, k := range []string{"note", "detail", "assessmentLevel", "interventionKind", "interventionStatus", "outcomeKind", "stillHeld",
		"closureReason", "day", "assignee", "fromTable", "toTable", "relatedCase"} {
		switch v := node[k].(type) {
		case nil:
		case string:
			if v != "" { // a note left empty
				out = append(out, k+"="+v)
			}
		case map[string]any:
			out = append(out, fmt.Sprintf("%s=%v", k, v["id"]))
		default:
			out = append(out, fmt.Sprintf("%s=%v", k, v))
		}
	}
	return strings.Join(out, " ")
}

// TestCloseCaseMarksGoalsAndCommitments closes a case with the goals met
// while a goal is open and a commitment has no hours done: the closure
// marks them achieved and fulfilled in its own step, each change on the
// timeline and in the audit as its update step writes it; a goal or
// commitment of another case refuses the whole step.
func TestCloseCaseMarksGoalsAndCommitments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		id, goalID := w.CaseIn(casefile.StatusInCharge)
		_, otherGoal := w.CaseIn(casefile.StatusInCharge)
		p := w.Client.Plan.Query().Where(plan.HasCaseWith(casefile.ID(id))).OnlyX(w.Ctx)
		cmt := w.Client.Commitment.Create().SetPlan(p).SetKind(commitment.KindVolunteering).
			SetDescription("Mensa solidale").SetHoursAgreed(12).SaveX(w.Ctx).ID
		closeCase := `mutation($id: ID!, $v: Int!, $g: [ID!], $c: [ID!]) { closeCase(id: $id, version: $v, reason: GOALS_MET,
			goalsAchieved: $g, commitmentsFulfilled: $c) { id status } }`
		unchanged := func(what string, before webtest.Snapshot) {
			t.Helper()
			if after := w.Snapshot(id); after != before {
				t.Fatalf("%s was refused but changed the case: %+v, was %+v", what, after, before)
			}
			if g := w.Client.Goal.GetX(w.Ctx, goalID); g.Status != goal.StatusOpen {
				t.Fatalf("%s was refused but the goal is %s", what, g.Status)
			}
			if c := w.Client.Commitment.GetX(w.Ctx, cmt); c.HoursDone != 0 {
				t.Fatalf("%s was refused but the commitment has %d hours done", what, c.HoursDone)
			}
		}

		before := w.Snapshot(id)
		webtest.Refused(t, w.Coord.Send(closeCase, map[string]any{"id": id, "v": before.Version, "g": []gid.ID{goalID, otherGoal}, "c": []gid.ID{cmt}}, nil),
			"BAD_USER_INPUT", "goalsAchieved")
		unchanged("a goal of another case", before)
		webtest.Refused(t, w.Coord.Send(closeCase, map[string]any{"id": id, "v": before.Version, "g": []gid.ID{goalID}, "c": []gid.ID{goalID}}, nil),
			"BAD_USER_INPUT", "commitmentsFulfilled")
		unchanged("a goal named as a commitment", before)
		webtest.Refused(t, w.Op.Send(closeCase, map[string]any{"id": id, "v": before.Version, "g": []gid.ID{goalID}}, nil), "FORBIDDEN", "")
		unchanged("the operator's closure", before)

		var out webtest.CaseState
		w.Coord.Must(closeCase, map[string]any{"id": id, "v": before.Version, "g": []gid.ID{goalID, goalID}, "c": []gid.ID{cmt}}, &out)
		after := w.Snapshot(id)
		if out.Status != "CLOSED" || after.Version != before.Version+1 || after.Events != before.Events+3 {
			t.Fatalf("closed %s at v%d with %d events; want CLOSED at v%d with %d", out.Status, after.Version, after.Events, before.Version+1, before.Events+3)
		}
		if g := w.Client.Goal.GetX(w.Ctx, goalID); g.Status != goal.StatusAchieved {
			t.Errorf("goal %s after the closure, want ACHIEVED", g.Status)
		}
		if c := w.Client.Commitment.GetX(w.Ctx, cmt); c.HoursDone != 12 {
			t.Errorf("commitment with %d hours done after the closure, want the 12 agreed", c.HoursDone)
		}
		if g := w.Client.Goal.GetX(w.Ctx, otherGoal); g.Status != goal.StatusOpen {
			t.Errorf("the other case's goal is %s", g.Status)
		}
		var actions []string
		for _, e := range w.Client.AuditEvent.Query().Where(auditevent.EntityID(string(id)), auditevent.ActionIn("UPDATE_GOAL", "UPDATE_COMMITMENT", "CLOSE_CASE")).
			AllX(w.Ctx) {
			actions = append(actions, e.Action)
		}
		slices.Sort(actions)
		if want := []string{"CLOSE_CASE", "UPDATE_COMMITMENT", "UPDATE_GOAL"}; !slices.Equal(actions, want) {
			t.Errorf("audit of the closure %v, want %v", actions, want)
		}
		var marks []string
		for _, e := range w.Client.CaseEvent.Query().Where(caseevent.HasCaseWith(casefile.ID(id)), caseevent.KindEQ(caseevent.KindPlanUpdated)).AllX(w.Ctx) {
			marks = append(marks, fmt.Sprintf("%v %s", *e.Detail, e.Note))
		}
		slices.Sort(marks)
		if want := []string{"COMMITMENT_FULFILLED Mensa solidale", "GOAL_ACHIEVED Reddito stabile"}; !slices.Equal(marks, want) {
			t.Errorf("timeline of the closure %q, want %q", marks, want)
		}
	})
}
