package demo_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/servicerequest"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/intervention"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/protocol"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

var (
	today = time.Date(2026, time.November, 25, 10, 0, 0, 0, time.UTC)
)

func load(t *testing.T, db *store.DB, cases int) *demo.Summary {
	t.Helper()
	s, err := demo.Load(rule.SystemContext(context.Background()), db, demo.Options{Seed: 7, Cases: cases, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestLoad(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		c := db.Client()
		s := load(t, db, 300)
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

		// The demo accounts, with their roles and tables.
		roles := map[string]domain.Role{
			demo.AdminEmail: domain.RoleAdmin, demo.SteeringEmail: domain.RoleSteering, demo.CoordinatorEmail: domain.RoleCoordinator,
			demo.OperatorEmail: domain.RoleOperator, demo.OperatorVinciEmail: domain.RoleOperator, demo.AnalystEmail: domain.RoleAnalyst,
			demo.PartnerEmail: domain.RoleOperator,
		}
		for email, role := range roles {
			u := c.User.Query().Where(user.Email(email)).OnlyX(ctx)
			if !slices.Contains(u.Roles, role) {
				t.Errorf("%s has roles %v, want %s", email, u.Roles, role)
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
		if got := tablesOf(demo.OperatorEmail); !slices.Equal(got, []string{"EMP"}) {
			t.Errorf("operator@ sits at %v, want EMP", got)
		}
		if got := tablesOf(demo.OperatorVinciEmail); !slices.Equal(got, []string{"VIN"}) {
			t.Errorf("operator.vinci@ sits at %v, want VIN only", got)
		}

		if got := tablesOf(demo.PartnerEmail); len(got) != 0 {
			t.Errorf("the partner operator sits at %v, want no table", got)
		}
		checkRequestsAndApprovals(t, c)

		checkCases(t, c)
		checkFunds(t, c)
		checkPersons(t, c)
	})
}

// checkCases checks the pathway's invariants on every case.
func checkCases(t *testing.T, c *ent.Client) {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	statuses := map[casefile.Status]int{}
	openByPerson := map[string]int{}
	cases := c.CaseFile.Query().WithPerson().WithTable(func(q *ent.TerritorialTableQuery) {
		q.WithMembers(func(q *ent.TableMembershipQuery) { q.WithUser() })
	}).WithCaseManager().WithPlan(func(q *ent.PlanQuery) { q.WithGoals() }).WithEvents().WithPreviousCase().AllX(ctx)
	for _, cs := range cases {
		statuses[cs.Status]++
		// A referral's year is its year in Rome, where a case referred on
		// 1 January is not still in December.
		if !strings.HasPrefix(cs.Code, cs.Edges.Table.Code+"-"+strconv.Itoa(cs.ReferredOn.Year())+"-") {
			t.Errorf("%s: code does not match table %s and year %d", cs.Code, cs.Edges.Table.Code, cs.ReferredOn.Year())
		}
		if cs.ReferredOn.After(domain.DayOf(today)) {
			t.Errorf("%s referred in the future", cs.Code)
		}
		switch cs.Status {
		case casefile.StatusClosed, casefile.StatusDeclined:
			if cs.ClosedOn == nil || cs.ClosedOn.After(domain.DayOf(today)) {
				t.Errorf("%s %s without a past closing date", cs.Code, cs.Status)
			}
		default:
			openByPerson[string(cs.Edges.Person.ID)]++
		}
		if cs.Status == casefile.StatusClosed && cs.ClosureReason == nil {
			t.Errorf("%s closed without reason", cs.Code)
		}
		if cs.Status == casefile.StatusDeclined && cs.DeclineReason == "" {
			t.Errorf("%s declined without reason", cs.Code)
		}
		if slices.Contains([]casefile.Status{casefile.StatusInCharge, casefile.StatusMonitoring, casefile.StatusClosed}, cs.Status) {
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
		}
		if cs.Version != len(cs.Edges.Events) {
			t.Errorf("%s: version %d, %d events", cs.Code, cs.Version, len(cs.Edges.Events))
		}
		if p := cs.Edges.PreviousCase; p != nil && (p.Status != casefile.StatusClosed || p.ClosedOn.After(cs.ReferredOn)) {
			t.Errorf("%s reopens %s, which was not closed before", cs.Code, p.Code)
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
	var employed int
	for _, o := range c.Outcome.Query().AllX(ctx) {
		if o.Kind == outcome.KindEmploymentFixedTerm || o.Kind == outcome.KindEmploymentPermanent {
			employed++
			// Dates are midnight in Rome: six months on is counted there.
			if o.FollowUpDueOn == nil || *o.FollowUpDueOn != o.AchievedOn.AddMonths(6) {
				t.Errorf("employment outcome without its six-month follow-up date")
			}
		}
	}
	if employed == 0 {
		t.Error("no employment outcome")
	}
	checkDomainRules(t, c)
}

// checkDomainRules checks that the demo data obey the rules a user's
// changes are held to: Youth Guarantee ages, follow-ups not before they
// fall due, a channel for every referral, interventions named under a
// protocol in force on their first day.
func checkDomainRules(t *testing.T, c *ent.Client) {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	young := c.Intervention.Query().Where(intervention.KindEQ(intervention.KindYouthGuaranteeTraineeship)).
		WithCase(func(q *ent.CaseFileQuery) { q.WithPerson(func(q *ent.PersonQuery) { q.WithIdentity() }) }).AllX(ctx)
	if len(young) == 0 {
		t.Error("no Youth Guarantee traineeship: the age rule is not exercised")
	}
	for _, i := range young {
		born := i.Edges.Case.Edges.Person.Edges.Identity.BirthDate
		if age := born.YearsUntil(i.StartsOn); age < 15 || age > 29 {
			t.Errorf("%s: a Youth Guarantee traineeship for a person aged %d on %s", i.Edges.Case.Code, age, i.StartsOn)
		}
	}
	for _, o := range c.Outcome.Query().Where(outcome.FollowedUpOnNotNil()).AllX(ctx) {
		if o.FollowUpDueOn == nil || o.FollowedUpOn.Before(*o.FollowUpDueOn) {
			t.Errorf("outcome %s followed up on %s, due on %v", o.ID, o.FollowedUpOn, o.FollowUpDueOn)
		}
	}
	if n := c.CaseFile.Query().Where(casefile.ReferralChannelIsNil()).CountX(ctx); n > 0 {
		t.Errorf("%d cases without a referral channel", n)
	}
	if n := c.CaseFile.Query().Where(casefile.ReferralChannelEQ(casefile.ReferralChannelSelfReferral)).CountX(ctx); n == 0 {
		t.Error("no self-referral")
	}
	for _, p := range c.Protocol.Query().Where(protocol.StatusEQ(protocol.StatusActive)).WithInterventions().AllX(ctx) {
		if len(p.Edges.Interventions) == 0 {
			t.Errorf("active protocol %q delivers no intervention: its page would be empty", p.Title)
		}
		for _, i := range p.Edges.Interventions {
			if i.StartsOn.Before(*p.ValidFrom) || i.StartsOn.After(*p.ValidUntil) {
				t.Errorf("intervention %s starts on %s, outside protocol %q's %s–%s", i.ID, i.StartsOn, p.Title, p.ValidFrom, p.ValidUntil)
			}
		}
	}
}

// checkFunds checks that no fund pays more than it was allocated.
func checkFunds(t *testing.T, c *ent.Client) {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	for _, f := range c.Fund.Query().WithInterventions().AllX(ctx) {
		var spent int64
		for _, i := range f.Edges.Interventions {
			spent += i.CostCents
		}
		if spent > f.AllocatedCents {
			t.Errorf("%s: %d cents committed of %d", f.Name, spent, f.AllocatedCents)
		}
	}
}

// canonical is the content of a load without its random IDs.
func canonical(t *testing.T, c *ent.Client) string {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	var b strings.Builder
	for _, cs := range c.CaseFile.Query().WithPerson().WithOutcomes().WithInterventions().Order(casefile.ByCode()).AllX(ctx) {
		fmt.Fprintf(&b, "%s %s %s %d %v %d %d\n", cs.Code, cs.Status, cs.Priority, *cs.Edges.Person.BirthYear, cs.NeedAreas,
			len(cs.Edges.Interventions), len(cs.Edges.Outcomes))
	}
	for _, u := range c.User.Query().Order(user.ByEmail()).AllX(ctx) {
		fmt.Fprintf(&b, "%s %v\n", u.Email, u.Roles)
	}
	return b.String()
}

func TestLoadIsDeterministic(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			a, b := storetest.Open(t, d), storetest.Open(t, d)
			load(t, a, 120)
			load(t, b, 120)
			if ca, cb := canonical(t, a.Client()), canonical(t, b.Client()); ca != cb {
				t.Fatal("two loads with the same seed differ")
			}
		})
	}
}

// TestDialectsAgree loads the same seed on both databases, through COPY
// and through INSERTs, and compares what they hold.
func TestDialectsAgree(t *testing.T) {
	var loaded []*store.DB
	for _, d := range storetest.Dialects {
		db := storetest.Open(t, d)
		load(t, db, 150)
		loaded = append(loaded, db)
	}
	a, b := loaded[0], loaded[1]
	if ca, cb := canonical(t, a.Client()), canonical(t, b.Client()); ca != cb {
		t.Error("the two dialects hold different cases")
	}
	for _, q := range []string{
		"SELECT count(*) FROM persons", "SELECT count(*) FROM person_identities", "SELECT count(*) FROM cases",
		"SELECT count(*) FROM plans", "SELECT count(*) FROM goals", "SELECT count(*) FROM commitments",
		"SELECT count(*) FROM interventions", "SELECT count(*) FROM outcomes", "SELECT count(*) FROM case_events",
		"SELECT count(*) FROM assessments", "SELECT count(*) FROM monitoring_meetings", "SELECT count(*) FROM monitoring_items",
		"SELECT count(*) FROM decisions", "SELECT count(*) FROM table_memberships", "SELECT count(*) FROM audit_events",
		"SELECT sum(version) FROM cases", "SELECT count(open_person) FROM cases", "SELECT count(case_file_next_case) FROM cases",
		"SELECT sum(cost_cents) FROM interventions", "SELECT count(intervention_fund) FROM interventions",
		"SELECT sum(hours_agreed) + sum(hours_done) FROM commitments", "SELECT count(*) FROM outcomes WHERE still_held",
		"SELECT count(*) FROM assessments WHERE complex_needs", "SELECT count(*) FROM case_events WHERE case_event_actor IS NULL",
		"SELECT count(DISTINCT last_name_key) FROM person_identities", "SELECT count(DISTINCT birth_year) FROM persons",
	} {
		var x, y int64
		if err := a.SQL.QueryRow(q).Scan(&x); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if err := b.SQL.QueryRow(q).Scan(&y); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if x != y || x == 0 && strings.Contains(q, "count(*)") && !strings.Contains(q, "audit") {
			t.Errorf("%s: %d on %s, %d on %s", q, x, storetest.Dialects[0], y, storetest.Dialects[1])
		}
	}
}

// TestLoadKeepsIndexes checks that the indexes and constraints dropped
// for the load are back as they were.
func TestLoadKeepsIndexes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		query := "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10)) FROM " +
			"(SELECT * FROM sqlite_master WHERE type = 'index' ORDER BY name)"
		if db.Dialect == dialect.Postgres {
			query = `SELECT string_agg(def, E'\n' ORDER BY def) FROM (
				SELECT indexdef AS def FROM pg_indexes WHERE schemaname = current_schema()
				UNION ALL
				SELECT format('%s %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid), convalidated)
				FROM pg_constraint WHERE connamespace = current_schema()::regnamespace) d`
		}
		catalog := func() string {
			var s string
			if err := db.SQL.QueryRow(query).Scan(&s); err != nil {
				t.Fatal(err)
			}
			return s
		}
		before := catalog()
		load(t, db, 20)
		if after := catalog(); after != before || !strings.Contains(after, "casefile_status_case_file_table") {
			t.Errorf("indexes and constraints after the load:\n%s\nbefore:\n%s", after, before)
		}
	})
}

func TestLoadRefusesData(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		load(t, db, 10)
		_, err := demo.Load(rule.SystemContext(context.Background()), db, demo.Options{Seed: 1, Cases: 10, Today: today})
		if !errors.Is(err, demo.ErrNotEmpty) {
			t.Fatalf("second load: %v", err)
		}
	})
}

// BenchmarkLoad loads WIN_BENCH_CASES cases (1,000 by default) per
// iteration and reports cases per second:
//
//	WIN_BENCH_CASES=100000 go test -run '^$' -bench Load -benchtime 1x ./server/demo/
func BenchmarkLoad(b *testing.B) {
	cases := 1000
	if v, err := strconv.Atoi(os.Getenv("WIN_BENCH_CASES")); err == nil && v > 0 {
		cases = v
	}
	for _, d := range []string{dialect.SQLite, dialect.Postgres} {
		b.Run(d, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				db := storetest.Open(b, d)
				b.StartTimer()
				if _, err := demo.Load(rule.SystemContext(context.Background()), db, demo.Options{Seed: 1, Cases: cases, Today: today}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cases)*float64(b.N)/b.Elapsed().Seconds(), "cases/s")
		})
	}
}

// TestLoadAnalyses checks that the planner has statistics of the cases
// once they are loaded: SQLite's planner without them sorted a
// coordinator's whole caseload for one page.
func TestLoadAnalyses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		load(t, db, 40)
		stats := `SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'cases'`
		if db.Dialect == dialect.Postgres {
			stats = `SELECT COUNT(*) FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'cases'`
		}
		var n int
		if err := db.SQL.QueryRow(stats).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("no statistics of the cases on %s after the demo load", db.Dialect)
		}
	})
}

// checkRequestsAndApprovals checks that the demo shows service requests in
// every state, some to the partner operator's cooperative, each sharing
// contact data under a SHARING basis for its organisation, and closures
// proposed in every state of an approval.
func checkRequestsAndApprovals(t *testing.T, c *ent.Client) {
	t.Helper()
	ctx := rule.SystemContext(context.Background())
	partnerOrg := c.User.Query().Where(user.Email(demo.PartnerEmail)).QueryOrganization().OnlyIDX(ctx)
	requests := c.ServiceRequest.Query().WithOrganization().WithCase(func(q *ent.CaseFileQuery) { q.WithPerson() }).WithIntervention().AllX(ctx)
	statuses := map[servicerequest.Status]int{}
	toPartner := 0
	for _, r := range requests {
		statuses[r.Status]++
		if r.Edges.Organization.ID == partnerOrg {
			toPartner++
		}
		linked := r.Status == servicerequest.StatusACCEPTED || r.Status == servicerequest.StatusCOMPLETED
		if linked != (r.Edges.Intervention != nil) {
			t.Errorf("a %s request with intervention %v", r.Status, r.Edges.Intervention)
		}
		if len(r.SharedContact) > 0 && !c.Consent.Query().Where(consent.PurposeEQ(consent.PurposeSHARING), consent.GivenOnLTE(r.SentOn),
			consent.HasOrganizationWith(organization.ID(r.Edges.Organization.ID)),
			consent.HasPersonWith(person.ID(r.Edges.Case.Edges.Person.ID))).ExistX(ctx) {
			t.Errorf("a request shares %v with no SHARING basis for its organisation", r.SharedContact)
		}
	}
	for _, s := range []servicerequest.Status{servicerequest.StatusSENT, servicerequest.StatusACCEPTED, servicerequest.StatusDECLINED,
		servicerequest.StatusCOMPLETED, servicerequest.StatusCANCELLED} {
		if statuses[s] == 0 {
			t.Errorf("no service request is %s: %v", s, statuses)
		}
	}
	if toPartner == 0 {
		t.Error("no service request goes to the partner operator's organisation")
	}
	for _, s := range []approval.Status{approval.StatusPENDING, approval.StatusAPPROVED, approval.StatusRETURNED} {
		if !c.Approval.Query().Where(approval.StatusEQ(s)).ExistX(ctx) {
			t.Errorf("no approval is %s", s)
		}
	}
}
