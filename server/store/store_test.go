package store_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"entgo.io/ent/dialect/sql/schema"

	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestMigrationsMatchSchema applies the versioned migrations to an empty
// database and asks ent what it would still change to reach the schema:
// anything at all means a schema change without its migration.
func TestMigrationsMatchSchema(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		var plan bytes.Buffer
		if err := db.Client().Schema.WriteTo(context.Background(), &plan, schema.WithDropColumn(true), schema.WithDropIndex(true)); err != nil {
			t.Fatal(err)
		}
		var pending []string
		for _, line := range strings.Split(plan.String(), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line == "BEGIN;" || line == "COMMIT;" {
				continue
			}
			pending = append(pending, line)
		}
		if len(pending) > 0 {
			t.Errorf("the ent schema has changes no migration covers; run `make migration NAME=…`:\n%s", strings.Join(pending, "\n"))
		}
	})
}

// TestMigrateTwice checks that a restart on a migrated database is a no-op.
func TestMigrateTwice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if err := db.Migrate(context.Background()); err != nil {
			t.Fatalf("second migration: %v", err)
		}
	})
}
