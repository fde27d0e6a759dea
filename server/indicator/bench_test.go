package indicator_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// dashboard is every indicator, broken down as the committee's dashboard
// shows it.
var dashboard = map[string][]indicator.Dimension{
	"referrals": {indicator.Month}, "takingsInCharge": {indicator.Month}, "closures": {indicator.Month},
	"openCaseload": {indicator.Table}, "daysToTakeChargeMedian": {indicator.Table}, "daysToTakeChargeP90": {indicator.Table},
	"outcomes": {indicator.OutcomeKind, indicator.ValueDimension}, "positiveOutcomes": {indicator.ValueDimension},
	"employmentOutcomeShare": {indicator.Table}, "employmentHeldAtFollowUp": {indicator.Quarter},
	"reciprocityHoursAgreed": {indicator.Table}, "reciprocityHoursDone": {indicator.Table},
	"fundsAllocated": {indicator.Municipality}, "fundsCommitted": {indicator.Municipality}, "fundsSpent": {indicator.Municipality},
	"fundsSpentShare": nil, "costPerPositiveOutcome": nil, "protocolsActive": nil,
	"protocolCommitmentsOnTime": {indicator.Quarter}, "meetingsHeld": {indicator.Table, indicator.Month},
	"serviceRequestsSent": {indicator.Organization}, "serviceRequestsAccepted": {indicator.Organization},
	"serviceRequestsDeclined": {indicator.DeclineReason}, "serviceRequestsCompletedSuccessfully": {indicator.Organization},
	"serviceRequestDaysToAnswerMedian": {indicator.Table},
}

// BenchmarkDashboard computes the whole dashboard of one year — every
// indicator, each broken down once, with its total — over
// WIN_BENCH_CASES demo cases (100,000 by default) on PostgreSQL, as the
// committee sees it, and reports the SQL statements it runs:
//
//	WIN_TEST_DATABASE_URL=… go test -run '^$' -bench Dashboard -benchtime 5x ./server/indicator/
//
// WIN_BENCH_DATABASE names a database to keep between runs instead (a
// PostgreSQL URL or an SQLite file): loaded with the demo cases when
// empty, reused as it is otherwise, since loading takes minutes.
func BenchmarkDashboard(b *testing.B) {
	cases := 100_000
	if v, err := strconv.Atoi(os.Getenv("WIN_BENCH_CASES")); err == nil && v > 0 {
		cases = v
	}
	db, cases := benchDB(b, cases)
	src := &indicator.Source{DB: db.CountedSQL(), Dialect: db.Dialect, Client: db.Client()}
	ctx, statements := store.CountStatements(context.Background())
	ctx = viewer.NewContext(ctx, &viewer.Viewer{UserID: gid.ID("usr_bench"), Roles: []domain.Role{domain.RoleSteering}})
	year := domain.Today().Year()
	from := domain.NewDate(year-1, 1, 1)
	to := domain.NewDate(year, 1, 1)
	if len(dashboard) != len(indicator.Names) {
		b.Fatalf("the dashboard has %d indicators of %d", len(dashboard), len(indicator.Names))
	}
	cpu := cpuOf(b, db)
	b.ResetTimer()
	start := cpu()
	for b.Loop() {
		ix, err := src.For(ctx, &indicator.Filter{From: &from, To: &to})
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range indicator.Names {
			if _, err := ix.Get(ctx, name, dashboard[name]); err != nil {
				b.Fatalf("%s: %v", name, err)
			}
		}
	}
	b.ReportMetric(float64(statements.Load())/float64(b.N), "statements/op")
	if start >= 0 {
		b.ReportMetric(float64(cpu()-start)/float64(time.Millisecond)/float64(b.N), "db-cpu-ms/op")
	}
	b.ReportMetric(float64(cases), "cases")
}

// benchDB opens the benchmark's database, loaded with cases demo cases,
// and returns the cases it holds: WIN_BENCH_DATABASE if set, a fresh
// PostgreSQL schema otherwise.
func benchDB(b *testing.B, cases int) (*store.DB, int) {
	b.Helper()
	var db *store.DB
	if url := os.Getenv("WIN_BENCH_DATABASE"); url != "" {
		var err error
		if db, err = store.Open(url); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = db.Close() })
		if err := db.Migrate(context.Background()); err != nil {
			b.Fatal(err)
		}
	} else {
		db = storetest.Open(b, dialect.Postgres)
	}
	ctx := rule.SystemContext(context.Background())
	if n, err := db.Client().CaseFile.Query().Count(ctx); err != nil {
		b.Fatal(err)
	} else if n > 0 {
		return db, n
	}
	if _, err := demo.Load(ctx, db, demo.Options{Seed: 1, Cases: cases, Today: time.Now()}); err != nil {
		b.Fatal(err)
	}
	// As autovacuum would after a bulk load: the planner needs statistics.
	if _, err := db.SQL.Exec("ANALYZE"); err != nil {
		b.Fatal(err)
	}
	return db, cases
}

// cpuOf returns a clock of the CPU time the database spends, which the
// machine's load does not inflate as it does wall time: for SQLite, this
// process's; for PostgreSQL on this machine, that of the server process
// of the benchmark's one connection. It reads -1 when it cannot tell.
func cpuOf(b *testing.B, db *store.DB) func() time.Duration {
	b.Helper()
	if db.Dialect != dialect.Postgres {
		return func() time.Duration {
			var ru syscall.Rusage
			if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
				return -1
			}
			return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	db.SQL.SetMaxOpenConns(1) // one server process does all the work
	var pid int
	if err := db.SQL.QueryRow("SELECT pg_backend_pid()").Scan(&pid); err != nil {
		b.Fatal(err)
	}
	return func() time.Duration {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			return -1 // a server on another machine
		}
		// utime and stime, in clock ticks (100 a second on Linux), are
		// the 14th and 15th fields; the 2nd, the command, is in brackets.
		fields := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		utime, _ := strconv.Atoi(fields[11])
		stime, _ := strconv.Atoi(fields[12])
		return time.Duration(utime+stime) * 10 * time.Millisecond
	}
}
