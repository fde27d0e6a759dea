// Package storetest gives tests a freshly migrated database of each
// dialect: an SQLite file in the test's temporary directory, and — when
// WIN_TEST_DATABASE_URL is set — a database of its own on that PostgreSQL
// server, copied from a migrated template and dropped at the end, so
// parallel runs do not interfere (an empty one is a schema of its own).
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/server/store"
)

// EnvURL names the variable that points the tests at PostgreSQL.
const EnvURL = "WIN_TEST_DATABASE_URL"

// Dialects are the dialects every database test runs on.
var Dialects = []string{dialect.SQLite, dialect.Postgres}

// Each runs fn as a subtest on a fresh, migrated database of each
// dialect. The PostgreSQL subtest skips, saying why, when EnvURL is unset.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(d, func(t *testing.T) {
			fn(t, Open(t, d))
		})
	}
}

// Open returns a fresh, migrated database of the dialect, closed and
// removed when the test ends.
func Open(t testing.TB, dialectName string) *store.DB {
	t.Helper()
	if dialectName == dialect.Postgres {
		db, err := store.Open(migratedPostgresURL(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		return db
	}
	db := OpenEmpty(t, dialectName)
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatalf("migrating the test database: %v", err)
	}
	return db
}

// OpenEmpty is Open without the migrations.
func OpenEmpty(t testing.TB, dialectName string) *store.DB {
	t.Helper()
	if dialectName != dialect.Postgres {
		db, err := store.Open(filepath.Join(t.TempDir(), "win-test.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		return db
	}
	db, err := store.Open(PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	// Registered after the schema's drop, so run before it.
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// PostgresURL returns the URL of a fresh, empty schema of its own on the
// test PostgreSQL server, dropped when the test ends: for a test that
// opens the database its own way (through a proxy, say). It skips,
// saying why, when EnvURL is unset.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base, admin := adminDB(t)
	schemaName := "win_test_" + randomHex()
	ctx := context.Background()
	if _, err := admin.SQL.ExecContext(ctx, "CREATE SCHEMA "+schemaName); err != nil {
		_ = admin.Close()
		t.Fatalf("creating test schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.SQL.ExecContext(ctx, "DROP SCHEMA "+schemaName+" CASCADE"); err != nil {
			t.Errorf("dropping test schema: %v", err)
		}
		_ = admin.Close()
	})
	return withSearchPath(t, base, schemaName)
}

func withSearchPath(t testing.TB, raw, schemaName string) string {
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("parsing %s: %v", EnvURL, err)
	}
	q := u.Query()
	q.Set("search_path", schemaName)
	u.RawQuery = q.Encode()
	return u.String()
}

// adminDB opens the database EnvURL names, where tests make their
// schemas and databases; it skips, saying why, when EnvURL is unset.
func adminDB(t testing.TB) (base string, admin *store.DB) {
	t.Helper()
	base = os.Getenv(EnvURL)
	if base == "" {
		t.Skipf("PostgreSQL tests skipped: set %s (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable)", EnvURL)
	}
	admin, err := store.Open(base)
	if err != nil {
		t.Fatal(err)
	}
	return base, admin
}

// randomHex is 16 random hex digits, for names of test schemas and
// databases that runs side by side do not share.
func randomHex() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
