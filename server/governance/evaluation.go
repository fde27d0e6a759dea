// Package governance carries the steering committee's work: protocols and
// their commitments, directives and their acknowledgement, meetings, and
// the evaluation of objectives against the indicators (docs/domain.md#governance, #indicators).
package governance

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/objective"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/indicator"
)

// ObjectiveStatus is how an objective stands.
type ObjectiveStatus string

// The statuses of an objective.
const (
	OnTrack ObjectiveStatus = "ON_TRACK"
	AtRisk  ObjectiveStatus = "AT_RISK"
	Missed  ObjectiveStatus = "MISSED"
	// NotEnoughData: for the committee and analysts, no whole month of
	// the period is over yet, so there is nothing they may be shown.
	NotEnoughData ObjectiveStatus = "NOT_ENOUGH_DATA"
	// Withheld: for the committee and analysts, the objective's filters
	// are not a published category (several values in a list, or more
	// than two dimensions), or its value is withheld as about fewer than
	// 5 persons.
	Withheld ObjectiveStatus = "WITHHELD"
)

// MarshalGQL implements graphql.Marshaler.
func (s ObjectiveStatus) MarshalGQL(w io.Writer) { domain.MarshalEnum(w, s) }

// UnmarshalGQL implements graphql.Unmarshaler; the API only returns
// statuses, but gqlgen binds enums both ways.
func (s *ObjectiveStatus) UnmarshalGQL(v any) (err error) {
	*s, err = domain.UnmarshalEnum(v, []ObjectiveStatus{OnTrack, AtRisk, Missed, NotEnoughData, Withheld}, "ObjectiveStatus")
	return err
}

// Evaluation is an objective's indicator against its target.
type Evaluation struct {
	Value    *float64
	Target   float64
	Expected float64
	Status   ObjectiveStatus
	AsOf     domain.Date
}

// cumulative are the indicators that grow through a period: their target
// is due pro rata.
var cumulative = map[objective.Indicator]bool{
	objective.IndicatorReferrals: true, objective.IndicatorTakingsInCharge: true, objective.IndicatorClosures: true,
	objective.IndicatorPositiveOutcomes: true, objective.IndicatorReciprocityHoursDone: true, objective.IndicatorMeetingsHeld: true,
}

// indicatorName is the API name of an objective's indicator:
// DAYS_TO_TAKE_CHARGE_MEDIAN is daysToTakeChargeMedian.
func indicatorName(i objective.Indicator) string {
	words := strings.Split(strings.ToLower(string(i)), "_")
	for k := 1; k < len(words); k++ {
		words[k] = strings.ToUpper(words[k][:1]) + words[k][1:]
	}
	return strings.Join(words, "")
}

// Evaluate computes an objective's indicator over its period so far, with
// its filters, as the viewer may see it, against its target: for counts
// and sums, the target pro rata of the days elapsed. Once the period is
// over, an objective not met is MISSED; before, AT_RISK.
//
// The committee and analysts see the indicators in published categories
// only (server/indicator/published.go), so for them the period evaluated
// is the whole calendar months already over within the objective's
// period, and counts and sums are compared with the target pro rata of
// the days those months cover: NOT_ENOUGH_DATA while no such month is
// over. An objective whose filters are not one published category (a
// list of several values, or more than two dimensions) is WITHHELD for
// them, as is a value about fewer than 5 persons: answering it, even as a
// sum of per-value answers, would let two objectives subtract to a
// withheld cell, and the committee creates objectives with any filters.
func Evaluate(ctx context.Context, stats *indicator.Source, o *ent.Objective, now time.Time) (*Evaluation, error) {
	sys := rule.SystemContext(ctx)
	tables, err := o.QueryTables().IDs(sys)
	if err != nil {
		return nil, err
	}
	municipalities, err := o.QueryMunicipalities().IDs(sys)
	if err != nil {
		return nil, err
	}
	start, end := o.PeriodStart, o.PeriodEnd.AddDays(1)
	today := domain.DayOf(now)
	asOf := end.AddDays(-1)
	if today.Before(asOf) {
		asOf = today
	}
	from, to := start, asOf.AddDays(1)
	if to.Before(start.AddDays(1)) {
		to = start.AddDays(1)
	}
	published := indicator.Published(viewer.FromContext(ctx))
	if published {
		e := &Evaluation{Target: o.Target, Expected: o.Target, AsOf: asOf}
		if cumulative[o.Indicator] {
			e.Expected = 0
		}
		lists, several := 0, false
		for _, n := range []int{len(tables), len(municipalities), len(o.NeedAreas)} {
			if n > 0 {
				lists++
			}
			several = several || n > 1
		}
		if several || lists > 2 {
			e.Status = Withheld
			return e, nil
		}
		// Whole months within the period, over by today.
		from = firstOfMonth(start)
		if from != start {
			from = from.AddMonths(1)
		}
		to = firstOfMonth(end)
		if thisMonth := firstOfMonth(today); thisMonth.Before(to) {
			to = thisMonth
		}
		if !from.Before(to) {
			e.Status = NotEnoughData
			return e, nil
		}
		asOf = to.AddDays(-1)
	}
	ix, err := stats.For(ctx, &indicator.Filter{From: &from, To: &to, TableIDs: tables, MunicipalityIDs: municipalities, NeedAreas: o.NeedAreas})
	if err != nil {
		return nil, err
	}
	r, err := ix.Get(ctx, indicatorName(o.Indicator), nil)
	if err != nil {
		return nil, err
	}
	e := &Evaluation{Value: r.Total.Value, Target: o.Target, Expected: o.Target, AsOf: asOf}
	if cumulative[o.Indicator] {
		days := float64(start.DaysUntil(end))
		elapsed := max(0, float64(from.DaysUntil(to)))
		e.Expected = o.Target * min(1, elapsed/days)
	}
	met := e.Value != nil && (o.LowerIsBetter && *e.Value <= e.Expected || !o.LowerIsBetter && *e.Value >= e.Expected)
	switch {
	case published && r.Total.Suppressed:
		e.Status = Withheld
	case met:
		e.Status = OnTrack
	case !today.Before(end):
		e.Status = Missed
	default:
		e.Status = AtRisk
	}
	return e, nil
}

// firstOfMonth is the first day of a day's month.
func firstOfMonth(d domain.Date) domain.Date {
	return domain.NewDate(d.Year(), d.Month(), 1)
}
