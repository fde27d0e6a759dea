package demo

import (
	"context"
	"time"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/goal"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/gid"
)

// writer collects the rows of a chunk of cases and writes them in the
// order their foreign keys need.
type writer struct {
	g             *generator
	persons       []*ent.PersonCreate
	identities    []*ent.PersonIdentityCreate
	cases         []*ent.CaseFileCreate
	plans         []*ent.PlanCreate
	goals         []*ent.GoalCreate
	commitments   []*ent.CommitmentCreate
	interventions []*ent.InterventionCreate
	outcomes      []*ent.OutcomeCreate
	events        []*ent.CaseEventCreate
}

func (g *generator) newWriter() *writer { return &writer{g: g} }

func (w *writer) addPerson(p *personDraft) {
	per, id := p.builders(w.g.tx, w.g.net.municipalities, w.g.rnd.IntN)
	w.persons = append(w.persons, per)
	w.identities = append(w.identities, id)
}

// at returns a time of the working day on a date, for timeline events.
func (w *writer) at(d time.Time) time.Time {
	return d.Add(time.Duration(w.g.between(8*60, 18*60)) * time.Minute)
}

// addCase adds a case with its plan, interventions, outcomes and timeline.
func (w *writer) addCase(c *caseDraft) {
	g, tx := w.g, w.g.tx
	t := g.net.tables[c.table]
	firstEvent := len(w.events)
	referrer := pick(g.rnd, t.operators)
	manager := pick(g.rnd, t.operators)
	b := tx.CaseFile.Create().SetID(c.id).SetCode(c.code).SetPersonID(c.person.id).SetTableID(t.ID).
		SetReferredOn(c.referred).SetReferralReason(referralReason(c.needs)).SetNeedAreas(c.needs).
		SetStatus(c.status).SetPriority(c.priority).SetConsentGivenAt(w.at(c.referred))
	if g.chance(0.8) {
		b.SetReferringOrganizationID(g.net.orgOf[referrer.ID]).SetReferringOperatorID(referrer.ID)
	} else { // referred by a partner outside the table
		b.SetReferringOrganizationID(pick(g.rnd, g.net.orgs[len(places):]).ID)
		referrer = nil
	}
	if c.previous != nil {
		b.SetPreviousCaseID(c.previous.id)
	}
	event := func(kind caseevent.Kind, on time.Time, actor *ent.User, note string) {
		e := tx.CaseEvent.Create().SetCaseID(c.id).SetKind(kind).SetOccurredAt(w.at(on)).SetNote(note)
		if actor != nil {
			e.SetActorID(actor.ID)
		}
		w.events = append(w.events, e)
	}
	note := "Segnalazione ricevuta dal tavolo."
	if c.previous != nil {
		note = "Riapertura del caso " + c.previous.code + "."
	}
	event(caseevent.KindReferred, c.referred, referrer, note)
	if c.assessed != nil {
		event(caseevent.KindAssessmentStarted, *c.assessed, t.coordinator, "Avviata l'analisi preliminare.")
	}
	if c.declined != nil {
		b.SetDeclineReason("La situazione non rientra nei criteri del tavolo; indirizzata ai servizi competenti.")
		event(caseevent.KindDeclined, *c.declined, t.coordinator, "Segnalazione non accolta.")
	}
	if c.takenOn != nil {
		b.SetCaseManagerID(manager.ID).SetTakenInChargeOn(*c.takenOn)
		event(caseevent.KindTakenInCharge, *c.takenOn, t.coordinator, "Presa in carico e progetto concordato.")
		w.addPlan(c, manager)
	}
	if c.monitoring != nil {
		event(caseevent.KindMonitoringStarted, *c.monitoring, manager, "Avvio del monitoraggio.")
	}
	if c.closed != nil && c.status == casefile.StatusClosed {
		b.SetClosedOn(*c.closed).SetClosureReason(c.closure)
		event(caseevent.KindClosed, *c.closed, manager, "Caso chiuso.")
	}
	if c.declined != nil {
		b.SetClosedOn(*c.declined)
	}
	// Each recorded change made a new version.
	b.SetVersion(len(w.events) - firstEvent)
	w.cases = append(w.cases, b)
}

// addPlan adds the plan of a case taken in charge: a goal per need area,
// often a reciprocal commitment, interventions and outcomes.
func (w *writer) addPlan(c *caseDraft, manager *ent.User) {
	g, tx := w.g, w.g.tx
	planID := gid.New("pln")
	end := g.today
	if c.closed != nil {
		end = *c.closed
	}
	review := addDays(*c.takenOn, 90)
	for review.Before(addDays(end, -10)) {
		review = addDays(review, 90)
	}
	w.plans = append(w.plans, tx.Plan.Create().SetID(planID).SetCaseID(c.id).SetAgreedOn(*c.takenOn).SetReviewOn(review).
		SetSummary("Progetto personalizzato concordato e sottoscritto con la persona."))
	for _, area := range c.needs {
		gb := tx.Goal.Create().SetPlanID(planID).SetArea(area).SetDescription(goalText[area]).
			SetDueOn(addDays(*c.takenOn, g.between(180, 365))).SetStatus(w.goalStatus(c))
		w.goals = append(w.goals, gb)
	}
	var hoursDone, hoursAgreed int
	if g.chance(0.7) {
		hoursAgreed = 10 * g.between(2, 10)
		elapsed := end.Sub(*c.takenOn).Hours() / 24
		hoursDone = min(hoursAgreed, int(float64(hoursAgreed)*elapsed/240*(0.6+0.5*g.rnd.Float64())))
		w.commitments = append(w.commitments, tx.Commitment.Create().SetPlanID(planID).
			SetKind(pick(g.rnd, commitmentKinds)).SetDescription("Attività per la comunità concordata nel progetto.").
			SetHoursAgreed(hoursAgreed).SetHoursDone(hoursDone).SetDueOn(addDays(*c.takenOn, 240)).
			SetHostID(pick(g.rnd, g.net.byKind[organization.KindThirdSector]).ID))
	}
	items := w.addInterventions(c, end)
	w.addOutcomes(c, end, manager, items, hoursAgreed > 0 && hoursDone*5 >= hoursAgreed*4)
}

var commitmentKinds = []commitment.Kind{
	commitment.KindVolunteering, commitment.KindCommonGoodsCare, commitment.KindCareSupport,
	commitment.KindCulturalActivity, commitment.KindSportActivity,
}

// goalStatus fits a goal's progress to the state of its case.
func (w *writer) goalStatus(c *caseDraft) goal.Status {
	g := w.g
	switch {
	case c.status != casefile.StatusClosed:
		if g.chance(0.25) {
			return goal.StatusAchieved
		}
		return goal.StatusOpen
	case c.closure == casefile.ClosureReasonGoalsMet:
		return goal.StatusAchieved
	case c.closure == casefile.ClosureReasonPartiallyMet:
		return pick(g.rnd, []goal.Status{goal.StatusAchieved, goal.StatusPartiallyAchieved, goal.StatusNotAchieved})
	case c.closure == casefile.ClosureReasonDroppedOut:
		return goal.StatusDropped
	default:
		return goal.StatusNotAchieved
	}
}

// flush writes the chunk.
func (w *writer) flush(ctx context.Context) error {
	tx := w.g.tx
	steps := []func(context.Context) error{
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.persons, func(ctx context.Context, b []*ent.PersonCreate) error { return tx.Person.CreateBulk(b...).Exec(ctx) })
		},
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.identities, func(ctx context.Context, b []*ent.PersonIdentityCreate) error {
				return tx.PersonIdentity.CreateBulk(b...).Exec(ctx)
			})
		},
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.cases, func(ctx context.Context, b []*ent.CaseFileCreate) error {
				return tx.CaseFile.CreateBulk(b...).Exec(ctx)
			})
		},
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.plans, func(ctx context.Context, b []*ent.PlanCreate) error { return tx.Plan.CreateBulk(b...).Exec(ctx) })
		},
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.goals, func(ctx context.Context, b []*ent.GoalCreate) error { return tx.Goal.CreateBulk(b...).Exec(ctx) })
		},
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.commitments, func(ctx context.Context, b []*ent.CommitmentCreate) error {
				return tx.Commitment.CreateBulk(b...).Exec(ctx)
			})
		},
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.interventions, func(ctx context.Context, b []*ent.InterventionCreate) error {
				return tx.Intervention.CreateBulk(b...).Exec(ctx)
			})
		},
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.outcomes, func(ctx context.Context, b []*ent.OutcomeCreate) error { return tx.Outcome.CreateBulk(b...).Exec(ctx) })
		},
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.events, func(ctx context.Context, b []*ent.CaseEventCreate) error {
				return tx.CaseEvent.CreateBulk(b...).Exec(ctx)
			})
		},
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	w.g.sum.Interventions += len(w.interventions)
	w.g.sum.Outcomes += len(w.outcomes)
	return nil
}
