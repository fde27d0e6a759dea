package web_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/assessment"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/plan"
	"github.com/progetto-win/win/ent/servicerequest"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// actionRequests take each CaseAction on an actionCase, with input the
// server accepts whenever the action is allowed.
var actionRequests = map[string]string{
	"START_ASSESSMENT": `mutation($id: ID!, $v: Int!) { startAssessment(id: $id, version: $v) { id } }`,
	"RECORD_PRELIMINARY_ASSESSMENT": `mutation($id: ID!, $v: Int!) { recordPreliminaryAssessment(id: $id, version: $v,
		input: {summary: "Sintesi", findings: [{area: INCOME, need: MODERATE}], complexNeeds: true}) { id } }`,
	"RECORD_IN_DEPTH_ASSESSMENT": `mutation($id: ID!, $v: Int!, $op: ID!) { recordInDepthAssessment(id: $id, version: $v,
		input: {summary: "Sintesi", findings: [{area: INCOME, need: SEVERE}], teamIDs: [$op]}) { id } }`,
	"DECLINE_REFERRAL": `mutation($id: ID!, $v: Int!) { declineReferral(id: $id, version: $v, reason: "Fuori dai criteri") { id } }`,
	"TAKE_CHARGE": `mutation($id: ID!, $v: Int!, $op: ID!) { takeCharge(id: $id, version: $v, caseManagerID: $op,
		plan: {goals: [{area: INCOME, description: "Stabilizzare il reddito"}]}) { id } }`,
	"ASSIGN_CASE_MANAGER": `mutation($id: ID!, $v: Int!, $op: ID!) { assignCaseManager(id: $id, version: $v, caseManagerID: $op) { id } }`,
	"UPDATE_PLAN":         `mutation($id: ID!, $v: Int!) { updatePlan(id: $id, version: $v, input: {summary: "Rivisto"}) { id } }`,
	"ADD_GOAL":            `mutation($id: ID!, $v: Int!) { addGoal(id: $id, version: $v, input: {area: HOUSING, description: "Casa"}) { id } }`,
	"UPDATE_GOAL":         `mutation($goal: ID!, $v: Int!) { updateGoal(id: $goal, version: $v, input: {status: ACHIEVED}) { id } }`,
	"ADD_COMMITMENT": `mutation($id: ID!, $v: Int!) { addCommitment(id: $id, version: $v,
		input: {kind: VOLUNTEERING, description: "Mensa", hoursAgreed: 20}) { id } }`,
	"UPDATE_COMMITMENT": `mutation($commitment: ID!, $v: Int!) { updateCommitment(id: $commitment, version: $v, input: {hoursDone: 2}) { id } }`,
	"ADD_INTERVENTION": `mutation($id: ID!, $v: Int!, $o: ID!, $today: Date!) { addIntervention(id: $id, version: $v,
		input: {kind: TRAINING, providerID: $o, startsOn: $today}) { id } }`,
	"UPDATE_INTERVENTION": `mutation($intervention: ID!, $v: Int!) { updateIntervention(id: $intervention, version: $v,
		input: {description: "Corso serale"}) { id } }`,
	"RECORD_OUTCOME": `mutation($id: ID!, $v: Int!, $today: Date!) { recordOutcome(id: $id, version: $v,
		input: {kind: SOCIAL_REINTEGRATION, achievedOn: $today}) { id } }`,
	"RECORD_FOLLOW_UP": `mutation($outcome: ID!, $v: Int!) { recordFollowUp(id: $outcome, version: $v, input: {stillHeld: true}) { id } }`,
	"SCHEDULE_MONITORING_MEETING": `mutation($id: ID!, $v: Int!, $goal: ID!, $today: Date!) { scheduleMonitoringMeeting(id: $id, version: $v,
		input: {plannedOn: $today, goalIDs: [$goal]}) { id } }`,
	"RECORD_MONITORING_MEETING": `mutation($meeting: ID!, $v: Int!) { recordMonitoringMeeting(id: $meeting, version: $v,
		input: {summary: "Tutto procede"}) { id } }`,
	"MOVE_TO_MONITORING": `mutation($id: ID!, $v: Int!) { moveToMonitoring(id: $id, version: $v) { id } }`,
	"CLOSE_CASE":         `mutation($id: ID!, $v: Int!) { closeCase(id: $id, version: $v, reason: GOALS_MET) { id } }`,
	"REOPEN_CASE":        `mutation($id: ID!, $v: Int!) { reopenCase(id: $id, version: $v, reason: "Nuova perdita del lavoro") { id } }`,
	"TRANSFER_CASE":      `mutation($id: ID!, $v: Int!, $t: ID!) { transferCase(id: $id, version: $v, tableID: $t, reason: "Trasloco") { id } }`,
	"ACCEPT_TRANSFER":    `mutation($id: ID!, $v: Int!) { acceptTransfer(id: $id, version: $v) { id } }`,
	"DECLINE_TRANSFER":   `mutation($id: ID!, $v: Int!) { declineTransfer(id: $id, version: $v, reason: "Resta qui") { id } }`,
	"ADD_NOTE":           `mutation($id: ID!) { addNote(id: $id, text: "Sentita al telefono") { id } }`,
	"REQUEST_SERVICE": `mutation($id: ID!, $v: Int!, $o: ID!) { requestService(id: $id, version: $v,
		input: {organizationID: $o, kind: ORIENTATION, need: "Colloquio di orientamento"}) { id } }`,
	"CANCEL_SERVICE_REQUEST": `mutation($request: ID!, $v: Int!) { cancelServiceRequest(id: $request, version: $v, reason: "Non serve più") { id } }`,
	"APPROVE_PROPOSAL":       `mutation($approval: ID!, $v: Int!) { approveProposal(id: $approval, version: $v) { id } }`,
	"RETURN_PROPOSAL":        `mutation($approval: ID!, $v: Int!) { returnProposal(id: $approval, version: $v, reason: "Da rivedere") { id } }`,
}

// actionCase is a case of the Empoli table and, once it has a plan, one
// part of each kind an action works on: a goal, a commitment, an
// intervention, an outcome whose follow-up is due, a meeting to record, a
// service request waiting for an answer and, for some, a closure proposed.
type actionCase struct {
	id, goal, commitment, intervention, outcome, meeting, request, approval gid.ID
}

// vars are the variables of every request of actionRequests on the case.
func (w *world) vars(c actionCase) map[string]any {
	return map[string]any{"id": c.id, "v": w.Snapshot(c.id).Version, "op": w.OpID, "o": w.Provider, "t": w.VinciTable,
		"today": domain.Today().String(), "goal": c.goal, "commitment": c.commitment,
		"intervention": c.intervention, "outcome": c.outcome, "meeting": c.meeting, "request": c.request, "approval": c.approval}
}

// actionCaseIn writes a case in a status with its parts; parts of a case
// without a plan are IDs of nothing.
func (w *world) actionCaseIn(status casefile.Status, work intervention.Status) actionCase {
	w.T.Helper()
	id, goalID := w.CaseIn(status)
	c := actionCase{id: id, goal: gid.New("gol"), commitment: gid.New("com"), intervention: gid.New("itv"),
		outcome: gid.New("out"), meeting: gid.New("mon"), request: gid.New("srq"), approval: gid.New("apv")}
	if goalID == "" {
		return c
	}
	today := domain.Today()
	p := w.Client.Plan.Query().Where(plan.HasCaseWith(casefile.ID(id))).OnlyX(w.Ctx)
	c.goal = goalID
	c.commitment = w.Client.Commitment.Create().SetPlanID(p.ID).SetKind(commitment.KindVolunteering).
		SetDescription("Biblioteca").SetHoursAgreed(20).SaveX(w.Ctx).ID
	c.intervention = w.Client.Intervention.Create().SetCaseID(id).SetProviderID(w.Provider).SetKind(intervention.KindTraining).
		SetStartsOn(today.AddDays(-20)).SetStatus(work).SaveX(w.Ctx).ID
	c.outcome = w.Client.Outcome.Create().SetCaseID(id).SetKind(outcome.KindEmploymentPermanent).
		SetValueDimension(outcome.ValueDimensionEconomic).SetAchievedOn(today.AddDays(-25)).
		SetFollowUpDueOn(today).SaveX(w.Ctx).ID
	c.meeting = w.Client.MonitoringMeeting.Create().SetCaseID(id).SetPlannedOn(today).SaveX(w.Ctx).ID
	c.request = w.Client.ServiceRequest.Create().SetCaseID(id).SetOrganizationID(w.Girasole).SetTableID(w.Empoli).SetRequestedByID(w.OpID).
		SetKind(servicerequest.KindOrientation).SetNeed("Orientamento").SetSentOn(today).SetAnswerDueOn(today.AddDays(10)).SaveX(w.Ctx).ID
	return c
}

// anotherCaseOf writes a second case of the person of a case.
func (w *world) anotherCaseOf(id gid.ID, status casefile.Status) *ent.CaseFileCreate {
	w.Seq++
	per := w.Client.CaseFile.Query().Where(casefile.ID(id)).QueryPerson().OnlyIDX(w.Ctx)
	return w.Client.CaseFile.Create().SetCode(fmt.Sprintf("EMP-1998-%04d", w.Seq)).SetPersonID(per).SetTableID(w.Empoli).
		SetReferredOn(domain.Today()).SetReferralReason("Di nuovo").SetNeedAreas([]domain.NeedArea{domain.NeedIncome}).
		SetReferringOrganizationID(w.OpOrg).SetReferringOperatorID(w.OpID).SetStatus(status)
}

// memberWork are the actions of a working case for the members of its
// table.
var memberWork = []string{"UPDATE_PLAN", "ADD_GOAL", "UPDATE_GOAL", "ADD_COMMITMENT", "UPDATE_COMMITMENT", "ADD_INTERVENTION",
	"UPDATE_INTERVENTION", "RECORD_OUTCOME", "RECORD_FOLLOW_UP", "SCHEDULE_MONITORING_MEETING", "RECORD_MONITORING_MEETING"}

// requests are the steps on service requests of a working case, for the
// members of its table, listed after the notes.
var requests = []string{"REQUEST_SERVICE", "CANCEL_SERVICE_REQUEST"}

// with returns a list of actions with more appended.
func with(list []string, more ...string) []string { return append(slices.Clone(list), more...) }

// TestAllowedActions reads Case.allowedActions for cases in every status
// and state that changes what may be done, as every kind of viewer, and
// checks the exact list; then sends every pathway action: each one listed
// is accepted, each one not listed is refused and changes nothing.
func TestAllowedActions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		start := time.Now()
		w := newWorld(t, db)
		// The Vinci table's coordinator receives transfers: give them an account.
		hash, err := auth.HashPassword(demo.Password)
		if err != nil {
			t.Fatal(err)
		}
		vinciCoordinator := w.Client.TerritorialTable.Query().Where(territorialtable.ID(w.VinciTable)).QueryCoordinator().OnlyX(w.Ctx)
		vinciCoordinator.Update().SetPasswordHash(hash).ExecX(w.Ctx)
		_, secret, err := auth.New(w.Client).CreateToken(w.Ctx, &viewer.Viewer{UserID: w.CoordID}, "sola lettura",
			apitoken.ScopeRead, time.Now().Add(time.Hour), auth.Request{})
		if err != nil {
			t.Fatal(err)
		}
		users := map[string]*webtest.API{
			"coordinator": w.Coord, "operator": w.Op, "Vinci coordinator": webtest.As(t, w.Base, vinciCoordinator.Email),
			"Vinci operator": w.Vinci, "steering": webtest.As(t, w.Base, demo.SteeringEmail), "analyst": webtest.As(t, w.Base, demo.AnalystEmail),
			"admin":                    webtest.As(t, w.Base, demo.AdminEmail),
			"coordinator's read token": {T: t, Handler: w.Base.Handler, Client: w.Client, Token: secret},
		}
		main := []string{"coordinator", "operator", "Vinci coordinator"}
		outsiders := []string{"Vinci operator", "steering", "analyst", "admin", "coordinator's read token"}

		// Every value of CaseAction has a request here.
		var enum struct{ EnumValues []struct{ Name string } }
		w.Coord.Must(`{ __type(name: "CaseAction") { enumValues { name } } }`, nil, &enum)
		var all []string
		for _, v := range enum.EnumValues {
			all = append(all, v.Name)
			if _, ok := actionRequests[v.Name]; !ok {
				t.Errorf("CaseAction %s has no request in actionRequests", v.Name)
			}
		}
		if len(all) != len(actionRequests) {
			t.Fatalf("CaseAction has %d values, actionRequests %d", len(all), len(actionRequests))
		}

		coordWork := with([]string{"ASSIGN_CASE_MANAGER"}, memberWork...)
		states := []struct {
			name      string
			make      func() actionCase
			want      map[string][]string // by user; nothing for the others
			outsiders bool                // also tried by users who may do nothing
		}{
			{"referred", func() actionCase { return w.actionCaseIn(casefile.StatusReferred, "") }, map[string][]string{
				"coordinator": {"START_ASSESSMENT", "DECLINE_REFERRAL", "TRANSFER_CASE", "ADD_NOTE"},
				"operator":    {"ADD_NOTE"},
			}, true},
			{"under assessment, no preliminary analysis", func() actionCase {
				c := w.actionCaseIn(casefile.StatusUnderAssessment, "")
				w.Client.Assessment.Delete().Where(assessment.HasCaseWith(casefile.ID(c.id))).ExecX(w.Ctx)
				return c
			}, map[string][]string{
				"coordinator": {"RECORD_PRELIMINARY_ASSESSMENT", "DECLINE_REFERRAL", "TRANSFER_CASE", "ADD_NOTE"},
				"operator":    {"RECORD_PRELIMINARY_ASSESSMENT", "ADD_NOTE"},
			}, false},
			{"under assessment", func() actionCase { return w.actionCaseIn(casefile.StatusUnderAssessment, "") }, map[string][]string{
				"coordinator": {"RECORD_PRELIMINARY_ASSESSMENT", "RECORD_IN_DEPTH_ASSESSMENT", "DECLINE_REFERRAL", "TAKE_CHARGE", "TRANSFER_CASE", "ADD_NOTE"},
				"operator":    {"RECORD_PRELIMINARY_ASSESSMENT", "ADD_NOTE"},
			}, false},
			{"in charge", func() actionCase { return w.actionCaseIn(casefile.StatusInCharge, intervention.StatusCompleted) }, map[string][]string{
				"coordinator": with(with(coordWork, "MOVE_TO_MONITORING", "CLOSE_CASE", "TRANSFER_CASE", "ADD_NOTE"), requests...),
				"operator":    with(with(memberWork, "ADD_NOTE"), requests...),
			}, true},
			{"in charge, managed by the operator", func() actionCase {
				c := w.actionCaseIn(casefile.StatusInCharge, intervention.StatusCompleted)
				w.Client.CaseFile.UpdateOneID(c.id).SetCaseManagerID(w.OpID).ExecX(w.Ctx)
				return c
			}, map[string][]string{
				"coordinator": with(with(coordWork, "MOVE_TO_MONITORING", "CLOSE_CASE", "TRANSFER_CASE", "ADD_NOTE"), requests...),
				"operator":    with(with(memberWork, "MOVE_TO_MONITORING", "CLOSE_CASE", "ADD_NOTE"), requests...),
			}, false},
			{"in charge, a closure proposed by the operator", func() actionCase {
				c := w.actionCaseIn(casefile.StatusInCharge, intervention.StatusCompleted)
				w.Client.CaseFile.UpdateOneID(c.id).SetCaseManagerID(w.OpID).ExecX(w.Ctx)
				c.approval = w.Client.Approval.Create().SetCaseID(c.id).SetKind(approval.KindCLOSURE).SetProposedByID(w.OpID).
					SetProposedAt(time.Now()).SetClosureReason(approval.ClosureReasonGoalsMet).SaveX(w.Ctx).ID
				return c
			}, map[string][]string{
				"coordinator": with(coordWork, "MOVE_TO_MONITORING", "TRANSFER_CASE", "ADD_NOTE", "REQUEST_SERVICE", "CANCEL_SERVICE_REQUEST",
					"APPROVE_PROPOSAL", "RETURN_PROPOSAL"),
				"operator": with(memberWork, "MOVE_TO_MONITORING", "ADD_NOTE", "REQUEST_SERVICE", "CANCEL_SERVICE_REQUEST"),
			}, true},
			{"in charge, an intervention ongoing", func() actionCase {
				return w.actionCaseIn(casefile.StatusInCharge, intervention.StatusOngoing)
			}, map[string][]string{
				"coordinator": with(with(coordWork, "MOVE_TO_MONITORING", "TRANSFER_CASE", "ADD_NOTE"), requests...),
				"operator":    with(with(memberWork, "ADD_NOTE"), requests...),
			}, false},
			{"monitoring", func() actionCase { return w.actionCaseIn(casefile.StatusMonitoring, intervention.StatusInterrupted) }, map[string][]string{
				"coordinator": with(with(coordWork, "CLOSE_CASE", "TRANSFER_CASE", "ADD_NOTE"), requests...),
				"operator":    with(with(memberWork, "ADD_NOTE"), requests...),
			}, false},
			{"in charge, a transfer to Vinci pending", func() actionCase {
				c := w.actionCaseIn(casefile.StatusInCharge, intervention.StatusCompleted)
				w.Client.CaseFile.UpdateOneID(c.id).SetTransferToID(w.VinciTable).SetTransferReason("Trasloco").
					SetTransferRequestedAt(time.Now()).ExecX(w.Ctx)
				return c
			}, map[string][]string{
				"coordinator":       with(with(coordWork, "MOVE_TO_MONITORING", "CLOSE_CASE", "DECLINE_TRANSFER", "ADD_NOTE"), requests...),
				"operator":          with(with(memberWork, "ADD_NOTE"), requests...),
				"Vinci coordinator": {"ACCEPT_TRANSFER", "DECLINE_TRANSFER"},
			}, true},
			{"closed", func() actionCase { return w.actionCaseIn(casefile.StatusClosed, intervention.StatusCompleted) }, map[string][]string{
				"coordinator": {"RECORD_FOLLOW_UP", "REOPEN_CASE", "ADD_NOTE"},
				"operator":    {"RECORD_FOLLOW_UP", "ADD_NOTE"},
			}, true},
			{"closed, reopened already", func() actionCase {
				c := w.actionCaseIn(casefile.StatusClosed, intervention.StatusCompleted)
				w.anotherCaseOf(c.id, casefile.StatusDeclined).SetPreviousCaseID(c.id).SetClosedOn(domain.Today()).
					SetDeclineReason("Seguita altrove").ExecX(w.Ctx)
				return c
			}, map[string][]string{
				"coordinator": {"RECORD_FOLLOW_UP", "ADD_NOTE"},
				"operator":    {"RECORD_FOLLOW_UP", "ADD_NOTE"},
			}, false},
			{"closed, the person has another open case", func() actionCase {
				c := w.actionCaseIn(casefile.StatusClosed, intervention.StatusCompleted)
				w.anotherCaseOf(c.id, casefile.StatusReferred).ExecX(w.Ctx)
				return c
			}, map[string][]string{
				"coordinator": {"RECORD_FOLLOW_UP", "ADD_NOTE"},
				"operator":    {"RECORD_FOLLOW_UP", "ADD_NOTE"},
			}, false},
			{"declined", func() actionCase { return w.actionCaseIn(casefile.StatusDeclined, "") }, map[string][]string{
				"coordinator": {"ADD_NOTE"},
				"operator":    {"ADD_NOTE"},
			}, false},
		}

		accepted, refusals := 0, 0
		for _, st := range states {
			who := main
			if st.outsiders {
				who = append(slices.Clone(main), outsiders...)
			}
			for _, name := range who {
				u := users[name]
				c := st.make()
				listed := w.allowedActions(u, c.id)
				want := st.want[name]
				if want == nil {
					want = []string{}
				}
				if !slices.Equal(listed, want) {
					t.Errorf("%s, as %s: allowedActions\n%v\nwant\n%v", st.name, name, listed, want)
				}
				// Refused steps change nothing: try them all on one case.
				before := w.Snapshot(c.id)
				for _, action := range all {
					if slices.Contains(listed, action) {
						continue
					}
					r := u.Send(actionRequests[action], w.vars(c), nil)
					if !refusedForState(r) {
						t.Errorf("%s, as %s: %s is not listed, but the server answered %s", st.name, name, action, r.Raw)
					}
					refusals++
				}
				if after := w.Snapshot(c.id); after != before {
					t.Errorf("%s, as %s: refused steps changed the case: %+v, was %+v", st.name, name, after, before)
				}
				// Each listed step on a case of its own, as it moves the case.
				for _, action := range listed {
					fresh := st.make()
					if r := u.Send(actionRequests[action], w.vars(fresh), nil); len(r.Errors) > 0 {
						t.Errorf("%s, as %s: %s is listed, but the server refused it: %s", st.name, name, action, r.Raw)
					}
					accepted++
				}
			}
		}
		t.Logf("%s: %d listed steps accepted, %d unlisted refused, in %s", db.Dialect, accepted, refusals, time.Since(start).Round(time.Millisecond))
	})
}

// allowedActions reads a case's allowed actions as a user; a case the
// user does not see allows nothing.
func (w *world) allowedActions(u *webtest.API, id gid.ID) []string {
	w.T.Helper()
	var out struct {
		Node *struct{ AllowedActions []string }
	}
	r := u.Send(`query($id: ID!) { node(id: $id) { ... on Case { allowedActions } } }`, map[string]any{"id": id}, &out.Node)
	if r.Code() == "NOT_FOUND" {
		return []string{}
	}
	if len(r.Errors) > 0 || out.Node == nil {
		w.T.Fatalf("allowedActions of %s: %s", id, r.Raw)
	}
	return out.Node.AllowedActions
}

// refusedForState reports whether a step was refused for who asks or for
// the case's state, not for its input: the requests' input is valid.
func refusedForState(r webtest.Response) bool {
	if len(r.Errors) == 0 {
		return false
	}
	field, _ := r.Errors[0].Extensions["field"].(string)
	switch r.Code() {
	case "FORBIDDEN", "NOT_FOUND":
		return true
	case "BAD_USER_INPUT":
		return field == "status" || field == "id" || field == "tableID"
	case "CONFLICT": // the person's other open case, not a stale version
		return r.Errors[0].Extensions["caseCode"] != nil
	}
	return false
}
