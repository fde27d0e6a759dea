package indicator_test

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// wholeDashboard is every indicator of the committee's year, each by its
// dashboard breakdown, as JSON: what a viewer would be shown.
func wholeDashboard(ctx context.Context, t *testing.T, src *indicator.Source) string {
	t.Helper()
	from, to := committeeYear()
	ix, err := src.For(ctx, &indicator.Filter{From: &from, To: &to})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, name := range indicator.Names {
		r, err := ix.Get(ctx, name, dashboard[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out.WriteString(asJSON(t, r) + "\n")
	}
	return out.String()
}

// TestCacheFollowsChanges asks the committee's and a coordinator's
// dashboards of a cached source before and after changes, in a
// transaction and out of one, and compares each answer with one computed
// afresh: a warm dashboard reads nothing, and no answer outlives a change
// to what it counts.
func TestCacheFollowsChanges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := load(t, db, 300)
		cached := &indicator.Source{DB: db.CountedSQL(), Dialect: db.Dialect, Client: w.client, Cache: indicator.NewCache(true)}
		fresh := &indicator.Source{DB: db.SQL, Dialect: db.Dialect, Client: w.client}
		committee := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: gid.ID("usr_test"), Roles: []domain.Role{domain.RoleSteering}})
		viewers := map[string]context.Context{"committee": committee, "coordinator": w.asCoordinatorOfAll()}
		last := map[string]string{}
		same := func(when string) {
			t.Helper()
			for who, ctx := range viewers {
				want := wholeDashboard(ctx, t, fresh)
				if got := wholeDashboard(ctx, t, cached); got != want {
					t.Fatalf("%s, the %s's cached dashboard:\n%s\nafresh:\n%s", when, who, got, want)
				}
				counted, statements := store.CountStatements(ctx)
				wholeDashboard(counted, t, cached)
				if n := statements.Load(); n != 0 {
					t.Errorf("%s, the %s's dashboard asked again ran %d statements", when, who, n)
				}
				if when != "first" && want == last[who] {
					t.Fatalf("%s: the %s's dashboard did not change, so this case shows nothing", when, who)
				}
				last[who] = want
			}
		}
		same("first")

		sys := rule.SystemContext(context.Background())
		w.client.Fund.Update().AddAllocatedCents(123_400).ExecX(sys)
		same("after funds changed")

		// A dashboard asked while a change is under way, and kept, must
		// not be served once it is committed.
		from, to := committeeYear()
		id := w.client.Outcome.Query().Where(outcome.AchievedOnGTE(from), outcome.AchievedOnLT(to), outcome.KindNEQ(outcome.KindOther)).
			FirstIDX(sys)
		tx, err := w.client.Tx(sys)
		if err != nil {
			t.Fatal(err)
		}
		tx.Outcome.UpdateOneID(id).SetKind(outcome.KindOther).ExecX(sys)
		for _, ctx := range viewers {
			wholeDashboard(ctx, t, cached)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		same("after an outcome changed in a transaction")
	})
}

// TestCacheHearsOtherProcesses changes the data with SQL alone, as
// another process would (no ent hook of this one runs): the cached
// dashboard follows once PostgreSQL's notification arrives.
func TestCacheHearsOtherProcesses(t *testing.T) {
	url := storetest.PostgresURL(t)
	db, err := store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	ctx, cancel := context.WithCancel(rule.SystemContext(context.Background()))
	defer cancel()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	w := load(t, db, 40)
	cache := indicator.NewCache(false)
	listening := make(chan error, 1)
	go func() { listening <- cache.Listen(ctx, db, url, slog.New(slog.DiscardHandler)) }()
	cached := &indicator.Source{DB: db.CountedSQL(), Dialect: db.Dialect, Client: w.client, Cache: cache}
	fresh := &indicator.Source{DB: db.SQL, Dialect: db.Dialect, Client: w.client}
	committee := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: gid.ID("usr_test"), Roles: []domain.Role{domain.RoleSteering}})

	// Trusted once it listens: a dashboard asked twice reads nothing.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		wholeDashboard(committee, t, cached)
		counted, statements := store.CountStatements(committee)
		wholeDashboard(counted, t, cached)
		if statements.Load() == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the cache is not trusted: the listener does not listen")
		}
	}
	before := wholeDashboard(committee, t, fresh)

	if _, err := db.SQL.ExecContext(ctx, `UPDATE funds SET allocated_cents = allocated_cents + 123400`); err != nil {
		t.Fatal(err)
	}
	after := wholeDashboard(committee, t, fresh)
	if after == before {
		t.Fatal("the change changed no indicator, so this test shows nothing")
	}
	start := time.Now()
	for wholeDashboard(committee, t, cached) != after {
		if time.Since(start) > 3*time.Second {
			t.Fatal("the cached dashboard does not follow another process's change")
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Logf("the cache followed another process's change after %s", time.Since(start).Round(time.Millisecond))
	cancel()
	if err := <-listening; err != nil {
		t.Fatal(err)
	}
}

// TestCacheComputesOnce asks the same dashboard of a cold cache from
// eight requests at once: together they run the statements of one.
func TestCacheComputesOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := load(t, db, 40)
		cached := &indicator.Source{DB: db.CountedSQL(), Dialect: db.Dialect, Client: w.client, Cache: indicator.NewCache(true)}
		committee := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: gid.ID("usr_test"), Roles: []domain.Role{domain.RoleSteering}})
		counts := make([]*store.StatementCount, 8)
		answers := make([]string, len(counts))
		var wg sync.WaitGroup
		for i := range counts {
			var ctx context.Context
			ctx, counts[i] = store.CountStatements(committee)
			wg.Go(func() { answers[i] = wholeDashboard(ctx, t, cached) })
		}
		wg.Wait()
		var total int64
		for i, c := range counts {
			total += c.Load()
			if answers[i] != answers[0] {
				t.Errorf("request %d answered otherwise than request 0", i)
			}
		}
		if total > dashboardStatements {
			t.Errorf("%d requests at once ran %d statements, one dashboard's are at most %d", len(counts), total, dashboardStatements)
		}
		t.Logf("%d requests at once ran %d statements on %s", len(counts), total, db.Dialect)
	})
}
