package demo

import (
	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/outcome"
)

var goalText = map[domain.NeedArea]string{
	domain.NeedEmployment:      "Trovare un lavoro stabile o un percorso di inserimento lavorativo.",
	domain.NeedIncome:          "Raggiungere un reddito sufficiente per il nucleo familiare.",
	domain.NeedHousing:         "Trovare una soluzione abitativa adeguata.",
	domain.NeedHealth:          "Avviare e seguire il percorso di cura concordato.",
	domain.NeedFamily:          "Rafforzare le relazioni e l'organizzazione familiare.",
	domain.NeedEducation:       "Completare un percorso di istruzione o formazione.",
	domain.NeedDebt:            "Rientrare dai debiti con un piano sostenibile.",
	domain.NeedLegal:           "Risolvere le questioni legali aperte.",
	domain.NeedSocialIsolation: "Partecipare ad attività di gruppo e di comunità.",
}

// interventionKinds are the interventions that answer each need.
var interventionKinds = map[domain.NeedArea][]intervention.Kind{
	domain.NeedEmployment: {intervention.KindOrientation, intervention.KindTraining, intervention.KindInternship, intervention.KindJobPlacement,
		intervention.KindWorkBasedTraining, intervention.KindYouthGuaranteeTraineeship, intervention.KindBusinessStartSupport},
	domain.NeedIncome:          {intervention.KindIncomeSupport},
	domain.NeedHousing:         {intervention.KindHousingSupport},
	domain.NeedHealth:          {intervention.KindHealthWorkPathway, intervention.KindPsychosocialSupport},
	domain.NeedFamily:          {intervention.KindPsychosocialSupport, intervention.KindSocialCarePlacement},
	domain.NeedEducation:       {intervention.KindReturnToEducation, intervention.KindTraining},
	domain.NeedDebt:            {intervention.KindDebtCounselling},
	domain.NeedLegal:           {intervention.KindOther},
	domain.NeedSocialIsolation: {intervention.KindSocialCarePlacement, intervention.KindPsychosocialSupport},
}

// providerKinds are the organisations that deliver each intervention.
func (g *generator) provider(kind intervention.Kind, table int) *ent.Organization {
	var kinds []organization.Kind
	switch kind {
	case intervention.KindOrientation, intervention.KindJobPlacement, intervention.KindYouthGuaranteeTraineeship:
		kinds = []organization.Kind{organization.KindEmploymentCentre}
	case intervention.KindTraining, intervention.KindWorkBasedTraining, intervention.KindReturnToEducation:
		kinds = []organization.Kind{organization.KindTrainingBody}
	case intervention.KindInternship, intervention.KindBusinessStartSupport:
		kinds = []organization.Kind{organization.KindEmployersAssociation, organization.KindThirdSector}
	case intervention.KindIncomeSupport, intervention.KindHousingSupport:
		return g.net.comune[table]
	case intervention.KindHealthWorkPathway, intervention.KindPsychosocialSupport:
		kinds = []organization.Kind{organization.KindSocialHealthService}
	case intervention.KindDebtCounselling:
		kinds = []organization.Kind{organization.KindCaritas}
	default:
		kinds = []organization.Kind{organization.KindThirdSector}
	}
	return pick(g.rnd, g.net.byKind[pick(g.rnd, kinds)])
}

// costRange is the cost of an intervention in euro, by kind.
func costRange(kind intervention.Kind) (lo, hi int) {
	switch kind {
	case intervention.KindIncomeSupport:
		return 500, 3000
	case intervention.KindInternship, intervention.KindYouthGuaranteeTraineeship, intervention.KindWorkBasedTraining:
		return 1500, 4000
	case intervention.KindTraining, intervention.KindReturnToEducation, intervention.KindHousingSupport:
		return 800, 2500
	default:
		return 200, 1200
	}
}

// item is an intervention drafted for a case, for outcomes to refer to.
type item struct {
	id     gid.ID
	kind   intervention.Kind
	status intervention.Status
}

// addInterventions adds one to three interventions within the plan's
// time, paid from the fund of the person's municipality for the year they
// start while it lasts, then from the Union's, and free (delivered by the
// partner) after that.
func (w *writer) addInterventions(c *caseDraft, end domain.Date) []item {
	g := w.g
	var items []item
	for k := range g.between(1, 3) {
		area := c.needs[k%len(c.needs)]
		kind := pick(g.rnd, interventionKinds[area])
		span := c.takenOn.DaysUntil(end)
		starts := (*c.takenOn).AddDays(g.between(0, max(0, min(60, span-1))))
		if kind == intervention.KindYouthGuaranteeTraineeship && !domain.YouthGuaranteeFits(c.person.birth, starts) {
			// The same provider and cost draws, so the rest stays as it was.
			kind = intervention.KindJobPlacement
		}
		ends := starts.AddDays(g.between(30, 240))
		if c.closed != nil && ends.After(*c.closed) {
			ends = *c.closed
		}
		provider := g.provider(kind, c.table).ID
		var status intervention.Status
		switch {
		case starts.After(g.today):
			status = intervention.StatusPlanned
		case ends.After(g.today):
			status = intervention.StatusOngoing
		case c.closure == casefile.ClosureReasonDroppedOut || g.chance(0.12):
			status = intervention.StatusInterrupted
		default:
			status = intervention.StatusCompleted
		}
		lo, hi := costRange(kind)
		cost := int64(g.between(lo, hi)) * 100
		var fundID any
		var charged int64
		for _, owner := range []int{c.person.place, unionFund} {
			if f := g.net.funds[fundKey{owner, starts.Year()}]; f != nil && f.committed+cost <= f.allocated {
				f.committed += cost
				fundID, charged = str(f.id), cost
				break
			}
		}
		id := intervention.DefaultID()
		w.c.interventions.add(str(id), w.created, w.created, string(kind), "Intervento previsto dal progetto personalizzato.",
			g.day(starts), g.day(ends), string(status), charged, str(c.id), str(provider), fundID, g.protocolFor(kind, starts))
		items = append(items, item{id: id, kind: kind, status: status})
	}
	return items
}

// protocolFor is the protocol an intervention of the kind starting on the
// day is delivered under: one covering the kind and in force that day
// (one since expired stays named, as the API keeps it), or none.
func (g *generator) protocolFor(kind intervention.Kind, starts domain.Date) any {
	for _, p := range g.net.protocols[kind] {
		if p.ValidFrom != nil && !starts.Before(*p.ValidFrom) && (p.ValidUntil == nil || !starts.After(*p.ValidUntil)) {
			return str(p.ID)
		}
	}
	return nil
}

// employmentKinds are the kinds of work found, by share.
var employmentKinds = []weighted[outcome.Kind]{
	{outcome.KindEmploymentPermanent, 0.2}, {outcome.KindEmploymentFixedTerm, 0.45},
	{outcome.KindApprenticeship, 0.15}, {outcome.KindSelfEmployment, 0.2},
}

// stillHeld is the chance a job is still held at the six-month follow-up.
var stillHeld = map[outcome.Kind]float64{
	outcome.KindEmploymentPermanent: 0.9, outcome.KindEmploymentFixedTerm: 0.6,
	outcome.KindApprenticeship: 0.8, outcome.KindSelfEmployment: 0.7,
}

// areaOutcomes are the results that answer needs other than work.
var areaOutcomes = map[domain.NeedArea]outcome.Kind{
	domain.NeedIncome:          outcome.KindIncomeStabilised,
	domain.NeedHousing:         outcome.KindHousingSecured,
	domain.NeedHealth:          outcome.KindHealthPathwayStarted,
	domain.NeedFamily:          outcome.KindSocialReintegration,
	domain.NeedSocialIsolation: outcome.KindSocialReintegration,
	domain.NeedEducation:       outcome.KindTrainingCompleted,
	domain.NeedDebt:            outcome.KindIncomeStabilised,
}

// dimensionOf is the value the pact promises that a result counts for.
func dimensionOf(kind outcome.Kind) outcome.ValueDimension {
	switch kind {
	case outcome.KindHousingSecured, outcome.KindHealthPathwayStarted, outcome.KindSocialReintegration, outcome.KindDroppedOut:
		return outcome.ValueDimensionSocial
	case outcome.KindCommunityEngagement:
		return outcome.ValueDimensionCultural
	default:
		return outcome.ValueDimensionEconomic
	}
}

// addOutcomes records the results of a case: work for many with an
// employment need (with the six-month follow-up when due), a result per
// other need for some, community engagement when the reciprocal hours were
// done, and dropping out when the person left.
func (w *writer) addOutcomes(c *caseDraft, end domain.Date, manager *ent.User, items []item, engaged bool) {
	g := w.g
	if c.status == casefile.StatusInCharge && g.chance(0.7) {
		return // most results come later in the pathway
	}
	span := c.takenOn.DaysUntil(end)
	if span < 31 {
		return
	}
	draft := func(kind outcome.Kind) *outcomeRow {
		return &outcomeRow{kind: kind, achieved: (*c.takenOn).AddDays(g.between(30, span))}
	}
	add := func(kind outcome.Kind) { w.addOutcome(c, manager, items, draft(kind)) }
	if c.closure == casefile.ClosureReasonDroppedOut {
		add(outcome.KindDroppedOut)
		return
	}
	for _, area := range c.needs {
		if area == domain.NeedEmployment {
			if !g.chance(0.55) {
				continue
			}
			kind := draw(g.rnd, employmentKinds)
			o := draft(kind)
			due := o.achieved.AddMonths(6)
			o.followUpDue = &due
			if !due.After(g.today) && g.chance(0.85) {
				followed := minDate(due.AddDays(g.between(0, 20)), g.today)
				o.followedUpOn, o.stillHeld = &followed, g.chance(stillHeld[kind])
			}
			w.addOutcome(c, manager, items, o)
			continue
		}
		if kind, ok := areaOutcomes[area]; ok && g.chance(0.4) {
			add(kind)
		}
	}
	if engaged {
		add(outcome.KindCommunityEngagement)
	}
}
