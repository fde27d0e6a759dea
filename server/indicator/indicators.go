package indicator

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/municipality"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
)

// Source runs indicator queries on the database. Aggregates are beyond
// ent's queries, so the viewer's scope is applied here: all tables,
// suppressed and in published categories only (published.go), for the
// committee and analysts; their own tables, in full, for coordinators;
// nothing for anyone else.
type Source struct {
	DB      Queryer
	Dialect string
	Client  *ent.Client // for the names of tables and municipalities
	Cache   *Cache      // keeps results across requests; nil, for one request only
}

// Queryer runs SQL queries: the database, or a wrapper that counts them.
type Queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Indicators are the indicators of one filter for one viewer.
type Indicators struct {
	src      *Source
	filter   Filter
	end      domain.Date // the day after the period
	suppress bool
	memo     *memo
}

// For returns the indicators of a filter as a viewer may see them.
func (s *Source) For(ctx context.Context, f *Filter) (*Indicators, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, fault.ErrUnauthenticated
	}
	if s == nil || s.DB == nil {
		return nil, fmt.Errorf("indicator: no database")
	}
	ix := &Indicators{src: s}
	if f != nil {
		ix.filter = *f
	}
	switch {
	case Published(v):
		ix.suppress = true
	case len(v.Coordinates) > 0:
		for _, t := range ix.filter.TableIDs {
			if !slices.Contains(v.Coordinates, t) {
				return nil, &fault.Forbidden{Message: "coordinators see the indicators of the tables they coordinate"}
			}
		}
		ix.filter.scope = v.Coordinates
	default:
		return nil, &fault.Forbidden{Message: "indicators are for the steering committee, analysts and coordinators"}
	}
	if ix.suppress {
		if err := checkPublished(ix.filter, domain.Today()); err != nil {
			return nil, err
		}
	}
	ix.end = domain.Today().AddDays(1)
	if ix.filter.To != nil {
		ix.end = *ix.filter.To
	}
	if ix.filter.From != nil && !ix.filter.From.Before(ix.end) {
		return nil, fault.Invalidf("to", "must be after from")
	}
	ix.memo = s.Cache.memoFor(ix.key())
	return ix, nil
}

// sqlWord and sqlList write constant words of domain (statuses) as SQL
// literals, e.g. ('PLANNED', 'ONGOING'), so that the SQL says what Go
// says.
func sqlWord[T ~string](v T) string { return "'" + strings.ReplaceAll(string(v), "'", "''") + "'" }

func sqlList[T ~string](values []T) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = sqlWord(v)
	}
	return "(" + strings.Join(quoted, ", ") + ")"
}

// closedCase is the condition of a case closed, not declined.
var closedCase = "c.status = " + sqlWord(domain.CaseClosed)

// employmentKinds are the outcomes that are a job.
const employmentKinds = "('EMPLOYMENT_PERMANENT', 'EMPLOYMENT_FIXED_TERM', 'APPRENTICESHIP', 'SELF_EMPLOYMENT')"

// The measures, by the name of their field in the API.
var measures = map[string]measure{
	"referrals": aboutPersons(measure{where: "1 = 1", date: "c.referred_on",
		definition: "Cases whose referral date falls in the period; persons are counted once however many cases they have."}),
	"takingsInCharge": aboutPersons(measure{where: "c.taken_in_charge_on IS NOT NULL", date: "c.taken_in_charge_on",
		definition: "Cases whose date of taking charge falls in the period."}),
	"closures": aboutPersons(measure{where: closedCase, date: "c.closed_on",
		definition: "Cases now CLOSED whose closure date falls in the period; declined referrals are not closures."}),
	"openCaseload": aboutPersons(measure{where: "1 = 1", openOn: func(q *query, end domain.Date) string {
		return "c.referred_on < " + q.arg(end) + " AND (c.closed_on IS NULL OR c.closed_on >= " + q.arg(end) + ")"
	}, definition: "Cases referred before the end of the period and neither closed nor declined before it: open on the period's last day (today when the period has no end)."}),
	"daysToTakeCharge": aboutPersons(measure{where: "c.taken_in_charge_on IS NOT NULL", date: "c.taken_in_charge_on",
		days:       [2]string{"c.referred_on", "c.taken_in_charge_on"},
		definition: "Calendar days from the referral date to the date of taking charge, of the cases taken in charge in the period; percentiles interpolated between ranks, as percentile_cont does."}),
	"serviceRequestsSent": serviceRequests(measure{where: "1 = 1", date: "sr.sent_on",
		definition: "Service requests sent to partner organisations in the period (by the day sent), whatever became of them, cancelled ones included."}),
	"serviceRequestsAccepted": serviceRequests(measure{where: "sr.status IN ('ACCEPTED', 'COMPLETED')", date: "sr.answered_on",
		definition: "Service requests the organisation accepted in the period (by the day of the answer), completed since or not."}),
	"serviceRequestsDeclined": serviceRequests(measure{where: "sr.status = 'DECLINED'", date: "sr.answered_on",
		definition: "Service requests the organisation declined in the period (by the day of the answer); by DECLINE_REASON, the reason given."}),
	"serviceRequestsCompletedSuccessfully": serviceRequests(measure{where: "sr.status = 'COMPLETED' AND sr.successful", date: "sr.completed_on",
		definition: "Services requested that the organisation recorded as ended with success in the period (by the day they ended)."}),
	"serviceRequestDaysToAnswer": serviceRequests(measure{where: "sr.answered_on IS NOT NULL", date: "sr.answered_on",
		days:       [2]string{"sr.sent_on", "sr.answered_on"},
		definition: "Calendar days from sending a service request to the organisation's answer (accepted or declined), of the requests answered in the period; percentiles interpolated between ranks, as percentile_cont does."}),
	"outcomes": aboutPersons(measure{from: " JOIN outcomes o ON o.outcome_case = c.id", where: "1 = 1", date: "o.achieved_on", outcomes: true, value: "o.value_dimension",
		definition: "Outcomes whose date achieved falls in the period, of every kind and value dimension."}),
	"positiveOutcomes": aboutPersons(measure{from: " JOIN outcomes o ON o.outcome_case = c.id", where: "o.kind NOT IN ('DROPPED_OUT', 'OTHER')",
		date: "o.achieved_on", outcomes: true, value: "o.value_dimension",
		definition: "Outcomes whose date achieved falls in the period, except DROPPED_OUT and OTHER."}),
	"employmentOutcomeShare": aboutPersons(measure{where: closedCase, date: "c.closed_on", average: true,
		row:        "CASE WHEN EXISTS (SELECT 1 FROM outcomes e WHERE e.outcome_case = c.id AND e.kind IN " + employmentKinds + ") THEN 1.0 ELSE 0.0 END",
		definition: "Of the cases closed in the period (by closure date), the share (0 to 1) with at least one employment outcome: permanent, fixed-term, apprenticeship or self-employment."}),
	"employmentHeldAtFollowUp": aboutPersons(measure{from: " JOIN outcomes o ON o.outcome_case = c.id", outcomes: true, value: "o.value_dimension",
		where: "o.kind IN " + employmentKinds + " AND o.followed_up_on IS NOT NULL AND o.still_held IS NOT NULL", date: "o.followed_up_on",
		average: true, row: "CASE WHEN o.still_held THEN 1.0 ELSE 0.0 END",
		definition: "Of the employment outcomes followed up in the period (by follow-up date), the share (0 to 1) still held at the follow-up."}),
	"reciprocityHoursAgreed": commitments(measure{row: "cm.hours_agreed", twin: "reciprocityHoursDone",
		definition: "Hours of community activity agreed in the reciprocal commitments of the plans agreed in the period (by the plan's date)."}),
	"reciprocityHoursDone": commitments(measure{row: "cm.hours_done", twin: "reciprocityHoursAgreed",
		definition: "Hours of community activity done so far, of the reciprocal commitments of the plans agreed in the period (by the plan's date)."}),
	"fundsAllocated": {from: "funds f", where: "1 = 1", year: "f.year", row: "f.allocated_cents / 100.0", municipality: "f.fund_municipality",
		funds:      true,
		definition: "Euros allocated to the funds of the years the period touches; by MUNICIPALITY the municipality a fund covers (none for the Union's and others covering all), by FUND_SOURCE its source, by FUND_OWNER the body that owns it."},
	"fundsCommitted": {from: "interventions i JOIN funds f ON f.id = i.intervention_fund JOIN cases c ON c.id = i.intervention_case",
		where: "i.status IN " + sqlList(domain.PendingInterventionStatuses), year: "f.year", row: "i.cost_cents / 100.0",
		municipality: "f.fund_municipality", table: "c.case_file_table", funds: true,
		definition: "Euros of PLANNED or ONGOING interventions charged to the funds of the years the period touches: committed, not yet spent."},
	"fundsSpent": {from: "interventions i JOIN funds f ON f.id = i.intervention_fund JOIN cases c ON c.id = i.intervention_case",
		where: "i.status IN " + sqlList(domain.EndedInterventionStatuses), year: "f.year", row: "i.cost_cents / 100.0",
		municipality: "f.fund_municipality", table: "c.case_file_table", funds: true,
		definition: "Euros of COMPLETED or INTERRUPTED interventions charged to the funds of the years the period touches: spent."},
	"protocolsActive": {from: "protocols pr", where: "pr.status = 'ACTIVE'", openOn: func(q *query, end domain.Date) string {
		return "(pr.valid_from IS NULL OR pr.valid_from < " + q.arg(end) + ") AND (pr.valid_until IS NULL OR pr.valid_until >= " + q.arg(end.AddDays(-1)) + ")"
	}, definition: "Protocols ACTIVE and valid on the period's last day (today when the period has no end)."},
	"protocolCommitmentsOnTime": {from: "protocol_commitments pc", where: "pc.status <> 'DROPPED' AND pc.due_on IS NOT NULL", dueBy: "pc.due_on",
		date: "pc.due_on", average: true, row: "CASE WHEN pc.done_on IS NOT NULL AND pc.done_on <= pc.due_on THEN 1.0 ELSE 0.0 END",
		definition: "Of the protocol commitments due in the period and already due, dropped ones aside, the share (0 to 1) fulfilled by their due date."},
	"meetingsHeld": {from: "meetings m", where: "1 = 1", date: "m.held_at", instant: true, table: "m.meeting_table",
		definition: "Meetings of the tables and of the steering committee (no table) held in the period."},
	"directivesImplementedOnTime": {from: "directives d JOIN territorial_tables t ON d.all_tables OR EXISTS (SELECT 1 FROM directive_tables dt WHERE dt.directive_id = d.id AND dt.territorial_table_id = t.id)" +
		" LEFT JOIN directive_acknowledgements da ON da.directive_acknowledgement_directive = d.id AND da.directive_acknowledgement_table = t.id",
		where: "d.due_on IS NOT NULL AND (da.status IS NULL OR da.status <> 'NOT_APPLICABLE')", dueBy: "d.due_on", date: "d.due_on", average: true, table: "t.id",
		row:        "CASE WHEN da.status = 'IMPLEMENTED' AND da.status_on <= d.due_on THEN 1.0 ELSE 0.0 END",
		definition: "Of the directives due in the period and already due, counted once for each table they are addressed to, the share (0 to 1) the table implemented by the deadline; a table that found a directive not applicable to it is left out."},
	"communityActivities": {from: "community_activities ca", where: "1 = 1", date: "ca.held_on", municipality: "ca.community_activity_municipality", value: "ca.value_dimension",
		twin: "communityParticipants", definition: "Community activities (workshops, events, training of operators, campaigns) held in the period."},
	"communityParticipants": {from: "community_activities ca", where: "1 = 1", date: "ca.held_on", municipality: "ca.community_activity_municipality", value: "ca.value_dimension",
		row: "ca.participants", twin: "communityActivities", definition: "Participants in the community activities held in the period, summed over the activities: a person at two activities counts twice."},
}

// commitments is a measure of the reciprocal commitments of agreed plans.
func commitments(m measure) measure {
	m.from = " JOIN plans pl ON pl.case_file_plan = c.id JOIN commitments cm ON cm.commitment_plan = pl.id"
	m.where, m.date = "pl.agreed_on IS NOT NULL", "pl.agreed_on"
	return aboutPersons(m)
}

// of returns a measure by name.
func of(name string) measure {
	m := measures[name]
	m.name = name
	return m
}

// Referrals counts referrals.
func (ix *Indicators) Referrals(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("referrals"), groupBy)
}

// TakingsInCharge counts takings in charge.
func (ix *Indicators) TakingsInCharge(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("takingsInCharge"), groupBy)
}

// Closures counts closures.
func (ix *Indicators) Closures(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("closures"), groupBy)
}

// OpenCaseload counts the cases open at the end of the period.
func (ix *Indicators) OpenCaseload(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("openCaseload"), groupBy)
}

// Outcomes counts outcomes.
func (ix *Indicators) Outcomes(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("outcomes"), groupBy)
}

// PositiveOutcomes counts outcomes other than dropping out.
func (ix *Indicators) PositiveOutcomes(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("positiveOutcomes"), groupBy)
}

// EmploymentOutcomeShare is the share of closed cases with a job.
func (ix *Indicators) EmploymentOutcomeShare(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("employmentOutcomeShare"), groupBy)
}

// EmploymentHeldAtFollowUp is the share of jobs still held at follow-up.
func (ix *Indicators) EmploymentHeldAtFollowUp(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("employmentHeldAtFollowUp"), groupBy)
}

// ReciprocityHoursAgreed sums the hours agreed in reciprocal commitments.
func (ix *Indicators) ReciprocityHoursAgreed(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("reciprocityHoursAgreed"), groupBy)
}

// ReciprocityHoursDone sums the hours done in reciprocal commitments.
func (ix *Indicators) ReciprocityHoursDone(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("reciprocityHoursDone"), groupBy)
}

// FundsAllocated sums the funds allocated.
func (ix *Indicators) FundsAllocated(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("fundsAllocated"), groupBy)
}

// FundsCommitted sums the cost of planned and ongoing interventions.
func (ix *Indicators) FundsCommitted(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("fundsCommitted"), groupBy)
}

// FundsSpent sums the cost of completed and interrupted interventions.
func (ix *Indicators) FundsSpent(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("fundsSpent"), groupBy)
}

// FundsSpentShare is the share of the funds allocated that was spent.
func (ix *Indicators) FundsSpentShare(ctx context.Context) (*Result, error) {
	return ix.ratio(ctx, "fundsSpentShare", of("fundsSpent"), of("fundsAllocated"),
		"Euros spent (fundsSpent) divided by euros allocated (fundsAllocated), for the funds of the years the period touches.")
}

// CostPerPositiveOutcome is the euros spent per positive outcome.
func (ix *Indicators) CostPerPositiveOutcome(ctx context.Context) (*Result, error) {
	return ix.ratio(ctx, "costPerPositiveOutcome", of("fundsSpent"), of("positiveOutcomes"),
		"Euros spent (fundsSpent, funds of the years the period touches) divided by the positive outcomes achieved in the period (positiveOutcomes).")
}

// ProtocolsActive counts the protocols in force at the end of the period.
func (ix *Indicators) ProtocolsActive(ctx context.Context) (*Result, error) {
	return ix.aggregate(ctx, of("protocolsActive"), nil)
}

// ProtocolCommitmentsOnTime is the share of protocol commitments met by
// their due date.
func (ix *Indicators) ProtocolCommitmentsOnTime(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("protocolCommitmentsOnTime"), groupBy)
}

// MeetingsHeld counts the meetings held.
func (ix *Indicators) MeetingsHeld(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("meetingsHeld"), groupBy)
}

// DirectivesImplementedOnTime is the share of directives each addressed
// table implemented by the deadline.
func (ix *Indicators) DirectivesImplementedOnTime(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("directivesImplementedOnTime"), groupBy)
}

// CommunityActivities counts the community activities held.
func (ix *Indicators) CommunityActivities(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("communityActivities"), groupBy)
}

// CommunityParticipants sums the participants of community activities.
func (ix *Indicators) CommunityParticipants(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("communityParticipants"), groupBy)
}

// DaysToTakeChargeMedian is the median of the days to taking charge.
func (ix *Indicators) DaysToTakeChargeMedian(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.percentile(ctx, "daysToTakeChargeMedian", "daysToTakeCharge", groupBy, 1, 2)
}

// DaysToTakeChargeP90 is the 90th percentile of the days to taking charge.
func (ix *Indicators) DaysToTakeChargeP90(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.percentile(ctx, "daysToTakeChargeP90", "daysToTakeCharge", groupBy, 9, 10)
}

// ServiceRequestsSent counts the service requests sent.
func (ix *Indicators) ServiceRequestsSent(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("serviceRequestsSent"), groupBy)
}

// ServiceRequestsAccepted counts the service requests accepted.
func (ix *Indicators) ServiceRequestsAccepted(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("serviceRequestsAccepted"), groupBy)
}

// ServiceRequestsDeclined counts the service requests declined.
func (ix *Indicators) ServiceRequestsDeclined(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("serviceRequestsDeclined"), groupBy)
}

// ServiceRequestsCompletedSuccessfully counts the services ended with success.
func (ix *Indicators) ServiceRequestsCompletedSuccessfully(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.aggregate(ctx, of("serviceRequestsCompletedSuccessfully"), groupBy)
}

// ServiceRequestDaysToAnswerMedian is the median of the days a request
// waited for its answer.
func (ix *Indicators) ServiceRequestDaysToAnswerMedian(ctx context.Context, groupBy []Dimension) (*Result, error) {
	return ix.percentile(ctx, "serviceRequestDaysToAnswerMedian", "serviceRequestDaysToAnswer", groupBy, 1, 2)
}

// checkGroupBy refuses more than two dimensions, or one twice.
func checkGroupBy(groupBy []Dimension) error {
	if len(groupBy) > 2 {
		return fault.Invalidf("groupBy", "at most two dimensions")
	}
	if len(groupBy) == 2 && groupBy[0] == groupBy[1] {
		return fault.Invalidf("groupBy", "%s is given twice", groupBy[0])
	}
	return nil
}

// aggregate computes an indicator: its total and breakdown.
func (ix *Indicators) aggregate(ctx context.Context, m measure, groupBy []Dimension) (*Result, error) {
	if err := checkGroupBy(groupBy); err != nil {
		return nil, err
	}
	if ix.suppress && len(ix.filter.selected()) > 0 {
		return ix.published(m, groupBy, func(all *Indicators, dims []Dimension) (*Result, error) { return all.aggregate(ctx, m, dims) })
	}
	key := memoKey(m.name, groupBy)
	r := ix.memo.result(m.name, groupBy)
	if r == nil {
		err := ix.memo.once(ctx, key, func(ctx context.Context) error {
			if ix.memo.result(m.name, groupBy) != nil {
				return nil // computed meanwhile
			}
			rs, err := ix.count(ctx, m, groupBy)
			if err == nil {
				ix.memo.keep(rs...)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		r = ix.memo.result(m.name, groupBy)
	}
	if ix.suppress && m.person != "" {
		suppress(r)
	}
	return r, nil
}

// count computes a measure's total and breakdown, unsuppressed, and its
// twin's in the same scan when it has one.
func (ix *Indicators) count(ctx context.Context, m measure, groupBy []Dimension) ([]*Result, error) {
	ms := []measure{m}
	if m.twin != "" {
		ms = append(ms, of(m.twin))
	}
	rs := make([]*Result, len(ms))
	for i, m := range ms {
		rs[i] = &Result{Indicator: m.name, Definition: ix.define(m.definition), GroupBy: append([]Dimension{}, groupBy...), Cells: []*Cell{}}
	}
	oneScan := oneScan(groupBy)
	queries := queriesOf(groupBy)
	if oneScan {
		queries = [][]Dimension{groupBy}
	}
	for _, dims := range queries {
		q, err := countSQL(ix.src.Dialect, ms, ix.filter, dims, ix.end, oneScan)
		if err != nil {
			return nil, err
		}
		var totals []bool
		twins := map[*Cell][]*Cell{}
		cells, err := ix.run(ctx, q, dims, func(rows *sql.Rows, k0, k1 *string) (*Cell, error) {
			values := make([]sql.NullFloat64, len(ms))
			var persons, total int
			dest := []any{k0, k1}
			for i := range values {
				dest = append(dest, &values[i])
			}
			if err := rows.Scan(append(dest, &persons, &total)...); err != nil {
				return nil, err
			}
			totals = append(totals, total == 1)
			var cs []*Cell
			for i, value := range values {
				c := &Cell{}
				if value.Valid || !ms[i].average { // a sum over nothing is zero; an average, nothing
					c.Value = &value.Float64
				}
				if m.person != "" {
					c.Persons = &persons
				}
				cs = append(cs, c)
			}
			twins[cs[0]] = cs
			return cs[0], nil
		})
		if err != nil {
			return nil, err
		}
		for i, r := range rs {
			var breakdown, total []*Cell
			for j, c := range cells {
				c := twins[c][i]
				c.Keys = cells[j].clone().Keys
				if oneScan && totals[j] {
					c.Keys = nil
					total = append(total, c)
				} else {
					breakdown = append(breakdown, c)
				}
			}
			if oneScan {
				ix.place(r, ms[i], nil, total)
			}
			ix.place(r, ms[i], dims, breakdown)
		}
	}
	return rs, nil
}

// ratio divides the totals of two measures.
func (ix *Indicators) ratio(ctx context.Context, name string, num, den measure, definition string) (*Result, error) {
	var totals [2]*Cell
	for i, m := range []measure{num, den} {
		r, err := ix.aggregate(ctx, m, nil)
		if err != nil {
			return nil, err
		}
		totals[i] = r.Total
	}
	r := &Result{Indicator: name, Definition: ix.define(definition), GroupBy: []Dimension{}, Total: &Cell{Keys: []*Key{}}}
	switch {
	case totals[0].Suppressed || totals[1].Suppressed:
		r.Total.Suppressed = true
	case totals[1].Value != nil && *totals[1].Value != 0:
		v := *totals[0].Value / *totals[1].Value
		r.Total.Value = &v
	}
	return r, nil
}

// percentile computes a percentile num/den of the days a measure of
// days counts (daysToTakeCharge, serviceRequestDaysToAnswer).
func (ix *Indicators) percentile(ctx context.Context, name, days string, groupBy []Dimension, num, den int) (*Result, error) {
	if err := checkGroupBy(groupBy); err != nil {
		return nil, err
	}
	m := of(days)
	m.name, m.average = name, true // like an average, a percentile of nothing is no value
	if ix.suppress && len(ix.filter.selected()) > 0 {
		return ix.published(m, groupBy, func(all *Indicators, dims []Dimension) (*Result, error) {
			return all.percentile(ctx, name, days, dims, num, den)
		})
	}
	r := &Result{Indicator: name, Definition: ix.define(m.definition), GroupBy: append([]Dimension{}, groupBy...), Cells: []*Cell{}}
	hists, err := ix.histograms(ctx, m, groupBy)
	if err != nil {
		return nil, err
	}
	for _, h := range hists {
		var cells []*Cell
		for _, g := range h.groups {
			if len(g.days) == 0 { // PostgreSQL's persons of no cases
				continue
			}
			cells = append(cells, g.percentile(num, den))
		}
		ix.place(r, m, h.dims, cells)
	}
	if ix.suppress {
		suppress(r)
	}
	return r, nil
}

// histogram is the days to take charge of the cases of a breakdown (or
// of the total, dims nil): how many cases took each number of days, per
// cell.
type histogram struct {
	dims   []Dimension
	groups []*daysGroup
}

// daysGroup is one cell of a histogram.
type daysGroup struct {
	keys    []*Key
	days    []float64 // ascending
	cases   []int     // the cases that took days[i]
	persons int
}

// percentile is the percentile num/den of a cell's days, interpolated
// between ranks as percentile_cont does.
func (g *daysGroup) percentile(num, den int) *Cell {
	n := 0
	for _, k := range g.cases {
		n += k
	}
	pos := num * (n - 1)
	lo, hi := g.at(1+pos/den), g.at(2+pos/den)
	value := *lo
	if hi != nil {
		value += float64(pos%den) / float64(den) * (*hi - *lo)
	}
	persons := g.persons
	keys := make([]*Key, len(g.keys))
	for i, k := range g.keys {
		key := *k
		keys[i] = &key
	}
	return &Cell{Keys: keys, Value: &value, Persons: &persons}
}

// at is the days of the case of a rank (1 for the fewest), nil past the
// last.
func (g *daysGroup) at(rank int) *float64 {
	for i, k := range g.cases {
		if rank <= k {
			return &g.days[i]
		}
		rank -= k
	}
	return nil
}

// histograms reads the days to take charge of the total and a breakdown,
// once per request whatever the percentiles asked of them.
func (ix *Indicators) histograms(ctx context.Context, m measure, groupBy []Dimension) ([]histogram, error) {
	key := memoKey(m.days[0]+"-"+m.days[1], groupBy) // the median and the 90th percentile share their scan
	if hists, ok := ix.memo.histograms(key); ok {
		return hists, nil
	}
	err := ix.memo.once(ctx, "days/"+key, func(ctx context.Context) error {
		if _, ok := ix.memo.histograms(key); ok {
			return nil // read meanwhile
		}
		hists, err := ix.readHistograms(ctx, m, groupBy)
		if err == nil {
			ix.memo.keepHistograms(key, hists)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	hists, _ := ix.memo.histograms(key)
	return hists, nil
}

// readHistograms reads the histograms of the total and a breakdown.
func (ix *Indicators) readHistograms(ctx context.Context, m measure, groupBy []Dimension) ([]histogram, error) {
	oneScan := oneScan(groupBy)
	queries := queriesOf(groupBy)
	if oneScan {
		queries = [][]Dimension{groupBy}
	}
	hists := []histogram{{dims: nil}}
	if len(groupBy) > 0 {
		hists = append(hists, histogram{dims: groupBy})
	}
	for _, dims := range queries {
		q, err := histogramSQL(ix.src.Dialect, m, ix.filter, dims, ix.end, oneScan)
		if err != nil {
			return nil, err
		}
		byKeys := map[string]*daysGroup{}
		var kinds []int
		var days []sql.NullFloat64
		var counts []int
		cells, err := ix.run(ctx, q, dims, func(rows *sql.Rows, k0, k1 *string) (*Cell, error) {
			var d sql.NullFloat64
			var n, kind int
			if err := rows.Scan(k0, k1, &d, &n, &kind); err != nil {
				return nil, err
			}
			kinds, days, counts = append(kinds, kind), append(days, d), append(counts, n)
			return &Cell{}, nil
		})
		if err != nil {
			return nil, err
		}
		for i, c := range cells {
			h, id := &hists[len(hists)-1], identity(c)
			if dims == nil || kinds[i] >= histTotal {
				h, id, c.Keys = &hists[0], "total", nil
			}
			g := byKeys[id]
			if g == nil {
				g = &daysGroup{keys: c.Keys}
				byKeys[id] = g
				h.groups = append(h.groups, g)
			}
			if kinds[i]%2 == 1 {
				g.persons = counts[i]
				continue
			}
			g.days, g.cases = append(g.days, days[i].Float64), append(g.cases, counts[i])
		}
	}
	return hists, nil
}

// define is a result's definition, with the rule of what the committee
// and analysts see when it applies.
func (ix *Indicators) define(definition string) string {
	if ix.suppress {
		return definition + publishedRule
	}
	return definition
}

// oneScan reports whether one scan gives the total with the breakdown:
// unless there is no breakdown, or it repeats cases (one row per need
// area).
func oneScan(groupBy []Dimension) bool {
	return len(groupBy) > 0 && !slices.Contains(groupBy, NeedArea)
}

// queriesOf lists the breakdowns to query: the total, and the breakdown
// asked for, if any.
func queriesOf(groupBy []Dimension) [][]Dimension {
	if len(groupBy) == 0 {
		return [][]Dimension{nil}
	}
	return [][]Dimension{nil, groupBy}
}

// place puts the cells of a query in the result: the total, or the
// breakdown. Over nothing, a sum is zero; an average or a percentile has
// no value.
func (ix *Indicators) place(r *Result, m measure, dims []Dimension, cells []*Cell) {
	if dims != nil {
		if cells != nil {
			r.Cells = cells
		}
		return
	}
	if len(cells) == 0 {
		zero, none := 0.0, 0
		r.Total = &Cell{Keys: []*Key{}}
		if m.person != "" {
			r.Total.Persons = &none
		}
		if !m.average {
			r.Total.Value = &zero
		}
		return
	}
	r.Total = cells[0]
	r.Total.Keys = []*Key{}
}

// run executes a query and reads its cells, naming their keys.
func (ix *Indicators) run(ctx context.Context, q *query, dims []Dimension, scan func(*sql.Rows, *string, *string) (*Cell, error)) ([]*Cell, error) {
	rows, err := ix.src.DB.QueryContext(ctx, q.sql.String(), q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cells []*Cell
	for rows.Next() {
		var k0, k1 string
		c, err := scan(rows, &k0, &k1)
		if err != nil {
			return nil, err
		}
		for i, d := range dims {
			c.Keys = append(c.Keys, &Key{Dimension: d, Key: []string{k0, k1}[i]})
		}
		cells = append(cells, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return cells, ix.label(ctx, cells)
}

// label names the keys of tables, municipalities and organisations (a
// fund's owner is one);
// other keys are their own labels.
func (ix *Indicators) label(ctx context.Context, cells []*Cell) error {
	for _, c := range cells {
		for _, k := range c.Keys {
			k.Label = k.Key
			if k.Dimension != Table && k.Dimension != Municipality && k.Dimension != Organization && k.Dimension != FundOwner {
				continue
			}
			labels, err := ix.memo.names.of(ctx, ix.src.Client, k.Dimension)
			if err != nil {
				return err
			}
			if name, ok := labels[k.Key]; ok {
				k.Label = name
			}
		}
	}
	return nil
}

// of returns the names of all tables, municipalities or organisations,
// by ID, read once: there are tens of them, and a request labels many
// breakdowns.
func (n *names) of(ctx context.Context, client *ent.Client, d Dimension) (map[string]string, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	read := &n.tables
	switch d {
	case Municipality:
		read = &n.muns
	case Organization, FundOwner:
		read = &n.orgs
	}
	if *read != nil {
		return *read, nil
	}
	labels := map[string]string{"": "non indicato"}
	sys := rule.SystemContext(ctx)
	switch d {
	case Organization, FundOwner:
		os, err := client.Organization.Query().Select(organization.FieldName).All(sys)
		if err != nil {
			return nil, err
		}
		for _, o := range os {
			labels[string(o.ID)] = o.Name
		}
	case Table:
		ts, err := client.TerritorialTable.Query().Select(territorialtable.FieldName).All(sys)
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			labels[string(t.ID)] = t.Name
		}
	default:
		ms, err := client.Municipality.Query().Select(municipality.FieldName).All(sys)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			labels[string(m.ID)] = m.Name
		}
	}
	*read = labels
	return labels, nil
}

// Names lists the indicators by their API names, for exports.
var Names = []string{"referrals", "takingsInCharge", "closures", "openCaseload", "daysToTakeChargeMedian", "daysToTakeChargeP90",
	"outcomes", "positiveOutcomes", "employmentOutcomeShare", "employmentHeldAtFollowUp", "reciprocityHoursAgreed",
	"reciprocityHoursDone", "fundsAllocated", "fundsCommitted", "fundsSpent", "fundsSpentShare", "costPerPositiveOutcome",
	"protocolsActive", "protocolCommitmentsOnTime", "meetingsHeld", "directivesImplementedOnTime", "communityActivities", "communityParticipants",
	"serviceRequestsSent", "serviceRequestsAccepted", "serviceRequestsDeclined", "serviceRequestsCompletedSuccessfully",
	"serviceRequestDaysToAnswerMedian"}

// Get computes an indicator by its API name.
func (ix *Indicators) Get(ctx context.Context, name string, groupBy []Dimension) (*Result, error) {
	switch name {
	case "daysToTakeChargeMedian":
		return ix.DaysToTakeChargeMedian(ctx, groupBy)
	case "daysToTakeChargeP90":
		return ix.DaysToTakeChargeP90(ctx, groupBy)
	case "serviceRequestDaysToAnswerMedian":
		return ix.ServiceRequestDaysToAnswerMedian(ctx, groupBy)
	case "fundsSpentShare", "costPerPositiveOutcome", "protocolsActive":
		if len(groupBy) > 0 {
			return nil, fault.Invalidf("groupBy", "%s has no breakdown", name)
		}
		switch name {
		case "fundsSpentShare":
			return ix.FundsSpentShare(ctx)
		case "costPerPositiveOutcome":
			return ix.CostPerPositiveOutcome(ctx)
		}
		return ix.ProtocolsActive(ctx)
	}
	if _, ok := measures[name]; !ok || measures[name].days[0] != "" {
		return nil, fault.Invalidf("indicator", "no indicator is called %q", name)
	}
	return ix.aggregate(ctx, of(name), groupBy)
}
