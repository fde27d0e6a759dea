package indicator

import (
	"regexp"
	"strings"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/server/store"
)

// TestReadsOnlyData writes every measure's SQL, by every dimension and
// with every filter, and checks that none reads a table whose changes the
// Cache does not hear of (store.NotDataTables): an indicator that did
// would be served stale.
func TestReadsOnlyData(t *testing.T) {
	notData := regexp.MustCompile(`\b(` + strings.Join(store.NotDataTables, "|") + `)\b`)
	today := domain.Today()
	f := Filter{From: &today, To: &today, TableIDs: []gid.ID{"t"}, MunicipalityIDs: []gid.ID{"m"},
		NeedAreas: []domain.NeedArea{domain.NeedEmployment}, Genders: []person.Gender{person.GenderFemale}, AgeBands: []AgeBand{Under25},
		scope: []gid.ID{"t"}}
	written := 0
	for _, d := range []string{dialect.Postgres, dialect.SQLite} {
		for name := range measures {
			m := of(name)
			for _, dim := range append([]Dimension{""}, dimensions...) {
				var groupBy []Dimension
				if dim != "" {
					groupBy = []Dimension{dim}
				}
				for _, write := range []func() (*query, error){
					func() (*query, error) { return countSQL(d, []measure{m}, f, groupBy, today, true) },
					func() (*query, error) { return histogramSQL(d, m, f, groupBy, today, true) },
				} {
					q, err := write()
					if err != nil {
						continue // a breakdown or filter the measure has not
					}
					written++
					if table := notData.FindString(q.sql.String()); table != "" {
						t.Errorf("%s by %v on %s reads %s, whose changes the cache does not hear of:\n%s", name, groupBy, d, table, q.sql.String())
					}
				}
			}
		}
	}
	if written < 2*len(measures) {
		t.Fatalf("only %d statements written: the filter fits too few measures", written)
	}
}
