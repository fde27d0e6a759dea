package indicator_test

import (
	"context"
	"database/sql"
	"os"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/store/storetest"
)

// counting counts the SQL statements a Queryer runs.
type counting struct {
	indicator.Queryer
	n *atomic.Int64
}

func (c counting) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	c.n.Add(1)
	return c.Queryer.QueryContext(ctx, query, args...)
}

// BenchmarkDashboard computes the whole dashboard of one year — every
// indicator, each broken down once, with its total — over
// WIN_BENCH_CASES demo cases (100,000 by default) on PostgreSQL, as the
// committee sees it, and reports the SQL statements it runs:
//
//	WIN_TEST_DATABASE_URL=… go test -run '^$' -bench Dashboard -benchtime 5x ./server/indicator/
func BenchmarkDashboard(b *testing.B) {
	cases := 100_000
	if v, err := strconv.Atoi(os.Getenv("WIN_BENCH_CASES")); err == nil && v > 0 {
		cases = v
	}
	db := storetest.Open(b, dialect.Postgres)
	if _, err := demo.Load(rule.SystemContext(context.Background()), db, demo.Options{Seed: 1, Cases: cases, Today: time.Now()}); err != nil {
		b.Fatal(err)
	}
	// As autovacuum would after a bulk load: the planner needs statistics.
	if _, err := db.SQL.Exec("ANALYZE"); err != nil {
		b.Fatal(err)
	}
	var statements atomic.Int64
	client := ent.NewClient(ent.Driver(dialect.DebugWithContext(db.Driver(), func(context.Context, ...any) { statements.Add(1) })))
	src := &indicator.Source{DB: counting{db.SQL, &statements}, Dialect: db.Dialect, Client: client}
	ctx := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: gid.ID("usr_bench"), Roles: []domain.Role{domain.RoleSteering}})
	year := domain.Today().Year()
	from := domain.NewDate(year-1, 1, 1)
	to := domain.NewDate(year, 1, 1)
	// Every indicator, broken down as the committee's dashboard shows it.
	breakdown := map[string][]indicator.Dimension{
		"referrals": {indicator.Month}, "takingsInCharge": {indicator.Month}, "closures": {indicator.Month},
		"openCaseload": {indicator.Table}, "daysToTakeChargeMedian": {indicator.Table}, "daysToTakeChargeP90": {indicator.Table},
		"outcomes": {indicator.OutcomeKind, indicator.ValueDimension}, "positiveOutcomes": {indicator.ValueDimension},
		"employmentOutcomeShare": {indicator.Table}, "employmentHeldAtFollowUp": {indicator.Quarter},
		"reciprocityHoursAgreed": {indicator.Table}, "reciprocityHoursDone": {indicator.Table},
		"fundsAllocated": {indicator.Municipality}, "fundsCommitted": {indicator.Municipality}, "fundsSpent": {indicator.Municipality},
		"fundsSpentShare": nil, "costPerPositiveOutcome": nil, "protocolsActive": nil,
		"protocolCommitmentsOnTime": {indicator.Quarter}, "meetingsHeld": {indicator.Table, indicator.Month},
	}
	if len(breakdown) != len(indicator.Names) {
		b.Fatalf("the dashboard has %d indicators of %d", len(breakdown), len(indicator.Names))
	}
	statements.Store(0)
	b.ResetTimer()
	for b.Loop() {
		ix, err := src.For(ctx, &indicator.Filter{From: &from, To: &to})
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range indicator.Names {
			if _, err := ix.Get(ctx, name, breakdown[name]); err != nil {
				b.Fatalf("%s: %v", name, err)
			}
		}
	}
	b.ReportMetric(float64(statements.Load())/float64(b.N), "statements/op")
	b.ReportMetric(float64(cases), "cases")
}
