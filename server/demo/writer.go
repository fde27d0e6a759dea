package demo

import (
	"encoding/json"
	"hash/fnv"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/assessment"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/commitment"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/goal"
	"github.com/progetto-win/win/ent/monitoringitem"
	"github.com/progetto-win/win/ent/monitoringmeeting"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/plan"
)

// writer turns the drafts of a chunk of cases into rows (rows.go says
// what ent would have added).
type writer struct {
	g        *generator
	c        *chunk
	created  any // created_at and updated_at of the chunk's rows
	versions int // the timeline events of a case's requests and approvals (timelineEvent)
}

func (g *generator) newWriter() *writer {
	return &writer{g: g, c: newChunk(), created: g.rows.instant(time.Now())}
}

// jsonOf is the value of a JSON column, as ent writes it.
func jsonOf(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // slices of enums and plain structs always marshal
	}
	return b
}

// at returns a time of the working day on a date, for timeline events.
func (w *writer) at(d domain.Date) time.Time {
	return d.Start().Add(time.Duration(w.g.between(8*60, 18*60)) * time.Minute)
}

// eventFacts are the values of CaseEvent's facts that the demo's events
// carry, nil where the kind has none (the demo writes no intervention
// events, follow-ups nor transfers).
type eventFacts struct {
	note, detail, level, closure, day, assignee, related any
}

// addCase adds a case with its plan, interventions, outcomes and timeline.
func (w *writer) addCase(c *caseDraft) {
	g := w.g
	t := g.net.tables[c.table]
	events := 0
	referrer := pick(g.rnd, t.operators)
	manager := pick(g.rnd, t.operators)
	consentGivenAt := w.at(c.referred)
	var referringOrg gid.ID
	var referringOperator, caseManager, declineReason, closureReason, previous any
	var referrerEnteredIdentity bool
	var firstMeetingOn, planDueOn, takenOn, closedOn *domain.Date
	if g.chance(0.8) {
		// A first case's referrer entered the identity; a reopening's did not.
		referringOrg, referringOperator = g.net.orgOf[referrer.ID], str(referrer.ID)
		referrerEnteredIdentity = c.previous == nil
	} else { // referred by a partner outside the table
		referringOrg = pick(g.rnd, g.net.orgs[len(places):]).ID
		referrer = nil
	}
	if c.previous != nil {
		previous = str(c.previous.id)
	}
	// An event carries values, not words, as the pathway's steps write
	// them (server/pathway, record): the web app writes the sentences.
	event := func(kind caseevent.Kind, on domain.Date, actor *ent.User, f eventFacts) {
		var actorID any
		if actor != nil {
			actorID = str(actor.ID)
		}
		w.c.events.add(str(caseevent.DefaultID()), w.created, w.created, string(kind), w.at(on), f.note,
			f.detail, f.level, nil, nil, nil, nil, f.closure, f.day, str(c.id), actorID, f.assignee, nil, nil, f.related,
			nil, nil, nil, nil, nil)
		events++
	}
	if c.previous != nil {
		event(caseevent.KindReopened, c.referred, referrer, eventFacts{detail: string(caseevent.DetailReopens), related: previous,
			note: "Nuova segnalazione dopo la chiusura del percorso precedente."})
	} else {
		event(caseevent.KindReferred, c.referred, referrer, eventFacts{})
	}
	if c.assessed != nil {
		event(caseevent.KindAssessmentStarted, *c.assessed, t.coordinator, eventFacts{})
		due := (*c.assessed).AddDays(t.DaysToPlan)
		firstMeetingOn, planDueOn = c.assessed, &due
		// The preliminary analysis follows the first meeting within days;
		// a case taken in charge always has one.
		if on := (*c.assessed).AddDays(g.between(1, 10)); c.takenOn != nil || !on.After(g.today) {
			if c.takenOn != nil && on.After(*c.takenOn) {
				on = *c.takenOn
			}
			w.addAssessment(c, on, manager)
			event(caseevent.KindAssessmentRecorded, on, manager, eventFacts{level: string(caseevent.AssessmentLevelPreliminary)})
		}
	}
	if c.declined != nil {
		declineReason = "La situazione non rientra nei criteri del tavolo; indirizzata ai servizi competenti."
		event(caseevent.KindDeclined, *c.declined, t.coordinator, eventFacts{note: declineReason})
	}
	if c.takenOn != nil {
		caseManager, takenOn = str(manager.ID), c.takenOn
		event(caseevent.KindTakenInCharge, *c.takenOn, t.coordinator, eventFacts{assignee: caseManager})
		items := w.addPlan(c, manager)
		if c.previous == nil { // a reopening's person has them from the first case
			w.addConsents(c, t.coordinator, manager)
		}
		w.versions = 0
		w.addServiceRequests(c, t, manager)
		w.addApprovals(c, t, manager, items)
		events += w.versions
	}
	if c.monitoring != nil {
		event(caseevent.KindMonitoringStarted, *c.monitoring, manager, eventFacts{})
		if c.status == casefile.StatusMonitoring {
			planned := g.today.AddDays(g.between(-5, 40))
			w.addMonitoringMeeting(c, planned)
			event(caseevent.KindMonitoringMeetingScheduled, minDate(*c.monitoring, g.today), manager, eventFacts{day: g.day(planned)})
		}
	}
	if c.closed != nil && c.status == casefile.StatusClosed {
		closedOn, closureReason = c.closed, string(c.closure)
		event(caseevent.KindClosed, *c.closed, manager, eventFacts{closure: closureReason})
	}
	if c.declined != nil {
		closedOn = c.declined
	}
	// open_person: the person while the case is open (oneOpenCase).
	var openPerson any
	if domain.CaseStatus(c.status).Open() {
		openPerson = str(c.person.id)
	}
	firstMeetingDue := c.referred.AddDays(t.DaysToFirstMeeting)
	w.c.cases.add(str(c.id), w.created, w.created, c.code, nil, g.day(c.referred), referralReason(c.needs),
		jsonOf(c.needs), string(c.status), string(c.priority), string(g.channel(c.code, referringOrg)), g.dayOrNil(takenOn), g.dayOrNil(closedOn), closureReason, declineReason,
		consentGivenAt, g.dayOrNil(firstMeetingOn), g.day(firstMeetingDue), g.dayOrNil(planDueOn), nil,
		nil, openPerson, referrerEnteredIdentity,
		int64(events), // each recorded change made a new version
		str(c.person.id), str(t.ID), str(referringOrg), referringOperator,
		caseManager, nil, previous)
}

// channel is where a case's referral came from: mostly the referring
// body's own service, some persons coming alone or through a desk. The
// choice follows the case's code, not the generator's sequence, so that
// the other data stay as they were.
func (g *generator) channel(code string, org gid.ID) casefile.ReferralChannel {
	h := fnv.New32a()
	_, _ = h.Write([]byte(code))
	switch h.Sum32() % 10 {
	case 0:
		return casefile.ReferralChannelSelfReferral
	case 1:
		return casefile.ReferralChannelEmploymentDesk
	}
	switch g.net.kindOf[org] {
	case organization.KindMunicipality, organization.KindUnionOfMunicipalities:
		return casefile.ReferralChannelSocialServices
	case organization.KindEmploymentCentre:
		return casefile.ReferralChannelEmploymentCentre
	case organization.KindSocialHealthService:
		return casefile.ReferralChannelHealthServices
	case organization.KindTradeUnion:
		return casefile.ReferralChannelTradeUnion
	case organization.KindCaritas:
		return casefile.ReferralChannelCounsellingDesk
	case organization.KindThirdSector:
		return casefile.ReferralChannelThirdSector
	}
	return casefile.ReferralChannelOther
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
	w.c.assessments.add(str(assessment.DefaultID()), w.created, w.created, string(assessment.LevelPreliminary), jsonOf(findings),
		"Analisi dei bisogni e delle risorse svolta con la persona.", len(c.needs) > 2, g.day(on), str(c.id), str(by.ID))
}

// addMonitoringMeeting plans a meeting that reviews every goal of a case.
func (w *writer) addMonitoringMeeting(c *caseDraft, on domain.Date) {
	id := str(monitoringmeeting.DefaultID())
	w.c.meetings.add(id, w.created, w.created, w.g.day(on), nil, nil, str(c.id), nil)
	for _, goalID := range c.goals {
		w.c.meetingItems.add(str(monitoringitem.DefaultID()), w.created, w.created, nil, nil, nil, id, str(goalID), nil)
	}
}

// addPlan adds the plan of a case taken in charge: a goal per need area,
// often a reciprocal commitment, interventions and outcomes.
func (w *writer) addPlan(c *caseDraft, manager *ent.User) []item {
	g := w.g
	planID := str(plan.DefaultID())
	end := g.today
	if c.closed != nil {
		end = *c.closed
	}
	review := (*c.takenOn).AddDays(90)
	for review.Before(end.AddDays(-10)) {
		review = review.AddDays(90)
	}
	w.c.plans.add(planID, w.created, w.created, "Progetto personalizzato concordato e sottoscritto con la persona.",
		g.day(*c.takenOn), g.day(review), str(c.id))
	for _, area := range c.needs {
		goalID := goal.DefaultID()
		c.goals = append(c.goals, goalID)
		due := (*c.takenOn).AddDays(g.between(180, 365))
		w.c.goals.add(str(goalID), w.created, w.created, string(area), goalText[area], g.day(due), string(w.goalStatus(c)), planID)
	}
	var hoursDone, hoursAgreed int
	if g.chance(0.7) {
		hoursAgreed = 10 * g.between(2, 10)
		elapsed := float64(c.takenOn.DaysUntil(end))
		hoursDone = min(hoursAgreed, int(float64(hoursAgreed)*elapsed/240*(0.6+0.5*g.rnd.Float64())))
		kind := pick(g.rnd, commitmentKinds)
		host := pick(g.rnd, g.net.byKind[organization.KindThirdSector]).ID
		w.c.commitments.add(str(commitment.DefaultID()), w.created, w.created, string(kind), "Attività per la comunità concordata nel progetto.",
			int64(hoursAgreed), int64(hoursDone), g.day((*c.takenOn).AddDays(240)), planID, str(host))
	}
	items := w.addInterventions(c, end)
	w.addOutcomes(c, end, manager, items, hoursAgreed > 0 && hoursDone*5 >= hoursAgreed*4)
	return items
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

// outcomeRow is an outcome being drafted: the follow-up fields are set
// after the rest.
type outcomeRow struct {
	kind                      outcome.Kind
	achieved                  domain.Date
	followUpDue, followedUpOn *domain.Date
	stillHeld                 any
}

func (w *writer) addOutcome(c *caseDraft, manager *ent.User, items []item, o *outcomeRow) {
	var interventionID any
	if len(items) > 0 {
		interventionID = str(items[0].id)
	}
	g := w.g
	w.c.outcomes.add(str(outcome.DefaultID()), w.created, w.created, string(o.kind), string(dimensionOf(o.kind)), g.day(o.achieved),
		"Documentazione agli atti del tavolo.", g.dayOrNil(o.followUpDue), g.dayOrNil(o.followedUpOn), o.stillHeld,
		str(c.id), interventionID, str(manager.ID))
}

// socialServicesLaw is the legal basis on which the tables process the
// data of the persons they take in charge.
const socialServicesLaw = "L. 328/2000, art. 22; L.R. Toscana 41/2005"

// addConsents adds the bases of the uses of a taken case's person's
// data: processing by the table under the social services' law, from
// the referral; and, for most, the person's consent to the follow-up
// contact, given when taken in charge, which one in seven later
// withdraws. The choices follow the case's code, not the generator's
// random sequence, so that the rest of the demo stays as it was.
func (w *writer) addConsents(c *caseDraft, coordinator, manager *ent.User) {
	g := w.g
	t := str(g.net.tables[c.table].ID)
	h := fnv.New32a()
	_, _ = h.Write([]byte(c.code))
	n := h.Sum32()
	w.c.consents.add(str(consent.DefaultID()), w.created, w.created, string(consent.PurposePROCESSING), string(consent.BasisLEGAL_BASIS),
		socialServicesLaw, nil, g.day(c.referred), nil, nil, nil, t, str(coordinator.ID), nil, str(c.person.id))
	if n%10 == 0 { // no consent to be contacted again
		return
	}
	var withdrawnOn, reason, by any
	if on := (*c.takenOn).AddDays(30 + int(n%90)); n%7 == 0 && !on.After(g.today) {
		withdrawnOn, reason, by = g.day(on), "La persona ha chiesto di non essere più contattata.", str(manager.ID)
	}
	w.c.consents.add(str(consent.DefaultID()), w.created, w.created, string(consent.PurposeFOLLOW_UP), string(consent.BasisCONSENT),
		nil, "Modulo privacy "+c.code, g.day(*c.takenOn), withdrawnOn, reason, nil, t, str(manager.ID), by, str(c.person.id))
}
