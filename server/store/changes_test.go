package store_test

import (
	"context"
	"slices"
	"testing"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"

	"github.com/progetto-win/win/ent/migrate"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestDataTriggers checks, on PostgreSQL, that every table of the schema
// tells other processes of its changes (migration indicator_data), but
// those store.NotDataTables names: a new table without its trigger would
// leave other processes' caches of indicators stale.
func TestDataTriggers(t *testing.T) {
	db := storetest.Open(t, dialect.Postgres)
	rows, err := db.SQL.QueryContext(context.Background(), `SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
		WHERE c.relnamespace = current_schema()::regnamespace AND g.tgname = c.relname || '_indicator_data'`)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rows.Close() }()
	var triggered []string
	for rows.Next() {
		var table string
		if err := rows.Scan(&table); err != nil {
			t.Fatal(err)
		}
		triggered = append(triggered, table)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, table := range migrate.Tables {
		want := !slices.Contains(store.NotDataTables, table.Name)
		if got := slices.Contains(triggered, table.Name); got != want {
			t.Errorf("table %s: trigger indicator_data %v, want %v", table.Name, got, want)
		}
	}
	for _, table := range store.NotDataTables {
		if !slices.ContainsFunc(migrate.Tables, func(t *schema.Table) bool { return t.Name == table }) {
			t.Errorf("store.NotDataTables names %s, which is no table", table)
		}
	}
}
