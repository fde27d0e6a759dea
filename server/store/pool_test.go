package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestPoolKeepsItsConnections: a burst of concurrent queries on
// PostgreSQL leaves its connections idle for the next one, instead of
// closing all but two and dialling them again.
func TestPoolKeepsItsConnections(t *testing.T) {
	db, err := store.Open(storetest.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.SQL.Close()
	ctx := context.Background()
	for range 3 {
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				if _, err := db.SQL.ExecContext(ctx, "SELECT pg_sleep(0.05)"); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
	}
	if s := db.SQL.Stats(); s.MaxIdleClosed > 0 || s.OpenConnections < 8 {
		t.Errorf("after three bursts of 8 queries: %d connections closed for lack of idle room, %d open; want 0 closed, 8 open",
			s.MaxIdleClosed, s.OpenConnections)
	}
}
