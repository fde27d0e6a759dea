package demo

import (
	"context"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/assessment"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/goal"
	"github.com/progetto-win/win/ent/organization"
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
	assessments   []*ent.AssessmentCreate
	meetings      []*ent.MonitoringMeetingCreate
	meetingItems  []*ent.MonitoringItemCreate
}

func (g *generator) newWriter() *writer { return &writer{g: g} }

func (w *writer) addPerson(p *personDraft) {
	per, id := p.builders(w.g.tx, w.g.net.municipalities, w.g.rnd.IntN)
	w.persons = append(w.persons, per)
	w.identities = append(w.identities, id)
}

// at returns a time of the working day on a date, for timeline events.
func (w *writer) at(d domain.Date) time.Time {
	return d.Start().Add(time.Duration(w.g.between(8*60, 18*60)) * time.Minute)
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
		SetStatus(c.status).SetPriority(c.priority).SetConsentGivenAt(w.at(c.referred)).
		SetFirstMeetingDueOn(c.referred.AddDays(t.DaysToFirstMeeting))
	if g.chance(0.8) {
		// A first case's referrer entered the identity; a reopening's did not.
		b.SetReferringOrganizationID(g.net.orgOf[referrer.ID]).SetReferringOperatorID(referrer.ID).
			SetReferrerEnteredIdentity(c.previous == nil)
	} else { // referred by a partner outside the table
		b.SetReferringOrganizationID(pick(g.rnd, g.net.orgs[len(places):]).ID)
		referrer = nil
	}
	if c.previous != nil {
		b.SetPreviousCaseID(c.previous.id)
	}
	event := func(kind caseevent.Kind, on domain.Date, actor *ent.User, note string) {
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
		b.SetFirstMeetingOn(*c.assessed).SetPlanDueOn((*c.assessed).AddDays(t.DaysToPlan))
		// The preliminary analysis follows the first meeting within days;
		// a case taken in charge always has one.
		if on := (*c.assessed).AddDays(g.between(1, 10)); c.takenOn != nil || !on.After(g.today) {
			if c.takenOn != nil && on.After(*c.takenOn) {
				on = *c.takenOn
			}
			w.addAssessment(c, on, manager)
			event(caseevent.KindAssessmentRecorded, on, manager, "Analisi preliminare registrata.")
		}
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
		if c.status == casefile.StatusMonitoring {
			planned := g.today.AddDays(g.between(-5, 40))
			w.addMonitoringMeeting(c, planned)
			event(caseevent.KindMonitoringMeetingScheduled, minDate(*c.monitoring, g.today), manager, "Incontro di monitoraggio programmato.")
		}
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

// addAssessment adds the preliminary analysis of a case: the need of
// each area named at referral.
func (w *writer) addAssessment(c *caseDraft, on domain.Date, by *ent.User) {
	g := w.g
	levels := []domain.NeedLevel{domain.NeedLow, domain.NeedModerate, domain.NeedModerate, domain.NeedSevere}
	findings := make([]domain.AreaFinding, len(c.needs))
	for i, area := range c.needs {
		findings[i] = domain.AreaFinding{Area: area, Need: pick(g.rnd, levels), Resources: "Rete familiare e amicale da attivare."}
	}
	w.assessments = append(w.assessments, g.tx.Assessment.Create().SetCaseID(c.id).SetLevel(assessment.LevelPreliminary).
		SetFindings(findings).SetSummary("Analisi dei bisogni e delle risorse svolta con la persona.").
		SetComplexNeeds(len(c.needs) > 2).SetAssessedOn(on).SetAssessorID(by.ID))
}

// addMonitoringMeeting plans a meeting that reviews every goal of a case.
func (w *writer) addMonitoringMeeting(c *caseDraft, on domain.Date) {
	tx := w.g.tx
	id := gid.New("mon")
	w.meetings = append(w.meetings, tx.MonitoringMeeting.Create().SetID(id).SetCaseID(c.id).SetPlannedOn(on))
	for _, goalID := range c.goals {
		w.meetingItems = append(w.meetingItems, tx.MonitoringItem.Create().SetMeetingID(id).SetGoalID(goalID))
	}
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
	review := (*c.takenOn).AddDays(90)
	for review.Before(end.AddDays(-10)) {
		review = review.AddDays(90)
	}
	w.plans = append(w.plans, tx.Plan.Create().SetID(planID).SetCaseID(c.id).SetAgreedOn(*c.takenOn).SetReviewOn(review).
		SetSummary("Progetto personalizzato concordato e sottoscritto con la persona."))
	for _, area := range c.needs {
		goalID := gid.New("gol")
		c.goals = append(c.goals, goalID)
		gb := tx.Goal.Create().SetID(goalID).SetPlanID(planID).SetArea(area).SetDescription(goalText[area]).
			SetDueOn((*c.takenOn).AddDays(g.between(180, 365))).SetStatus(w.goalStatus(c))
		w.goals = append(w.goals, gb)
	}
	var hoursDone, hoursAgreed int
	if g.chance(0.7) {
		hoursAgreed = 10 * g.between(2, 10)
		elapsed := float64(c.takenOn.DaysUntil(end))
		hoursDone = min(hoursAgreed, int(float64(hoursAgreed)*elapsed/240*(0.6+0.5*g.rnd.Float64())))
		w.commitments = append(w.commitments, tx.Commitment.Create().SetPlanID(planID).
			SetKind(pick(g.rnd, commitmentKinds)).SetDescription("Attività per la comunità concordata nel progetto.").
			SetHoursAgreed(hoursAgreed).SetHoursDone(hoursDone).SetDueOn((*c.takenOn).AddDays(240)).
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
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.assessments, func(ctx context.Context, b []*ent.AssessmentCreate) error {
				return tx.Assessment.CreateBulk(b...).Exec(ctx)
			})
		},
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.meetings, func(ctx context.Context, b []*ent.MonitoringMeetingCreate) error {
				return tx.MonitoringMeeting.CreateBulk(b...).Exec(ctx)
			})
		},
		func(ctx context.Context) error {
			return saveInBatches(ctx, w.meetingItems, func(ctx context.Context, b []*ent.MonitoringItemCreate) error {
				return tx.MonitoringItem.CreateBulk(b...).Exec(ctx)
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
