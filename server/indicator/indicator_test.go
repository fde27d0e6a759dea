package indicator_test

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/directiveacknowledgement"
	"github.com/progetto-win/win/ent/fund"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/protocol"
	"github.com/progetto-win/win/ent/protocolcommitment"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/servicerequest"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// row is one counted thing as Go sees it: its date, case and person.
type row struct {
	date    domain.Date
	table   gid.ID
	mun     string
	areas   []domain.NeedArea
	gender  string
	born    int
	person  gid.ID
	kind    string  // outcomes only
	value   string  // outcomes only
	days    int     // days to take charge, takings only; to answer, requests only
	org     gid.ID  // service requests only: the organisation asked
	reason  string  // service requests only: why it was declined
	channel string  // the case's referral channel, "" when not recorded
	v       float64 // the row's value: 1 for a count
	noOne   bool    // the value is not about persons
}

// keyOf is the key of a row in a dimension, computed in Go.
func (r row) keysOf(d indicator.Dimension, end domain.Date) []string {
	day := r.date.String()
	if r.date.IsZero() {
		day = end.AddDays(-1).String()
	}
	switch d {
	case indicator.Table:
		return []string{string(r.table)}
	case indicator.Municipality:
		return []string{r.mun}
	case indicator.Month:
		return []string{day[:7]}
	case indicator.Quarter:
		m, _ := strconv.Atoi(day[5:7])
		return []string{fmt.Sprintf("%s-Q%d", day[:4], (m+2)/3)}
	case indicator.NeedArea:
		return domain.StringsOf(r.areas)
	case indicator.Gender:
		return []string{r.gender}
	case indicator.AgeBandDim:
		y, _ := strconv.Atoi(day[:4])
		return []string{string(indicator.BandOf(y - r.born))}
	case indicator.OutcomeKind:
		return []string{r.kind}
	case indicator.ValueDimension:
		return []string{r.value}
	case indicator.Organization:
		return []string{string(r.org)}
	case indicator.DeclineReason:
		return []string{r.reason}
	case indicator.ReferralChannel:
		return []string{r.channel}
	}
	panic(d)
}

// expected computes an indicator's cells in Go: per key, the value and
// the distinct persons.
func expected(rows []row, groupBy []indicator.Dimension, end domain.Date, value func([]row) float64) map[string][2]float64 {
	groups := map[string][]row{}
	for _, r := range rows {
		keys := []string{""}
		for _, d := range groupBy {
			var next []string
			for _, prefix := range keys {
				for _, k := range r.keysOf(d, end) {
					next = append(next, prefix+"|"+k)
				}
			}
			keys = next
		}
		for _, k := range keys {
			groups[k] = append(groups[k], r)
		}
	}
	out := map[string][2]float64{}
	for k, rs := range groups {
		persons := map[gid.ID]bool{}
		for _, r := range rs {
			persons[r.person] = true
		}
		n := float64(len(persons))
		if rs[0].noOne {
			n = -1
		}
		out[k] = [2]float64{value(rs), n}
	}
	return out
}

func sum(rs []row) float64 {
	total := 0.0
	for _, r := range rs {
		total += r.v
	}
	return total
}

func avg(rs []row) float64 { return sum(rs) / float64(len(rs)) }

// percentileCont is PostgreSQL's percentile_cont, in Go.
func percentileCont(p float64) func([]row) float64 {
	return func(rs []row) float64 {
		days := make([]float64, len(rs))
		for i, r := range rs {
			days[i] = float64(r.days)
		}
		sort.Float64s(days)
		pos := p * float64(len(days)-1)
		lo := math.Floor(pos)
		if int(lo)+1 >= len(days) {
			return days[int(lo)]
		}
		return days[int(lo)] + (pos-lo)*(days[int(lo)+1]-days[int(lo)])
	}
}

// got turns a result into the same shape.
func got(r *indicator.Result) map[string][2]float64 {
	out := map[string][2]float64{}
	for _, c := range r.Cells {
		k := ""
		for _, key := range c.Keys {
			k += "|" + key.Key
		}
		out[k] = [2]float64{*c.Value, persons(c)}
	}
	return out
}

// persons is a cell's persons, or -1 for a value not about persons.
func persons(c *indicator.Cell) float64 {
	if c.Persons == nil {
		return -1
	}
	return float64(*c.Persons)
}

// world loads demo data and reads back, as the system, what the
// indicators count.
type world struct {
	client *ent.Client
	cases  []*ent.CaseFile
	tables []gid.ID
}

func load(t *testing.T, db *store.DB, cases int) *world {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	client := db.Client()
	if _, err := demo.Load(ctx, db, demo.Options{Seed: 7, Cases: cases, Today: time.Now()}); err != nil {
		t.Fatal(err)
	}
	w := &world{client: client}
	w.cases = client.CaseFile.Query().WithPerson(func(q *ent.PersonQuery) { q.WithMunicipality() }).WithTable().
		WithOutcomes().WithPlan(func(q *ent.PlanQuery) { q.WithCommitments() }).
		WithServiceRequests(func(q *ent.ServiceRequestQuery) { q.WithOrganization().WithTable() }).AllX(ctx)
	w.tables = client.TerritorialTable.Query().IDsX(ctx)
	return w
}

// rows lists what a measure counts, with the filter's period applied.
func (w *world) rows(measure string, from, to *domain.Date) []row {
	var out []row
	in := func(d domain.Date) bool {
		return (from == nil || !d.Before(*from)) && (to == nil || d.Before(*to))
	}
	end := domain.Today().AddDays(1)
	if to != nil {
		end = *to
	}
	for _, c := range w.cases {
		p := c.Edges.Person
		base := row{table: c.Edges.Table.ID, areas: c.NeedAreas, gender: p.Gender.String(), born: *p.BirthYear, person: p.ID, v: 1}
		if m := p.Edges.Municipality; m != nil {
			base.mun = string(m.ID)
		}
		if c.ReferralChannel != nil {
			base.channel = c.ReferralChannel.String()
		}
		r := base
		switch measure {
		case "referrals":
			if r.date = c.ReferredOn; in(r.date) {
				out = append(out, r)
			}
		case "takingsInCharge", "days":
			if c.TakenInChargeOn != nil && in(*c.TakenInChargeOn) {
				r.date = *c.TakenInChargeOn
				r.days = c.ReferredOn.DaysUntil(*c.TakenInChargeOn)
				out = append(out, r)
			}
		case "closures":
			if c.Status == casefile.StatusClosed && in(*c.ClosedOn) {
				r.date = *c.ClosedOn
				out = append(out, r)
			}
		case "openCaseload":
			if c.ReferredOn.Before(end) && (c.ClosedOn == nil || !c.ClosedOn.Before(end)) {
				out = append(out, r)
			}
		case "outcomes", "positiveOutcomes":
			for _, o := range c.Edges.Outcomes {
				positive := o.Kind != outcome.KindDroppedOut && o.Kind != outcome.KindOther
				if in(o.AchievedOn) && (positive || measure == "outcomes") {
					r := base
					r.date, r.kind, r.value = o.AchievedOn, o.Kind.String(), o.ValueDimension.String()
					out = append(out, r)
				}
			}
		case "employmentOutcomeShare":
			if c.Status == casefile.StatusClosed && in(*c.ClosedOn) {
				r.date, r.v = *c.ClosedOn, 0
				for _, o := range c.Edges.Outcomes {
					if slices.Contains(employment, o.Kind) {
						r.v = 1
					}
				}
				out = append(out, r)
			}
		case "employmentHeldAtFollowUp":
			for _, o := range c.Edges.Outcomes {
				if slices.Contains(employment, o.Kind) && o.FollowedUpOn != nil && o.StillHeld != nil && in(*o.FollowedUpOn) {
					r := base
					r.date, r.kind, r.value, r.v = *o.FollowedUpOn, o.Kind.String(), o.ValueDimension.String(), 0
					if *o.StillHeld {
						r.v = 1
					}
					out = append(out, r)
				}
			}
		case "serviceRequestsSent", "serviceRequestsAccepted", "serviceRequestsDeclined", "serviceRequestsCompletedSuccessfully", "requestDays":
			for _, sr := range c.Edges.ServiceRequests {
				r := base
				r.table, r.org = sr.Edges.Table.ID, sr.Edges.Organization.ID
				if sr.DeclineReason != nil {
					r.reason = sr.DeclineReason.String()
				}
				var on *domain.Date
				switch measure {
				case "serviceRequestsSent":
					on = &sr.SentOn
				case "serviceRequestsAccepted":
					if sr.Status == servicerequest.StatusACCEPTED || sr.Status == servicerequest.StatusCOMPLETED {
						on = sr.AnsweredOn
					}
				case "serviceRequestsDeclined":
					if sr.Status == servicerequest.StatusDECLINED {
						on = sr.AnsweredOn
					}
				case "serviceRequestsCompletedSuccessfully":
					if sr.Status == servicerequest.StatusCOMPLETED && sr.Successful != nil && *sr.Successful {
						on = sr.CompletedOn
					}
				case "requestDays":
					if on = sr.AnsweredOn; on != nil {
						r.days = sr.SentOn.DaysUntil(*on)
					}
				}
				if on != nil && in(*on) {
					r.date = *on
					out = append(out, r)
				}
			}
		case "reciprocityHoursAgreed", "reciprocityHoursDone":
			if pl := c.Edges.Plan; pl != nil && pl.AgreedOn != nil && in(*pl.AgreedOn) {
				for _, cm := range pl.Edges.Commitments {
					r := base
					r.date, r.v = *pl.AgreedOn, float64(cm.HoursAgreed)
					if measure == "reciprocityHoursDone" {
						r.v = float64(cm.HoursDone)
					}
					out = append(out, r)
				}
			}
		}
	}
	return out
}

var employment = []outcome.Kind{outcome.KindEmploymentPermanent, outcome.KindEmploymentFixedTerm, outcome.KindApprenticeship, outcome.KindSelfEmployment}

// asCoordinatorOfAll is a viewer who sees every table unsuppressed.
func (w *world) asCoordinatorOfAll() context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{UserID: "usr_test", Roles: []domain.Role{domain.RoleCoordinator}, Coordinates: w.tables})
}

// TestIndicatorsMatchGo computes every counting indicator and the
// percentiles in the database, for several breakdowns and filters, and
// compares them with the same definitions computed in Go over the same
// rows.
func TestIndicatorsMatchGo(t *testing.T) {
	for _, size := range []int{40, 400} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				w := load(t, db, size)
				src := &indicator.Source{DB: db.SQL, Dialect: db.Dialect, Client: w.client}
				year := domain.Today().Year()
				from := domain.NewDate(year-1, 1, 1)
				to := domain.NewDate(year, 1, 1)
				empty := domain.NewDate(2001, 1, 1)
				periods := []struct{ from, to *domain.Date }{{nil, nil}, {&from, &to}, {&empty, &from}}
				breakdowns := [][]indicator.Dimension{{}, {indicator.Table}, {indicator.Month}, {indicator.Quarter, indicator.Gender},
					{indicator.NeedArea}, {indicator.AgeBandDim, indicator.Municipality}, {indicator.ReferralChannel}, {indicator.ReferralChannel, indicator.Table}}
				type ind struct {
					name, rows string
					get        func(*indicator.Indicators, context.Context, []indicator.Dimension) (*indicator.Result, error)
					value      func([]row) float64
				}
				inds := []ind{
					{"referrals", "referrals", (*indicator.Indicators).Referrals, sum},
					{"takingsInCharge", "takingsInCharge", (*indicator.Indicators).TakingsInCharge, sum},
					{"closures", "closures", (*indicator.Indicators).Closures, sum},
					{"openCaseload", "openCaseload", (*indicator.Indicators).OpenCaseload, sum},
					{"outcomes", "outcomes", (*indicator.Indicators).Outcomes, sum},
					{"positiveOutcomes", "positiveOutcomes", (*indicator.Indicators).PositiveOutcomes, sum},
					{"employmentOutcomeShare", "employmentOutcomeShare", (*indicator.Indicators).EmploymentOutcomeShare, avg},
					{"employmentHeldAtFollowUp", "employmentHeldAtFollowUp", (*indicator.Indicators).EmploymentHeldAtFollowUp, avg},
					{"reciprocityHoursAgreed", "reciprocityHoursAgreed", (*indicator.Indicators).ReciprocityHoursAgreed, sum},
					{"reciprocityHoursDone", "reciprocityHoursDone", (*indicator.Indicators).ReciprocityHoursDone, sum},
					{"daysToTakeChargeMedian", "days", (*indicator.Indicators).DaysToTakeChargeMedian, percentileCont(0.5)},
					{"daysToTakeChargeP90", "days", (*indicator.Indicators).DaysToTakeChargeP90, percentileCont(0.9)},
					{"serviceRequestsSent", "serviceRequestsSent", (*indicator.Indicators).ServiceRequestsSent, sum},
					{"serviceRequestsAccepted", "serviceRequestsAccepted", (*indicator.Indicators).ServiceRequestsAccepted, sum},
					{"serviceRequestsDeclined", "serviceRequestsDeclined", (*indicator.Indicators).ServiceRequestsDeclined, sum},
					{"serviceRequestsCompletedSuccessfully", "serviceRequestsCompletedSuccessfully", (*indicator.Indicators).ServiceRequestsCompletedSuccessfully, sum},
					{"serviceRequestDaysToAnswerMedian", "requestDays", (*indicator.Indicators).ServiceRequestDaysToAnswerMedian, percentileCont(0.5)},
				}
				checked := 0
				for _, p := range periods {
					ctx := w.asCoordinatorOfAll()
					ix, err := src.For(ctx, &indicator.Filter{From: p.from, To: p.to})
					if err != nil {
						t.Fatal(err)
					}
					end := domain.Today().AddDays(1)
					if p.to != nil {
						end = *p.to
					}
					for _, in := range inds {
						rows := w.rows(in.rows, p.from, p.to)
						extra := [][]indicator.Dimension{}
						if in.name == "outcomes" || in.name == "positiveOutcomes" || in.name == "employmentHeldAtFollowUp" {
							extra = append(extra, []indicator.Dimension{indicator.OutcomeKind, indicator.ValueDimension})
						}
						if strings.HasPrefix(in.name, "serviceRequest") {
							extra = append(extra, []indicator.Dimension{indicator.Organization}, []indicator.Dimension{indicator.DeclineReason, indicator.Table})
						}
						for _, groupBy := range append(slices.Clone(breakdowns), extra...) {
							if in.name == "openCaseload" && (slices.Contains(groupBy, indicator.Month) || slices.Contains(groupBy, indicator.Quarter)) {
								continue
							}
							r, err := in.get(ix, ctx, groupBy)
							if err != nil {
								t.Fatalf("%s by %v: %v", in.name, groupBy, err)
							}
							want := expected(rows, groupBy, end, in.value)
							if len(groupBy) == 0 {
								gotTotal := map[string][2]float64{}
								if r.Total.Value != nil {
									gotTotal[""] = [2]float64{*r.Total.Value, float64(*r.Total.Persons)}
								}
								if len(rows) == 0 && (strings.HasPrefix(in.name, "days") || strings.HasPrefix(in.name, "employment") || in.rows == "requestDays") {
									want = map[string][2]float64{}
								} else if len(rows) == 0 {
									want = map[string][2]float64{"": {0, 0}}
								}
								if !closeEnough(gotTotal, want) {
									t.Errorf("%s total from %v: got %v, want %v", in.name, p.from, gotTotal, want)
								}
							} else if g := got(r); !closeEnough(g, want) {
								t.Errorf("%s by %v from %v: got\n%v\nwant\n%v", in.name, groupBy, p.from, g, want)
							}
							checked++
						}
					}
				}
				t.Logf("%s, %d cases: %d indicator breakdowns equal to Go's", db.Dialect, size, checked)
			})
		})
	}
}

// closeEnough compares two computations, values to a millionth.
func closeEnough(a, b map[string][2]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok || math.Abs(v[0]-w[0]) > 1e-6 || v[1] != w[1] {
			return false
		}
	}
	return true
}

// TestMonthsInItalianTime counts one case referred on the first day of a
// month, whose midnight in Rome is the previous day in UTC, in summer
// and in winter time.
func TestMonthsInItalianTime(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		c := db.Client()
		org := c.Organization.Create().SetName("Comune").SetKind(organization.KindMunicipality).SaveX(ctx)
		u := c.User.Create().SetEmail("c@prova.example").SetName("C").SetRoles([]domain.Role{domain.RoleCoordinator}).SetOrganization(org).SaveX(ctx)
		tab := c.TerritorialTable.Create().SetName("Tavolo").SetCode("EMP").SetCoordinator(u).SaveX(ctx)
		for i, d := range []domain.Date{domain.NewDate(2026, 4, 1), domain.NewDate(2026, 12, 1)} {
			p := c.Person.Create().SetBirthYear(2002 - i).SetGender(person.GenderFemale).SetCitizenshipArea(person.CitizenshipAreaItaly).SaveX(ctx)
			c.CaseFile.Create().SetCode(fmt.Sprintf("EMP-2026-%04d", i+1)).SetPerson(p).SetTable(tab).SetReferringOrganization(org).
				SetReferredOn(d).SetReferralReason("Prova").SetNeedAreas([]domain.NeedArea{domain.NeedIncome}).ExecX(ctx)
		}
		src := &indicator.Source{DB: db.SQL, Dialect: db.Dialect, Client: c}
		vctx := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: u.ID, Roles: u.Roles, Coordinates: []gid.ID{tab.ID}})
		for _, tc := range []struct {
			from, to domain.Date
			want     string
		}{
			{domain.NewDate(2026, 4, 1), domain.NewDate(2026, 5, 1), "|2026-04|UNDER_25=1"},
			{domain.NewDate(2026, 3, 1), domain.NewDate(2026, 4, 1), ""},
			{domain.NewDate(2026, 11, 1), domain.NewDate(2027, 1, 1), "|2026-12|FROM_25_TO_34=1"},
		} {
			ix, err := src.For(vctx, &indicator.Filter{From: &tc.from, To: &tc.to})
			if err != nil {
				t.Fatal(err)
			}
			r, err := ix.Referrals(vctx, []indicator.Dimension{indicator.Month, indicator.AgeBandDim})
			if err != nil {
				t.Fatal(err)
			}
			var cells []string
			for _, c := range r.Cells {
				cells = append(cells, fmt.Sprintf("|%s|%s=%v", c.Keys[0].Key, c.Keys[1].Key, *c.Value))
			}
			if strings.Join(cells, ",") != tc.want {
				t.Errorf("referrals from %s: %v, want %s", tc.from, cells, tc.want)
			}
		}
	})
}

// TestNetworkIndicatorsMatchGo checks the indicators of funds,
// protocols and meetings against Go over the same records.
func TestNetworkIndicatorsMatchGo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := load(t, db, 300)
		ctx := rule.SystemContext(context.Background())
		src := &indicator.Source{DB: db.SQL, Dialect: db.Dialect, Client: w.client}
		vctx := w.asCoordinatorOfAll()
		today := domain.Today()
		year := today.Year()
		from := domain.NewDate(year-1, 1, 1)
		to := domain.NewDate(year, 1, 1)
		ix, err := src.For(vctx, &indicator.Filter{From: &from, To: &to})
		if err != nil {
			t.Fatal(err)
		}
		check := func(name string, r *indicator.Result, err error, want map[string][2]float64) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			g := got(r)
			if len(r.GroupBy) == 0 {
				g = map[string][2]float64{}
				if r.Total.Value != nil {
					g[""] = [2]float64{*r.Total.Value, persons(r.Total)}
				}
			}
			if !closeEnough(g, want) {
				t.Errorf("%s: got\n%v\nwant\n%v", name, g, want)
			}
		}
		add := func(m map[string][2]float64, k string, v float64) { m[k] = [2]float64{m[k][0] + v, -1} }

		allocated, committed, spent, spentByTable := map[string][2]float64{}, map[string][2]float64{}, map[string][2]float64{}, map[string][2]float64{}
		var totalAllocated, totalSpent float64
		for _, f := range w.client.Fund.Query().Where(fund.Year(year - 1)).WithMunicipality().
			WithInterventions(func(q *ent.InterventionQuery) { q.WithCase() }).AllX(ctx) {
			mun := "|" // the Union's and other funds of every municipality
			if f.Edges.Municipality != nil {
				mun += string(f.Edges.Municipality.ID)
			}
			add(allocated, mun, float64(f.AllocatedCents)/100)
			totalAllocated += float64(f.AllocatedCents) / 100
			for _, i := range f.Edges.Interventions {
				euros := float64(i.CostCents) / 100
				switch i.Status {
				case intervention.StatusPlanned, intervention.StatusOngoing:
					add(committed, mun, euros)
				default:
					add(spent, mun, euros)
					add(spentByTable, "|"+string(i.Edges.Case.QueryTable().OnlyIDX(ctx)), euros)
					totalSpent += euros
				}
			}
		}
		by := []indicator.Dimension{indicator.Municipality}
		r, err := ix.FundsAllocated(vctx, by)
		check("fundsAllocated", r, err, allocated)
		r, err = ix.FundsCommitted(vctx, by)
		check("fundsCommitted", r, err, committed)
		r, err = ix.FundsSpent(vctx, by)
		check("fundsSpent", r, err, spent)
		r, err = ix.FundsSpent(vctx, []indicator.Dimension{indicator.Table})
		check("fundsSpent by table", r, err, spentByTable)
		// By the fund's source and owner, the Union's funds under the Union.
		funds := w.client.Fund.Query().Where(fund.Year(year - 1)).WithOwner().
			WithInterventions().AllX(ctx)
		for _, d := range []indicator.Dimension{indicator.FundSource, indicator.FundOwner} {
			allocated, committed, spent := map[string][2]float64{}, map[string][2]float64{}, map[string][2]float64{}
			labels := map[string]string{}
			for _, f := range funds {
				k, label := f.Source.String(), f.Source.String()
				if d == indicator.FundOwner {
					k, label = string(f.Edges.Owner.ID), f.Edges.Owner.Name
				}
				labels[k] = label
				add(allocated, "|"+k, float64(f.AllocatedCents)/100)
				for _, i := range f.Edges.Interventions {
					if i.Status == intervention.StatusPlanned || i.Status == intervention.StatusOngoing {
						add(committed, "|"+k, float64(i.CostCents)/100)
					} else {
						add(spent, "|"+k, float64(i.CostCents)/100)
					}
				}
			}
			by := []indicator.Dimension{d}
			r, err := ix.FundsAllocated(vctx, by)
			check(fmt.Sprintf("fundsAllocated by %s", d), r, err, allocated)
			for _, c := range r.Cells {
				if c.Keys[0].Label != labels[c.Keys[0].Key] {
					t.Errorf("fundsAllocated by %s: %s is labelled %q, want %q", d, c.Keys[0].Key, c.Keys[0].Label, labels[c.Keys[0].Key])
				}
			}
			r, err = ix.FundsCommitted(vctx, by)
			check(fmt.Sprintf("fundsCommitted by %s", d), r, err, committed)
			r, err = ix.FundsSpent(vctx, by)
			check(fmt.Sprintf("fundsSpent by %s", d), r, err, spent)
			if len(allocated) < 2 {
				t.Errorf("the demo data should have funds of several %s values, got %v", d, allocated)
			}
		}
		union := false
		for _, f := range funds {
			union = union || f.Source == fund.SourceUnion
		}
		if !union {
			t.Error("the demo data should have a fund of the Union")
		}
		r, err = ix.FundsSpentShare(vctx)
		check("fundsSpentShare", r, err, map[string][2]float64{"": {totalSpent / totalAllocated, -1}})
		positive := len(w.rows("positiveOutcomes", &from, &to))
		r, err = ix.CostPerPositiveOutcome(vctx)
		check("costPerPositiveOutcome", r, err, map[string][2]float64{"": {totalSpent / float64(positive), -1}})

		active := 0.0
		for _, p := range w.client.Protocol.Query().AllX(ctx) {
			if p.Status == protocol.StatusActive && (p.ValidFrom == nil || p.ValidFrom.Before(to)) &&
				(p.ValidUntil == nil || !p.ValidUntil.Before(to.AddDays(-1))) {
				active++
			}
		}
		r, err = ix.ProtocolsActive(vctx)
		check("protocolsActive", r, err, map[string][2]float64{"": {active, -1}})

		onTime := map[string][]float64{}
		for _, pc := range w.client.ProtocolCommitment.Query().AllX(ctx) {
			if pc.Status == protocolcommitment.StatusDropped || pc.DueOn == nil || pc.DueOn.After(today) || pc.DueOn.Before(from) || !pc.DueOn.Before(to) {
				continue
			}
			q := row{date: *pc.DueOn}.keysOf(indicator.Quarter, to)[0]
			v := 0.0
			if pc.DoneOn != nil && !pc.DoneOn.After(*pc.DueOn) {
				v = 1
			}
			onTime["|"+q] = append(onTime["|"+q], v)
		}
		r, err = ix.ProtocolCommitmentsOnTime(vctx, []indicator.Dimension{indicator.Quarter})
		check("protocolCommitmentsOnTime", r, err, averages(onTime))

		meetings := map[string][2]float64{}
		for _, m := range w.client.Meeting.Query().WithTable().AllX(ctx) {
			if m.HeldAt.Before(from.Start()) || !m.HeldAt.Before(to.Start()) {
				continue
			}
			table := ""
			if m.Edges.Table != nil {
				table = string(m.Edges.Table.ID)
			}
			add(meetings, "|"+table+"|"+domain.DayOf(m.HeldAt).String()[:7], 1)
		}
		r, err = ix.MeetingsHeld(vctx, []indicator.Dimension{indicator.Table, indicator.Month})
		check("meetingsHeld", r, err, meetings)
		// Directives, once per addressed table, implemented by the deadline,
		// over the demo's two years: a year may have none due.
		tables := w.client.TerritorialTable.Query().IDsX(ctx)
		since, until := today.AddDays(-730), today.AddDays(1)
		wide, err := src.For(vctx, &indicator.Filter{From: &since, To: &until})
		if err != nil {
			t.Fatal(err)
		}
		implemented := map[string][]float64{}
		for _, d := range w.client.Directive.Query().WithTables().WithAcknowledgements(func(q *ent.DirectiveAcknowledgementQuery) { q.WithTable() }).AllX(ctx) {
			if d.DueOn == nil || d.DueOn.After(today) || d.DueOn.Before(since) || !d.DueOn.Before(until) {
				continue
			}
			addressed := tables
			if !d.AllTables {
				addressed = nil
				for _, t := range d.Edges.Tables {
					addressed = append(addressed, t.ID)
				}
			}
			for _, t := range addressed {
				v := 0.0
				skip := false
				for _, a := range d.Edges.Acknowledgements {
					if a.Edges.Table.ID != t {
						continue
					}
					skip = a.Status == directiveacknowledgement.StatusNotApplicable
					if a.Status == directiveacknowledgement.StatusImplemented && !a.StatusOn.After(*d.DueOn) {
						v = 1
					}
				}
				if !skip {
					implemented["|"+string(t)] = append(implemented["|"+string(t)], v)
				}
			}
		}
		r, err = wide.DirectivesImplementedOnTime(vctx, []indicator.Dimension{indicator.Table})
		check("directivesImplementedOnTime", r, err, averages(implemented))

		// Community activities and their participants, by value dimension
		// and municipality.
		activities, participants := map[string][2]float64{}, map[string][2]float64{}
		for _, a := range w.client.CommunityActivity.Query().WithMunicipality().AllX(ctx) {
			if a.HeldOn.Before(from) || !a.HeldOn.Before(to) {
				continue
			}
			place := ""
			if a.Edges.Municipality != nil {
				place = string(a.Edges.Municipality.ID)
			}
			key := "|" + string(a.ValueDimension) + "|" + place
			add(activities, key, 1)
			add(participants, key, float64(a.Participants))
		}
		r, err = ix.CommunityActivities(vctx, []indicator.Dimension{indicator.ValueDimension, indicator.Municipality})
		check("communityActivities", r, err, activities)
		r, err = ix.CommunityParticipants(vctx, []indicator.Dimension{indicator.ValueDimension, indicator.Municipality})
		check("communityParticipants", r, err, participants)
		if len(implemented) == 0 || len(activities) == 0 {
			t.Errorf("the demo data should have directives due (%d) and community activities last year (%d)", len(implemented), len(activities))
		}

		if len(meetings) == 0 || len(spent) == 0 || active == 0 {
			t.Errorf("the demo data should have meetings (%d), spending (%d) and active protocols (%v)", len(meetings), len(spent), active)
		}

		// Filters and breakdowns the records do not have are refused.
		if _, err := ix.FundsAllocated(vctx, []indicator.Dimension{indicator.Gender}); err == nil {
			t.Error("funds broken down by gender")
		}
		if _, err := ix.FundsSpent(vctx, []indicator.Dimension{indicator.ReferralChannel}); err == nil {
			t.Error("funds broken down by referral channel")
		}
		for name, d := range map[string]indicator.Dimension{"referrals": indicator.FundSource, "meetingsHeld": indicator.FundOwner,
			"serviceRequestsSent": indicator.FundSource, "protocolCommitmentsOnTime": indicator.ReferralChannel} {
			_, err := ix.Get(vctx, name, []indicator.Dimension{d})
			if want := fmt.Sprintf("%s has no %s breakdown", name, d); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s by %s: %v, want %q", name, d, err, want)
			}
		}
		withGender, err := src.For(vctx, &indicator.Filter{Genders: []person.Gender{person.GenderFemale}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := withGender.MeetingsHeld(vctx, nil); err == nil {
			t.Error("meetings filtered by gender")
		}
	})
}

// TestEmptyPeriodBrokenDown asks for breakdowns of a period with nothing
// in it: no cells, a total of zero for sums and none for averages.
func TestEmptyPeriodBrokenDown(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := load(t, db, 40)
		src := &indicator.Source{DB: db.SQL, Dialect: db.Dialect, Client: w.client}
		ctx := w.asCoordinatorOfAll()
		from, to := domain.NewDate(2001, 1, 1), domain.NewDate(2002, 1, 1)
		ix, err := src.For(ctx, &indicator.Filter{From: &from, To: &to})
		if err != nil {
			t.Fatal(err)
		}
		for name, want := range map[string]*float64{"referrals": new(float64), "employmentOutcomeShare": nil, "fundsSpent": new(float64)} {
			for _, groupBy := range [][]indicator.Dimension{{indicator.Table}, {indicator.Municipality}} {
				r, err := ix.Get(ctx, name, groupBy)
				if err != nil {
					t.Fatal(err)
				}
				if len(r.Cells) != 0 || (want == nil) != (r.Total.Value == nil) || want != nil && *r.Total.Value != 0 {
					t.Errorf("%s by %v over nothing: %d cells, total %v", name, groupBy, len(r.Cells), r.Total.Value)
				}
			}
		}
	})
}

// averages is each key's average of its rows' values (shares of 0 and
// 1), with no count of persons.
func averages(rows map[string][]float64) map[string][2]float64 {
	out := map[string][2]float64{}
	for k, vs := range rows {
		total := 0.0
		for _, v := range vs {
			total += v
		}
		out[k] = [2]float64{total / float64(len(vs)), -1}
	}
	return out
}
