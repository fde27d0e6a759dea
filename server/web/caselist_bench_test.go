package web_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strconv"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// BenchmarkCaseList serves the committee's case list (caseListQuery)
// through the real handler, one request after another, over
// WIN_BENCH_CASES demo cases (2,000 by default) on PostgreSQL: its time
// and allocations per request are the Go process's share, for a CPU
// profile (-cpuprofile) of what the server does around the database.
//
//	WIN_TEST_DATABASE_URL=… go test -run '^$' -bench CaseList -benchmem ./server/web/
func BenchmarkCaseList(b *testing.B) {
	cases := 2000
	if v, err := strconv.Atoi(os.Getenv("WIN_BENCH_CASES")); err == nil && v > 0 {
		cases = v
	}
	db := storetest.Open(b, dialect.Postgres)
	client := db.Client()
	if _, err := demo.Load(rule.SystemContext(context.Background()), db, demo.Options{Seed: 1, Cases: cases, Today: time.Now()}); err != nil {
		b.Fatal(err)
	}
	if _, err := db.SQL.Exec("ANALYZE"); err != nil {
		b.Fatal(err)
	}
	a := &webtest.API{T: b, Client: client, Accounts: webtest.Accounts(b, client)}
	a.Handler = web.New(a.Options(db, slog.New(slog.NewTextHandler(io.Discard, nil))))
	committee := webtest.As(b, a, demo.SteeringEmail)
	var out map[string]any
	committee.OK(caseListQuery, nil, &out)
	b.ReportAllocs()
	for b.Loop() {
		committee.OK(caseListQuery, nil, &out)
	}
}
