package demo

import (
	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/casefile"
)

// caseDraft is a case before it is written: its person, table and the
// dates of each step it reached by Today.
type caseDraft struct {
	id         gid.ID
	code       string
	person     *personDraft
	table      int // index in places and in network.tables
	needs      []domain.NeedArea
	priority   casefile.Priority
	status     casefile.Status
	referred   domain.Date
	assessed   *domain.Date // assessment started
	declined   *domain.Date
	takenOn    *domain.Date
	monitoring *domain.Date
	closed     *domain.Date
	closure    casefile.ClosureReason
	previous   *caseDraft // the closed case this one reopens
	goals      []gid.ID   // of its plan, once written
	reopened   bool       // a later case reopens this one
}

var needWeights = []weighted[domain.NeedArea]{
	{domain.NeedEmployment, 0.55}, {domain.NeedIncome, 0.45}, {domain.NeedHousing, 0.25}, {domain.NeedHealth, 0.15},
	{domain.NeedFamily, 0.15}, {domain.NeedEducation, 0.12}, {domain.NeedDebt, 0.18}, {domain.NeedLegal, 0.05},
	{domain.NeedSocialIsolation, 0.12},
}

var closureWeights = []weighted[casefile.ClosureReason]{
	{casefile.ClosureReasonGoalsMet, 0.45}, {casefile.ClosureReasonPartiallyMet, 0.25}, {casefile.ClosureReasonDroppedOut, 0.12},
	{casefile.ClosureReasonMovedAway, 0.07}, {casefile.ClosureReasonTransferred, 0.04}, {casefile.ClosureReasonDeceased, 0.01},
	{casefile.ClosureReasonOther, 0.06},
}

// pathway walks a referred case through the steps it reaches by Today,
// at realistic intervals: assessment within three weeks, taking charge
// within three months, monitoring after four to ten months, closure.
func (g *generator) pathway(c *caseDraft) {
	c.status = casefile.StatusReferred
	step := func(from domain.Date, lo, hi int) (domain.Date, bool) {
		d := from.AddDays(g.between(lo, hi))
		return d, !d.After(g.today)
	}
	assessed, ok := step(c.referred, 2, 20)
	if !ok {
		return
	}
	c.assessed, c.status = &assessed, casefile.StatusUnderAssessment
	if g.chance(0.08) {
		if d, ok := step(assessed, 5, 30); ok {
			c.declined, c.closed, c.status = &d, &d, casefile.StatusDeclined
		}
		return
	}
	taken, ok := step(assessed, 10, 80)
	if !ok {
		return
	}
	c.takenOn, c.status = &taken, casefile.StatusInCharge
	if g.chance(0.1) { // some leave before monitoring
		if d, ok := step(taken, 30, 200); ok {
			c.closed, c.closure, c.status = &d, casefile.ClosureReasonDroppedOut, casefile.StatusClosed
		}
		return
	}
	monitoring, ok := step(taken, 120, 300)
	if !ok {
		return
	}
	c.monitoring, c.status = &monitoring, casefile.StatusMonitoring
	closed, ok := step(monitoring, 30, 200)
	if !ok {
		return
	}
	c.closed, c.status = &closed, casefile.StatusClosed
	c.closure = draw(g.rnd, closureWeights)
}

// needAreas draws one to three areas of need.
func (g *generator) needAreas() []domain.NeedArea {
	var out []domain.NeedArea
	for _, w := range needWeights {
		if g.chance(w.weight) && len(out) < 3 {
			out = append(out, w.value)
		}
	}
	if len(out) == 0 {
		out = append(out, domain.NeedIncome)
	}
	return out
}

func (g *generator) priority() casefile.Priority {
	switch r := g.rnd.Float64(); {
	case r < 0.15:
		return casefile.PriorityLow
	case r < 0.65:
		return casefile.PriorityMedium
	case r < 0.93:
		return casefile.PriorityHigh
	default:
		return casefile.PriorityUrgent
	}
}
