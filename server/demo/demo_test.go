package demo_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/meeting"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/protocolcommitment"
	"github.com/progetto-win/win/ent/schema/domain"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

var (
	today   = time.Date(2026, time.November, 25, 10, 0, 0, 0, time.UTC)
	rome, _ = time.LoadLocation("Europe/Rome")
	// ctx reads as the system: the tests look at everything.
	ctx = rule.SystemContext(context.Background())
)

func load(t testing.TB, c *ent.Client, seed int64, cases int) *demo.Summary {
	t.Helper()
	s, err := demo.Load(context.Background(), c, demo.Options{Seed: seed, Cases: cases, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestLoad checks the content of a demo load; WIN_DEMO_SEED picks another
// seed than 7, to try the checks on other draws.
func TestLoad(t *testing.T) {
	seed := int64(7)
	if v, err := strconv.ParseInt(os.Getenv("WIN_DEMO_SEED"), 10, 64); err == nil {
		seed = v
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := db.Client()
		s := load(t, c, seed, 300)
		for name, pair := range map[string][2]int{
			"municipalities": {s.Municipalities, c.Municipality.Query().CountX(ctx)},
			"organizations":  {s.Organizations, c.Organization.Query().CountX(ctx)},
			"tables":         {s.Tables, c.TerritorialTable.Query().CountX(ctx)},
			"users":          {s.Users, c.User.Query().CountX(ctx)},
			"persons":        {s.Persons, c.Person.Query().CountX(ctx)},
			"cases":          {s.Cases, c.CaseFile.Query().CountX(ctx)},
			"interventions":  {s.Interventions, c.Intervention.Query().CountX(ctx)},
			"outcomes":       {s.Outcomes, c.Outcome.Query().CountX(ctx)},
		} {
			if pair[0] != pair[1] {
				t.Errorf("%s: summary %d, database %d", name, pair[0], pair[1])
			}
		}
		if s.Municipalities != 11 || s.Tables != 11 || s.Cases != 300 || s.Organizations < 55 || s.Organizations > 65 {
			t.Errorf("unexpected sizes: %+v", s)
		}
		t.Run("network", func(t *testing.T) { checkNetwork(t, c) })
		t.Run("accounts", func(t *testing.T) { checkAccounts(t, c) })
		t.Run("governance", func(t *testing.T) { checkGovernance(t, c) })
		t.Run("cases", func(t *testing.T) { checkCases(t, c) })
		t.Run("persons", func(t *testing.T) { checkPersons(t, c) })
		t.Run("delivery", func(t *testing.T) { checkDelivery(t, c) })
	})
}

// checkNetwork checks municipalities, organisations, the pact and tables.
func checkNetwork(t *testing.T, c *ent.Client) {
	istat := map[string]string{}
	for _, m := range c.Municipality.Query().AllX(ctx) {
		istat[m.Name] = m.IstatCode
	}
	if istat["Empoli"] != "048014" || istat["Vinci"] != "048050" || len(istat) != 11 {
		t.Errorf("municipalities: %v", istat)
	}
	public := []organization.Kind{organization.KindMunicipality, organization.KindUnionOfMunicipalities,
		organization.KindEmploymentCentre, organization.KindSocialHealthService}
	kinds := map[organization.Kind]int{}
	orgs := c.Organization.Query().AllX(ctx)
	for _, o := range orgs {
		kinds[o.Kind]++
		if !slices.Contains(public, o.Kind) && !strings.Contains(o.Name, "Demo") {
			t.Errorf("private organisation %q does not say it is fictional", o.Name)
		}
		if !strings.HasSuffix(o.Email, "@demo.example") {
			t.Errorf("%s: e-mail %s outside the reserved domain", o.Name, o.Email)
		}
	}
	for _, k := range append(public, organization.KindTradeUnion, organization.KindEmployersAssociation,
		organization.KindCaritas, organization.KindThirdSector, organization.KindTrainingBody) {
		if kinds[k] == 0 {
			t.Errorf("no organisation of kind %s", k)
		}
	}
	if n := c.Pact.Query().QuerySignatories().CountX(ctx); n != len(orgs) {
		t.Errorf("the pact has %d signatories of %d organisations", n, len(orgs))
	}
	for _, tab := range c.TerritorialTable.Query().WithMembers().WithMunicipalities().WithCoordinator().AllX(ctx) {
		if n := len(tab.Edges.Members); n < 4 || n > 7 {
			t.Errorf("%s has %d members", tab.Code, n)
		}
		if len(tab.Edges.Municipalities) != 1 || tab.Name != "Tavolo territoriale di "+tab.Edges.Municipalities[0].Name {
			t.Errorf("%s (%s) does not cover its municipality", tab.Code, tab.Name)
		}
		if tab.Edges.Coordinator == nil || !tab.QueryMembers().Where(tablemembership.HasUserWith(user.ID(tab.Edges.Coordinator.ID))).ExistX(ctx) {
			t.Errorf("%s: the coordinator does not sit at the table", tab.Code)
		}
	}
}

// checkAccounts checks the six demo accounts.
func checkAccounts(t *testing.T, c *ent.Client) {
	roles := map[string]domain.Role{
		demo.AdminEmail: domain.RoleAdmin, demo.SteeringEmail: domain.RoleSteering, demo.CoordinatorEmail: domain.RoleCoordinator,
		demo.OperatorEmail: domain.RoleOperator, demo.OperatorVinciEmail: domain.RoleOperator, demo.AnalystEmail: domain.RoleAnalyst,
	}
	for email, role := range roles {
		u := c.User.Query().Where(user.Email(email)).OnlyX(ctx)
		if !slices.Equal(u.Roles, []domain.Role{role}) || u.PasswordHash == "" {
			t.Errorf("%s has roles %v (password set: %v), want %s", email, u.Roles, u.PasswordHash != "", role)
		}
	}
	emp := c.TerritorialTable.Query().Where(territorialtable.Code("EMP")).WithCoordinator().OnlyX(ctx)
	if emp.Edges.Coordinator.Email != demo.CoordinatorEmail {
		t.Errorf("EMP is coordinated by %s", emp.Edges.Coordinator.Email)
	}
	tablesOf := func(email string) []string {
		var codes []string
		for _, m := range c.TableMembership.Query().Where(tablemembership.HasUserWith(user.Email(email))).WithTable().AllX(ctx) {
			codes = append(codes, m.Edges.Table.Code)
		}
		return codes
	}
	for email, want := range map[string]string{demo.CoordinatorEmail: "EMP", demo.OperatorEmail: "EMP", demo.OperatorVinciEmail: "VIN"} {
		if got := tablesOf(email); !slices.Equal(got, []string{want}) {
			t.Errorf("%s sits at %v, want %s only", email, got, want)
		}
	}
	if org := c.User.Query().Where(user.Email(demo.OperatorEmail)).QueryOrganization().OnlyX(ctx); org.Name != "Comune di Empoli" {
		t.Errorf("operator@ works for %s", org.Name)
	}
	for _, u := range c.User.Query().AllX(ctx) {
		if !strings.HasSuffix(u.Email, "@demo.example") {
			t.Errorf("user e-mail %s outside the reserved domain", u.Email)
		}
	}
}

// checkGovernance checks protocols, directives, objectives and meetings.
func checkGovernance(t *testing.T, c *ent.Client) {
	protocols := c.Protocol.Query().WithParties(func(q *ent.ProtocolPartyQuery) { q.WithCommitments() }).WithObjectives().AllX(ctx)
	if len(protocols) < 3 || len(protocols) > 5 {
		t.Errorf("%d protocols", len(protocols))
	}
	statuses := map[protocolcommitment.Status]int{}
	for _, p := range protocols {
		if len(p.Edges.Parties) < 2 || len(p.Edges.Objectives) == 0 {
			t.Errorf("%s: %d parties, %d objectives", p.Title, len(p.Edges.Parties), len(p.Edges.Objectives))
		}
		for _, party := range p.Edges.Parties {
			for _, pc := range party.Edges.Commitments {
				statuses[pc.Status]++
				due := pc.DueOn != nil && pc.DueOn.After(today)
				switch {
				case pc.DueOn == nil || p.ValidFrom == nil || pc.DueOn.Before(*p.ValidFrom) || pc.DueOn.After(*p.ValidUntil):
					t.Errorf("%s: commitment due outside the protocol's validity", p.Title)
				case pc.Status == protocolcommitment.StatusOpen && !due, pc.Status == protocolcommitment.StatusLate && due:
					t.Errorf("%s: commitment %s due %s", p.Title, pc.Status, pc.DueOn)
				case pc.Status == protocolcommitment.StatusDone && (pc.DoneOn == nil || pc.DoneOn.After(today)):
					t.Errorf("%s: commitment done on %v", p.Title, pc.DoneOn)
				}
			}
		}
	}
	for _, s := range []protocolcommitment.Status{protocolcommitment.StatusOpen, protocolcommitment.StatusDone,
		protocolcommitment.StatusLate, protocolcommitment.StatusDropped} {
		if statuses[s] == 0 {
			t.Errorf("no protocol commitment is %s: %v", s, statuses)
		}
	}
	all, some := 0, 0
	for _, d := range c.Directive.Query().WithTables().AllX(ctx) {
		switch {
		case d.AllTables && len(d.Edges.Tables) == 0:
			all++
		case !d.AllTables && len(d.Edges.Tables) > 0:
			some++
		default:
			t.Errorf("directive %q: all tables %v, %d tables", d.Title, d.AllTables, len(d.Edges.Tables))
		}
	}
	if all == 0 || some == 0 {
		t.Errorf("directives: %d to all tables, %d to some", all, some)
	}
	for _, body := range []meeting.Body{meeting.BodySteeringCommittee, meeting.BodyTable} {
		held := c.Meeting.Query().Where(meeting.BodyEQ(body), meeting.HeldAtLT(today), meeting.HasAttendees(), meeting.HasDecisions()).CountX(ctx)
		if held < 6 {
			t.Errorf("%d %s meetings held with attendees and decisions", held, body)
		}
	}
	if n := c.Meeting.Query().Where(meeting.BodyEQ(meeting.BodyTable), meeting.Not(meeting.HasTable())).CountX(ctx); n > 0 {
		t.Errorf("%d table meetings without a table", n)
	}
	if n := c.Objective.Query().CountX(ctx); n == 0 {
		t.Error("no objectives")
	}
}

var codePattern = regexp.MustCompile(`^([A-Z]{3})-([0-9]{4})-([0-9]{4,6})$`)

// pathOrder is the order of the steps of the pathway.
var pathOrder = map[caseevent.Kind]int{
	caseevent.KindReferred: 1, caseevent.KindAssessmentStarted: 2, caseevent.KindDeclined: 3,
	caseevent.KindTakenInCharge: 3, caseevent.KindMonitoringStarted: 4, caseevent.KindClosed: 5,
}

// checkCases checks the pathway's invariants on every case.
func checkCases(t *testing.T, c *ent.Client) {
	statuses := map[casefile.Status]int{}
	tables := map[string]int{}
	openByPerson := map[string]int{}
	seq := map[string][]int{}
	reopened := 0
	cases := c.CaseFile.Query().WithPerson().WithTable(func(q *ent.TerritorialTableQuery) {
		q.WithMembers(func(q *ent.TableMembershipQuery) { q.WithUser() })
	}).WithCaseManager().WithPlan(func(q *ent.PlanQuery) { q.WithGoals() }).WithPreviousCase().
		WithEvents(func(q *ent.CaseEventQuery) { q.Order(caseevent.ByOccurredAt()) }).WithReferringOrganization().AllX(ctx)
	for _, cs := range cases {
		statuses[cs.Status]++
		tables[cs.Edges.Table.Code]++
		m := codePattern.FindStringSubmatch(cs.Code)
		if m == nil || m[1] != cs.Edges.Table.Code || m[2] != strconv.Itoa(cs.ReferredOn.In(rome).Year()) {
			t.Errorf("%s: code does not match table %s and year %d", cs.Code, cs.Edges.Table.Code, cs.ReferredOn.Year())
		} else {
			n, _ := strconv.Atoi(m[3])
			seq[m[1]+m[2]] = append(seq[m[1]+m[2]], n)
		}
		if cs.ReferredOn.After(today) || cs.ConsentGivenAt == nil || cs.Edges.ReferringOrganization == nil {
			t.Errorf("%s: referred %s, consent %v", cs.Code, cs.ReferredOn, cs.ConsentGivenAt)
		}
		switch cs.Status {
		case casefile.StatusClosed, casefile.StatusDeclined:
			if cs.ClosedOn == nil || cs.ClosedOn.After(today) {
				t.Errorf("%s %s without a past closing date", cs.Code, cs.Status)
			}
		default:
			openByPerson[string(cs.Edges.Person.ID)]++
			if cs.ClosedOn != nil {
				t.Errorf("%s %s has a closing date", cs.Code, cs.Status)
			}
		}
		if (cs.Status == casefile.StatusClosed) != (cs.ClosureReason != nil) {
			t.Errorf("%s %s with closure reason %v", cs.Code, cs.Status, cs.ClosureReason)
		}
		if (cs.Status == casefile.StatusDeclined) != (cs.DeclineReason != "") {
			t.Errorf("%s %s with decline reason %q", cs.Code, cs.Status, cs.DeclineReason)
		}
		inCharge := slices.Contains([]casefile.Status{casefile.StatusInCharge, casefile.StatusMonitoring, casefile.StatusClosed}, cs.Status)
		if inCharge {
			if cs.Edges.Plan == nil || len(cs.Edges.Plan.Edges.Goals) == 0 {
				t.Errorf("%s %s without a plan with goals", cs.Code, cs.Status)
			}
			if cs.Edges.CaseManager == nil || cs.TakenInChargeOn == nil {
				t.Errorf("%s %s without case manager or date", cs.Code, cs.Status)
			} else if !slices.ContainsFunc(cs.Edges.Table.Edges.Members, func(m *ent.TableMembership) bool {
				return m.Edges.User.ID == cs.Edges.CaseManager.ID
			}) {
				t.Errorf("%s: case manager is not a member of %s", cs.Code, cs.Edges.Table.Code)
			}
		} else if cs.Edges.Plan != nil || cs.Edges.CaseManager != nil || cs.TakenInChargeOn != nil {
			t.Errorf("%s %s has a plan, manager or date of taking charge", cs.Code, cs.Status)
		}
		checkTimeline(t, cs)
		if p := cs.Edges.PreviousCase; p != nil {
			reopened++
			if p.Status != casefile.StatusClosed || !p.ClosedOn.Before(cs.ReferredOn) || p.QueryPerson().OnlyIDX(ctx) != cs.Edges.Person.ID {
				t.Errorf("%s reopens %s, which was not the same person's case closed before", cs.Code, p.Code)
			}
		}
	}
	for _, s := range []casefile.Status{casefile.StatusReferred, casefile.StatusUnderAssessment, casefile.StatusInCharge,
		casefile.StatusMonitoring, casefile.StatusClosed, casefile.StatusDeclined} {
		if statuses[s] == 0 {
			t.Errorf("no case is %s: %v", s, statuses)
		}
	}
	for p, n := range openByPerson {
		if n > 1 {
			t.Errorf("person %s has %d open cases", p, n)
		}
	}
	for k, ns := range seq {
		slices.Sort(ns)
		for i, n := range ns {
			if n != i+1 {
				t.Errorf("%s: sequence %v has gaps or repeats", k, ns)
				break
			}
		}
	}
	if reopened == 0 {
		t.Error("no case reopens a closed one")
	}
	// Cases follow population, give or take chance: Empoli has the most.
	population := map[string]int{}
	total := 0
	for _, m := range c.Municipality.Query().WithTables().AllX(ctx) {
		population[m.Edges.Tables[0].Code] = m.Population
		total += m.Population
	}
	for code, n := range tables {
		want := float64(len(cases)*population[code]) / float64(total)
		if n > tables["EMP"] || math.Abs(float64(n)-want) > 3*math.Sqrt(want)+3 {
			t.Errorf("cases by table out of proportion to population: %v", tables)
			break
		}
	}
}

// checkTimeline checks that a case's events follow its pathway in time,
// from the referral to Today, and that each made a version.
func checkTimeline(t *testing.T, cs *ent.CaseFile) {
	events := cs.Edges.Events
	if cs.Version != len(events) || len(events) == 0 || events[0].Kind != caseevent.KindReferred {
		t.Errorf("%s: version %d, %d events", cs.Code, cs.Version, len(events))
		return
	}
	last := 0
	kinds := map[caseevent.Kind]bool{}
	for _, e := range events {
		kinds[e.Kind] = true
		if e.OccurredAt.Before(cs.ReferredOn) || e.OccurredAt.After(today) {
			t.Errorf("%s: %s at %s, outside referral to today", cs.Code, e.Kind, e.OccurredAt)
		}
		if step, ok := pathOrder[e.Kind]; ok {
			if step <= last {
				t.Errorf("%s: %s out of order", cs.Code, e.Kind)
			}
			last = step
		}
	}
	want := map[casefile.Status][]caseevent.Kind{
		casefile.StatusUnderAssessment: {caseevent.KindAssessmentStarted},
		casefile.StatusDeclined:        {caseevent.KindAssessmentStarted, caseevent.KindDeclined},
		casefile.StatusInCharge:        {caseevent.KindTakenInCharge},
		casefile.StatusMonitoring:      {caseevent.KindTakenInCharge, caseevent.KindMonitoringStarted},
		casefile.StatusClosed:          {caseevent.KindTakenInCharge, caseevent.KindClosed},
	}
	for _, k := range want[cs.Status] {
		if !kinds[k] {
			t.Errorf("%s %s: no %s event", cs.Code, cs.Status, k)
		}
	}
}

// checkPersons checks the identities: valid tax codes that agree with
// the birth date, contacts in the reserved domain.
func checkPersons(t *testing.T, c *ent.Client) {
	for _, p := range c.Person.Query().WithIdentity().AllX(ctx) {
		id := p.Edges.Identity
		if id == nil || id.TaxCode == nil {
			t.Fatalf("person %s without identity or tax code", p.Pseudonym)
		}
		tc, birth := *id.TaxCode, id.BirthDate.In(rome)
		if err := domain.ValidateTaxCode(tc); err != nil {
			t.Fatalf("%s: %v", tc, err)
		}
		day, _ := strconv.Atoi(tc[9:11])
		if tc[6:8] != fmt.Sprintf("%02d", birth.Year()%100) || tc[8] != domain.TaxCodeMonthLetter(int(birth.Month())) ||
			day%40 != birth.Day() || birth.Year() != p.BirthYear {
			t.Errorf("%s does not match the birth date %s", tc, birth.Format(time.DateOnly))
		}
		if !strings.HasSuffix(id.Email, "@example.org") || id.City == "" || id.Address == "" {
			t.Errorf("%s: contacts %q, %q %q", tc, id.Email, id.Address, id.City)
		}
	}
}

// checkDelivery checks interventions against Today and funds, and the
// outcomes' dimensions and follow-ups.
func checkDelivery(t *testing.T, c *ent.Client) {
	statuses := map[intervention.Status]int{}
	for _, i := range c.Intervention.Query().WithFund(func(q *ent.FundQuery) { q.WithMunicipality() }).
		WithCase(func(q *ent.CaseFileQuery) { q.WithPerson(func(q *ent.PersonQuery) { q.WithMunicipality() }) }).AllX(ctx) {
		statuses[i.Status]++
		started, ended := !i.StartsOn.After(today), i.EndsOn != nil && !i.EndsOn.After(today)
		ok := map[intervention.Status]bool{
			intervention.StatusPlanned:     !started,
			intervention.StatusOngoing:     started && !ended,
			intervention.StatusCompleted:   ended,
			intervention.StatusInterrupted: ended,
		}[i.Status]
		if !ok || i.EndsOn == nil || i.EndsOn.Before(i.StartsOn) {
			t.Errorf("intervention %s from %s to %v", i.Status, i.StartsOn, i.EndsOn)
		}
		if f := i.Edges.Fund; f != nil {
			if f.Year != i.StartsOn.In(rome).Year() || f.Edges.Municipality.ID != i.Edges.Case.Edges.Person.Edges.Municipality.ID {
				t.Errorf("intervention of %s starting %s paid by %s", i.Edges.Case.Edges.Person.Edges.Municipality.Name, i.StartsOn, f.Name)
			}
		}
	}
	for _, s := range []intervention.Status{intervention.StatusPlanned, intervention.StatusOngoing, intervention.StatusCompleted, intervention.StatusInterrupted} {
		if statuses[s] == 0 {
			t.Errorf("no intervention is %s: %v", s, statuses)
		}
	}
	perYear := map[int]int64{}
	for _, f := range c.Fund.Query().WithInterventions().AllX(ctx) {
		perYear[f.Year] += f.AllocatedCents
		var spent int64
		for _, i := range f.Edges.Interventions {
			spent += i.CostCents
		}
		if spent > f.AllocatedCents {
			t.Errorf("%s: %d cents committed of %d", f.Name, spent, f.AllocatedCents)
		}
	}
	for year := today.Year() - 2; year <= today.Year(); year++ {
		if a := perYear[year]; a < 190_000_00 || a > 200_000_00 {
			t.Errorf("funds of %d: %d cents", year, a)
		}
	}

	dimensions := map[outcome.Kind]outcome.ValueDimension{
		outcome.KindEmploymentPermanent: outcome.ValueDimensionEconomic, outcome.KindEmploymentFixedTerm: outcome.ValueDimensionEconomic,
		outcome.KindApprenticeship: outcome.ValueDimensionEconomic, outcome.KindSelfEmployment: outcome.ValueDimensionEconomic,
		outcome.KindSocialReintegration: outcome.ValueDimensionSocial, outcome.KindCommunityEngagement: outcome.ValueDimensionCultural,
	}
	employment := map[outcome.Kind]bool{outcome.KindEmploymentPermanent: true, outcome.KindEmploymentFixedTerm: true,
		outcome.KindApprenticeship: true, outcome.KindSelfEmployment: true}
	seen := map[outcome.ValueDimension]int{}
	var due, followed int
	for _, o := range c.Outcome.Query().WithCase().WithIntervention().AllX(ctx) {
		seen[o.ValueDimension]++
		if d, ok := dimensions[o.Kind]; ok && d != o.ValueDimension {
			t.Errorf("%s outcome counted as %s", o.Kind, o.ValueDimension)
		}
		cs := o.Edges.Case
		if o.AchievedOn.After(today) || o.AchievedOn.Before(*cs.TakenInChargeOn) || (cs.ClosedOn != nil && o.AchievedOn.After(*cs.ClosedOn)) {
			t.Errorf("%s: outcome achieved %s outside the plan", cs.Code, o.AchievedOn)
		}
		if i := o.Edges.Intervention; i != nil && o.AchievedOn.Before(i.StartsOn) {
			t.Errorf("%s: outcome before the intervention that led to it", cs.Code)
		}
		if !employment[o.Kind] {
			if o.FollowUpDueOn != nil {
				t.Errorf("%s outcome with a follow-up", o.Kind)
			}
			continue
		}
		// Dates are midnight in Rome: six months on is counted there.
		if o.FollowUpDueOn == nil || !o.FollowUpDueOn.Equal(o.AchievedOn.In(rome).AddDate(0, 6, 0)) {
			t.Errorf("employment outcome without its six-month follow-up date")
			continue
		}
		if o.FollowUpDueOn.Before(today) {
			due++
			if o.FollowedUpOn != nil {
				followed++
				if o.StillHeld == nil || o.FollowedUpOn.Before(*o.FollowUpDueOn) || o.FollowedUpOn.After(today) {
					t.Errorf("follow-up on %s (due %s), still held %v", o.FollowedUpOn, o.FollowUpDueOn, o.StillHeld)
				}
			}
		} else if o.FollowedUpOn != nil {
			t.Error("follow-up done before it was due")
		}
	}
	if len(seen) != 3 {
		t.Errorf("outcomes by value dimension: %v", seen)
	}
	if due == 0 || followed*2 < due {
		t.Errorf("%d of %d due follow-ups done", followed, due)
	}
}

// canonical is the content of a load without its random IDs and
// pseudonyms.
func canonical(t *testing.T, c *ent.Client) string {
	t.Helper()
	var b strings.Builder
	for _, u := range c.User.Query().WithOrganization().Order(user.ByEmail()).AllX(ctx) {
		fmt.Fprintf(&b, "%s %s %v %s\n", u.Email, u.Name, u.Roles, u.Edges.Organization.Name)
	}
	for _, cs := range c.CaseFile.Query().WithPerson(func(q *ent.PersonQuery) { q.WithIdentity() }).
		WithOutcomes(func(q *ent.OutcomeQuery) { q.Order(outcome.ByAchievedOn(), outcome.ByKind()) }).
		WithInterventions(func(q *ent.InterventionQuery) { q.Order(intervention.ByStartsOn(), intervention.ByKind()) }).
		WithEvents().Order(casefile.ByCode()).AllX(ctx) {
		p := cs.Edges.Person
		fmt.Fprintf(&b, "%s %s %s %s %v %d %s %d %v|", cs.Code, cs.Status, cs.Priority, cs.ReferredOn.UTC(), cs.NeedAreas,
			p.BirthYear, *p.Edges.Identity.TaxCode, len(cs.Edges.Events), cs.ClosureReason)
		for _, i := range cs.Edges.Interventions {
			fmt.Fprintf(&b, " %s/%s/%d", i.Kind, i.Status, i.CostCents)
		}
		b.WriteString(" |")
		for _, o := range cs.Edges.Outcomes {
			fmt.Fprintf(&b, " %s/%s", o.Kind, o.AchievedOn.UTC().Format(time.DateOnly))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestLoadIsDeterministic(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			a, b, other := storetest.Open(t, d).Client(), storetest.Open(t, d).Client(), storetest.Open(t, d).Client()
			load(t, a, 11, 200)
			load(t, b, 11, 200)
			load(t, other, 12, 200)
			ca, cb := canonical(t, a), canonical(t, b)
			if ca != cb {
				la, lb := strings.Split(ca, "\n"), strings.Split(cb, "\n")
				for i := range min(len(la), len(lb)) {
					if la[i] != lb[i] {
						t.Fatalf("two loads with the same seed differ at line %d:\n%s\n%s", i, la[i], lb[i])
					}
				}
				t.Fatal("two loads with the same seed differ in length")
			}
			if canonical(t, other) == ca {
				t.Error("another seed gives the same data")
			}
		})
	}
}

func TestLoadRefusesData(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := db.Client()
		load(t, c, 1, 10)
		_, err := demo.Load(context.Background(), c, demo.Options{Seed: 1, Cases: 10, Today: today})
		if !errors.Is(err, demo.ErrNotEmpty) {
			t.Fatalf("second load: %v", err)
		}
		if n := c.CaseFile.Query().CountX(ctx); n != 10 {
			t.Errorf("%d cases after the refused load", n)
		}
	})
}

func TestLoadFewCases(t *testing.T) {
	// Even a handful of cases shows every status.
	c := storetest.Open(t, "sqlite3").Client()
	load(t, c, 5, 6)
	for _, s := range []casefile.Status{casefile.StatusReferred, casefile.StatusUnderAssessment, casefile.StatusInCharge,
		casefile.StatusMonitoring, casefile.StatusClosed, casefile.StatusDeclined} {
		if !c.CaseFile.Query().Where(casefile.StatusEQ(s)).ExistX(ctx) {
			t.Errorf("no %s case among 6", s)
		}
	}
}

// BenchmarkLoad loads WIN_BENCH_CASES cases (1,000 by default) into a
// fresh database per iteration and reports cases per second, on SQLite
// and, when WIN_TEST_DATABASE_URL is set, on PostgreSQL:
//
//	WIN_BENCH_CASES=100000 go test -run '^$' -bench Load -benchtime 1x ./server/demo/
func BenchmarkLoad(b *testing.B) {
	cases := 1000
	if v, err := strconv.Atoi(os.Getenv("WIN_BENCH_CASES")); err == nil && v > 0 {
		cases = v
	}
	for _, d := range storetest.Dialects {
		b.Run(d, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				c := storetest.Open(b, d).Client()
				b.StartTimer()
				load(b, c, 1, cases)
			}
			b.ReportMetric(float64(cases)*float64(b.N)/b.Elapsed().Seconds(), "cases/s")
		})
	}
}
