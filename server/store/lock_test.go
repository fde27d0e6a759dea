package store_test

import (
	"context"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestWithLock: while one transaction holds a lock, another asking for it
// is skipped on PostgreSQL and waits on SQLite; what the holder wrote is
// committed, through an ent transaction, and what a failing one wrote is
// not.
func TestWithLock(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		holding, release := make(chan struct{}), make(chan struct{})
		first := make(chan error, 1)
		go func() {
			_, err := db.WithLock(ctx, "job", func(tx *ent.Client) error {
				tx.Municipality.Create().SetName("Prima").SetIstatCode("048901").SetPopulation(1).SaveX(ctx)
				close(holding)
				<-release
				return nil
			})
			first <- err
		}()
		<-holding
		second := make(chan bool, 1)
		go func() {
			ran, err := db.WithLock(ctx, "job", func(tx *ent.Client) error {
				if n := tx.Municipality.Query().CountX(ctx); n != 1 {
					t.Errorf("the second run sees %d municipalities, not the first's one", n)
				}
				return nil
			})
			if err != nil {
				t.Error(err)
			}
			second <- ran
		}()
		if db.Dialect == dialect.Postgres {
			if ran := <-second; ran {
				t.Error("the second run ran while the first held the lock")
			}
			// Another name is another lock.
			if ran, err := db.WithLock(ctx, "other job", func(*ent.Client) error { return nil }); !ran || err != nil {
				t.Errorf("another lock: ran %v, %v", ran, err)
			}
			close(release)
		} else {
			select {
			case <-second:
				t.Error("the second run did not wait for the first's write lock")
			case <-time.After(200 * time.Millisecond):
			}
			close(release)
			if ran := <-second; !ran {
				t.Error("the second run was skipped after the first ended")
			}
		}
		if err := <-first; err != nil {
			t.Fatal(err)
		}

		_, err := db.WithLock(ctx, "job", func(tx *ent.Client) error {
			tx.Municipality.Create().SetName("Annullata").SetIstatCode("048902").SetPopulation(1).SaveX(ctx)
			return context.Canceled
		})
		if err != context.Canceled {
			t.Errorf("a failing run returned %v", err)
		}
		_, _ = db.WithLock(ctx, "job", func(tx *ent.Client) error {
			create := tx.Municipality.Create().SetName("Seconda").SetIstatCode("048903").SetPopulation(1)
			// An ent transaction's: hooks may register commit hooks on it.
			if _, err := create.Mutation().Tx(); err != nil {
				t.Errorf("the lock's client is not an ent transaction's: %v", err)
			}
			create.SaveX(ctx)
			return nil
		})
		client := db.Client()
		names := client.Municipality.Query().Order(ent.Asc("name")).Select("name").StringsX(ctx)
		if len(names) != 2 || names[0] != "Prima" || names[1] != "Seconda" {
			t.Errorf("committed: %q", names)
		}
	})
}
