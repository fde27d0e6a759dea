package store_test

import (
	"context"
	"testing"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/organization"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestCountStatements: every statement through the ent client, those of
// a transaction included, and every query of CountedSQL is counted in
// the context's count and in the database's total; a context without a
// count adds to the total only.
func TestCountStatements(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		client := db.Client()
		base := rule.SystemContext(context.Background())
		total := db.Statements()

		ctx, count := store.CountStatements(base)
		client.Organization.Query().CountX(ctx) // 1
		err := store.WithTx(ctx, client, func(tx *ent.Client) error {
			org, err := tx.Organization.Create().SetName("Ente").SetKind(organization.KindOther).Save(ctx) // 1
			if err != nil {
				return err
			}
			_, err = tx.Organization.Query().Where(organization.ID(org.ID)).Only(ctx) // 1
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := db.CountedSQL().QueryContext(ctx, "SELECT 1") // 1
		if err != nil {
			t.Fatal(err)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		if got := count.Load(); got != 4 {
			t.Errorf("the context's count is %d, want 4: a query, two statements in a transaction, a raw query", got)
		}

		other, otherCount := store.CountStatements(base)
		client.Organization.Query().CountX(other)
		client.Organization.Query().CountX(base)
		if got := otherCount.Load(); got != 1 {
			t.Errorf("a second request's count is %d, want 1", got)
		}
		if got := count.Load(); got != 4 {
			t.Errorf("the first count moved to %d after its request", got)
		}
		if got := db.Statements() - total; got != 6 {
			t.Errorf("the database's total grew by %d, want 6", got)
		}
	})
}
