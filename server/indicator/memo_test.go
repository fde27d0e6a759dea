package indicator_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/server/indicator"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// dashboardStatements is the most SQL statements the committee's whole
// dashboard (BenchmarkDashboard's) may run, on either database: one per
// indicator's rows, giving its total with its breakdown, the two
// reciprocity sums together, and the community activities with their
// participants, none for a total or a percentile already
// read, and one per kind of label (tables, municipalities, organisations).
// It was 34 before a request memoised what it read, 18 before the five
// indicators of service requests, 24 before directives implemented on
// time and the two of community activities (read in one scan since).
const dashboardStatements = 26

// TestDashboardStatements counts the statements of the dashboard, so
// that a change that reads the same rows twice, or labels cell by cell,
// fails.
func TestDashboardStatements(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := load(t, db, 40)
		// Counted as the server counts a request's (store.CountStatements).
		src := &indicator.Source{DB: db.CountedSQL(), Dialect: db.Dialect, Client: db.Client()}
		ctx, statements := store.CountStatements(context.Background())
		ctx = viewer.NewContext(ctx, &viewer.Viewer{UserID: gid.ID("usr_test"), Roles: []domain.Role{domain.RoleSteering}})
		from, to := committeeYear()
		ix, err := src.For(ctx, &indicator.Filter{From: &from, To: &to})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range indicator.Names {
			if _, err := ix.Get(ctx, name, dashboard[name]); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		if n := int(statements.Load()); n > dashboardStatements {
			t.Errorf("the dashboard ran %d statements on %s, at most %d expected", n, db.Dialect, dashboardStatements)
		} else {
			t.Logf("the dashboard ran %d statements on %s (%d cases)", n, db.Dialect, len(w.cases))
		}
	})
}

// committeeYear is last year, a period the committee may ask.
func committeeYear() (from, to domain.Date) {
	year := domain.Today().Year()
	return domain.NewDate(year-1, 1, 1), domain.NewDate(year, 1, 1)
}

// TestMemoisedEqualsFresh asks every indicator, by several breakdowns,
// of one Indicators value that has already computed the others (and
// twice), and compares each answer with that of a fresh value: what a
// request memoises, and suppression or a published answer rewrites,
// changes no later answer.
func TestMemoisedEqualsFresh(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := load(t, db, 300)
		src := &indicator.Source{DB: db.SQL, Dialect: db.Dialect, Client: w.client}
		from, to := committeeYear()
		committee := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: gid.ID("usr_test"), Roles: []domain.Role{domain.RoleSteering}})
		for _, tc := range []struct {
			name   string
			ctx    context.Context
			filter indicator.Filter
		}{
			{"coordinator", w.asCoordinatorOfAll(), indicator.Filter{From: &from, To: &to}},
			{"committee", committee, indicator.Filter{From: &from, To: &to}},
			{"committee, one table", committee, indicator.Filter{From: &from, To: &to, TableIDs: w.tables[:1]}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				shared, err := src.For(tc.ctx, &tc.filter)
				if err != nil {
					t.Fatal(err)
				}
				breakdowns := [][]indicator.Dimension{{indicator.Table}, nil, {indicator.Month}, {indicator.Municipality}, nil, {indicator.Table}}
				for _, groupBy := range breakdowns {
					for _, name := range indicator.Names {
						fresh, err := src.For(tc.ctx, &tc.filter)
						if err != nil {
							t.Fatal(err)
						}
						want, wantErr := fresh.Get(tc.ctx, name, groupBy)
						got, gotErr := shared.Get(tc.ctx, name, groupBy)
						if (wantErr == nil) != (gotErr == nil) {
							t.Fatalf("%s by %v: error %v, fresh %v", name, groupBy, gotErr, wantErr)
						}
						if wantErr != nil {
							continue
						}
						if g, w := asJSON(t, got), asJSON(t, want); g != w {
							t.Errorf("%s by %v: memoised\n%s\nfresh\n%s", name, groupBy, g, w)
						}
					}
				}
			})
		}
	})
}

func asJSON(t *testing.T, r *indicator.Result) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
