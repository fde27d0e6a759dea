package store_test

import (
	"context"
	"testing"

	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestSQLTx checks that what the client writes and what the transaction
// runs commit, or roll back, together.
func TestSQLTx(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		write := func(name string) (commit, rollback func() error) {
			tx, c, err := db.SQLTx(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Municipality.Create().SetName(name).SetIstatCode(name).SetPopulation(1).SetProvince("FI").Exec(ctx); err != nil {
				t.Fatal(err)
			}
			// A transaction of the client's own joins tx.
			inner, err := c.Tx(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := inner.Commit(); err != nil {
				t.Fatal(err)
			}
			if _, err := tx.ExecContext(ctx, "UPDATE municipalities SET population = 2"); err != nil {
				t.Fatal(err)
			}
			return tx.Commit, tx.Rollback
		}
		_, rollback := write("000001")
		if err := rollback(); err != nil {
			t.Fatal(err)
		}
		commit, _ := write("000002")
		if err := commit(); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, m := range db.Client().Municipality.Query().AllX(ctx) {
			if m.Population != 2 {
				t.Errorf("%s: population %d, want 2", m.Name, m.Population)
			}
			names = append(names, m.Name)
		}
		if len(names) != 1 || names[0] != "000002" {
			t.Errorf("municipalities %v, want the committed one only", names)
		}
	})
}
