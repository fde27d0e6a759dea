package webtest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/assessment"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/fund"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
)

// CaseState is what the pathway tests read back of a case.
type CaseState struct {
	ID      gid.ID `json:"id"`
	Code    string `json:"code"`
	Status  string `json:"status"`
	Version int    `json:"version"`
}

// World is a demo network with the Empoli table's people signed in, a
// provider and a fund of 1,000 euros for this year.
type World struct {
	T                     *testing.T
	Ctx                   context.Context // the system's, for fixtures and checks
	Client                *ent.Client
	Base                  *API // the handler, with no credentials
	Op, Coord, Vinci      *API // the Empoli operator and coordinator, the Vinci operator
	Partner               *API // an operator of Il Girasole, at no table
	Empoli, VinciTable    gid.ID
	OpID, CoordID, VinID  gid.ID
	PartnerID, Girasole   gid.ID // the partner operator and their organisation
	OpOrg, Provider, Fund gid.ID
	Seq                   int // numbers the codes of the cases tests write
}

// NewWorld loads the demo network (seed 5, 30 cases) and signs its people in.
func NewWorld(t *testing.T, db *store.DB) *World {
	t.Helper()
	base := DemoAPI(t, db, 5, 30)
	ctx := rule.SystemContext(context.Background())
	c := base.Client
	w := &World{T: t, Ctx: ctx, Client: c, Base: base,
		Op: As(t, base, demo.OperatorEmail), Coord: As(t, base, demo.CoordinatorEmail), Vinci: As(t, base, demo.OperatorVinciEmail)}
	w.Empoli = c.TerritorialTable.Query().Where(territorialtable.Code("EMP")).OnlyIDX(ctx)
	w.VinciTable = c.TerritorialTable.Query().Where(territorialtable.Code("VIN")).OnlyIDX(ctx)
	op := c.User.Query().Where(user.Email(demo.OperatorEmail)).WithOrganization().OnlyX(ctx)
	w.OpID, w.OpOrg = op.ID, op.Edges.Organization.ID
	w.CoordID = c.User.Query().Where(user.Email(demo.CoordinatorEmail)).OnlyIDX(ctx)
	w.VinID = c.User.Query().Where(user.Email(demo.OperatorVinciEmail)).OnlyIDX(ctx)
	w.Partner = As(t, base, demo.PartnerEmail)
	partner := c.User.Query().Where(user.Email(demo.PartnerEmail)).WithOrganization().OnlyX(ctx)
	w.PartnerID, w.Girasole = partner.ID, partner.Edges.Organization.ID
	w.Provider = c.Organization.Query().FirstIDX(ctx)
	// The Union's fund of this year, which pays for anyone, with 1,000
	// euros left.
	f := c.Fund.Query().Where(fund.Year(time.Now().Year()), fund.Not(fund.HasMunicipality())).OnlyX(ctx)
	charged := 0
	for _, i := range f.QueryInterventions().AllX(ctx) {
		charged += int(i.CostCents)
	}
	w.Fund = f.Update().SetAllocatedCents(int64(charged) + 100_000).SaveX(ctx).ID
	return w
}

// Snapshot is what an illegal step must leave untouched.
type Snapshot struct {
	Status        casefile.Status
	Version       int
	Events        int
	Interventions int
	Outcomes      int
	Assessments   int
}

// Snapshot reads what a step may change of a case.
func (w *World) Snapshot(id gid.ID) Snapshot {
	c := w.Client.CaseFile.GetX(w.Ctx, id)
	return Snapshot{
		Status: c.Status, Version: c.Version,
		Events:        c.QueryEvents().CountX(w.Ctx),
		Interventions: c.QueryInterventions().CountX(w.Ctx),
		Outcomes:      c.QueryOutcomes().CountX(w.Ctx),
		Assessments:   c.QueryAssessments().CountX(w.Ctx),
	}
}

// LastEvent is the kind of a case's latest timeline event.
func (w *World) LastEvent(id gid.ID) caseevent.Kind {
	return w.Client.CaseEvent.Query().Where(caseevent.HasCaseWith(casefile.ID(id))).
		Order(ent.Desc(caseevent.FieldOccurredAt)).FirstX(w.Ctx).Kind
}

// LastEventValues is a case's latest timeline event as its kind and the
// values it carries: the note, enum values and day as stored, the case
// manager by e-mail, tables by code, organisations by name, and whether
// it names another case.
func (w *World) LastEventValues(id gid.ID) string {
	e := w.Client.CaseEvent.Query().Where(caseevent.HasCaseWith(casefile.ID(id))).
		Order(ent.Desc(caseevent.FieldOccurredAt)).WithAssignee().WithFromTable().WithToTable().WithRelatedCase().WithOrganization().FirstX(w.Ctx)
	out := []string{string(e.Kind)}
	add := func(name string, set bool, value any) {
		if set {
			out = append(out, fmt.Sprintf("%s=%v", name, value))
		}
	}
	add("note", e.Note != "", e.Note)
	add("detail", e.Detail != nil, domain.Deref(e.Detail))
	add("assessmentLevel", e.AssessmentLevel != nil, domain.Deref(e.AssessmentLevel))
	add("interventionKind", e.InterventionKind != nil, domain.Deref(e.InterventionKind))
	add("interventionStatus", e.InterventionStatus != nil, domain.Deref(e.InterventionStatus))
	add("outcomeKind", e.OutcomeKind != nil, domain.Deref(e.OutcomeKind))
	add("stillHeld", e.StillHeld != nil, domain.Deref(e.StillHeld))
	add("closureReason", e.ClosureReason != nil, domain.Deref(e.ClosureReason))
	add("day", e.Day != nil, domain.Deref(e.Day))
	add("declineReason", e.DeclineReason != nil, domain.Deref(e.DeclineReason))
	add("completionReason", e.CompletionReason != nil, domain.Deref(e.CompletionReason))
	add("successful", e.Successful != nil, domain.Deref(e.Successful))
	add("approvalKind", e.ApprovalKind != nil, domain.Deref(e.ApprovalKind))
	if o := e.Edges.Organization; o != nil {
		add("organization", true, o.Name)
	}
	if a := e.Edges.Assignee; a != nil {
		add("assignee", true, a.Email)
	}
	if t := e.Edges.FromTable; t != nil {
		add("fromTable", true, t.Code)
	}
	if t := e.Edges.ToTable; t != nil {
		add("toTable", true, t.Code)
	}
	add("relatedCase", e.Edges.RelatedCase != nil, "yes")
	return strings.Join(out, " ")
}

// CaseIn writes a case of the Empoli table, referred by the demo operator
// and managed by the coordinator, as it stands in a status: assessed past
// REFERRED, with a plan of one goal once taken in charge.
func (w *World) CaseIn(status casefile.Status) (id, goalID gid.ID) {
	w.T.Helper()
	c, ctx := w.Client, w.Ctx
	w.Seq++
	today := domain.Today()
	referred := today.AddDays(-30)
	per := c.Person.Create().SetBirthYear(1980).SetGender(person.GenderFemale).SetCitizenshipArea(person.CitizenshipAreaItaly).SaveX(ctx)
	b := c.CaseFile.Create().SetCode(fmt.Sprintf("EMP-1999-%04d", w.Seq)).SetPerson(per).SetTableID(w.Empoli).
		SetReferredOn(referred).SetReferralReason("Caso di prova").SetNeedAreas([]domain.NeedArea{domain.NeedIncome}).
		SetReferringOrganizationID(w.OpOrg).SetReferringOperatorID(w.OpID).SetStatus(status).
		SetFirstMeetingDueOn(referred.AddDays(60))
	if status != casefile.StatusReferred {
		b.SetFirstMeetingOn(referred.AddDays(5)).SetPlanDueOn(referred.AddDays(125))
	}
	taken := status == casefile.StatusInCharge || status == casefile.StatusMonitoring || status == casefile.StatusClosed
	if taken {
		b.SetCaseManagerID(w.CoordID).SetTakenInChargeOn(referred.AddDays(10))
	}
	switch status {
	case casefile.StatusClosed:
		b.SetClosedOn(today.AddDays(-1)).SetClosureReason(casefile.ClosureReasonOther)
	case casefile.StatusDeclined:
		b.SetClosedOn(today.AddDays(-1)).SetDeclineReason("Fuori dai criteri")
	}
	cs := b.SaveX(ctx)
	if status != casefile.StatusReferred && status != casefile.StatusDeclined {
		c.Assessment.Create().SetCase(cs).SetLevel(assessment.LevelPreliminary).SetSummary("Analisi").
			SetFindings([]domain.AreaFinding{{Area: domain.NeedIncome, Need: domain.NeedModerate}}).
			SetAssessedOn(referred.AddDays(6)).ExecX(ctx)
	}
	if taken {
		// Taken in charge, the person agreed to be asked how they are
		// after an outcome: the follow-up needs it.
		c.Consent.Create().SetPerson(per).SetTableID(w.Empoli).SetRecordedByID(w.CoordID).SetPurpose(consent.PurposeFOLLOW_UP).
			SetBasis(consent.BasisCONSENT).SetGivenOn(referred.AddDays(10)).ExecX(ctx)
		p := c.Plan.Create().SetCase(cs).SetAgreedOn(referred.AddDays(10)).SaveX(ctx)
		goalID = c.Goal.Create().SetPlan(p).SetArea(domain.NeedIncome).SetDescription("Reddito stabile").SaveX(ctx).ID
	}
	c.CaseEvent.Create().SetCase(cs).SetKind(caseevent.KindReferred).SetOccurredAt(referred.Start()).ExecX(ctx)
	return cs.ID, goalID
}
