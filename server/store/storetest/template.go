package storetest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sync"
	"testing"

	"entgo.io/ent/dialect"
	"github.com/lib/pq"
	"github.com/progetto-win/win/server/store"
)

// Migrating a fresh PostgreSQL schema takes about two seconds (the DDL of
// every migration, one transaction each), and the suites open hundreds:
// most of server/web's time went there. So the migrations run once per
// set of migration files, into a template database, and each test gets a
// copy of it (CREATE DATABASE … TEMPLATE, a tenth of a second), dropped
// when it ends. Everything a test sees is per database on PostgreSQL —
// advisory locks, LISTEN/NOTIFY channels — so copies do not interfere.

// templates remembers the template of this process's migrations.
var templates struct {
	sync.Mutex
	name string
}

// migratedPostgresURL returns the URL of a fresh copy of the migrated
// template, dropped when the test ends. It skips, saying why, when EnvURL
// is unset.
func migratedPostgresURL(t testing.TB) string {
	t.Helper()
	base, admin := adminDB(t)
	ctx := context.Background()
	name := "win_test_" + randomHex()
	for attempt := 0; ; attempt++ {
		tmpl, err := template(ctx, admin, base)
		if err != nil {
			_ = admin.Close()
			t.Fatalf("preparing the migrated template: %v", err)
		}
		_, err = admin.SQL.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(name)+" TEMPLATE "+pq.QuoteIdentifier(tmpl))
		var pqErr *pq.Error
		if errors.As(err, &pqErr) && pqErr.Code == "3D000" && attempt == 0 {
			forget(tmpl) // dropped by a run of other migrations: made again
			continue
		}
		if err != nil {
			_ = admin.Close()
			t.Fatalf("copying the migrated template: %v", err)
		}
		break
	}
	t.Cleanup(func() {
		if _, err := admin.SQL.ExecContext(ctx, "DROP DATABASE "+pq.QuoteIdentifier(name)+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping test database: %v", err)
		}
		_ = admin.Close()
	})
	return databaseURL(t, base, name)
}

// template returns the name of the migrated template of this checkout's
// migrations, making it if no process has. Templates of other migrations
// are dropped: they belong to older checkouts.
func template(ctx context.Context, admin *store.DB, base string) (string, error) {
	templates.Lock()
	defer templates.Unlock()
	if templates.name != "" {
		return templates.name, nil
	}
	sum, err := migrationsSum()
	if err != nil {
		return "", err
	}
	name := "win_template_" + sum
	// A session's advisory lock serialises the processes (go test runs
	// packages side by side) that would make it at once.
	conn, err := admin.SQL.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer func() { _ = conn.Close() }()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(hashtext('win_test_template'))"); err != nil {
		return "", err
	}
	defer func() { _, _ = conn.ExecContext(ctx, "SELECT pg_advisory_unlock(hashtext('win_test_template'))") }()
	rows, err := conn.QueryContext(ctx, "SELECT datname FROM pg_database WHERE datname LIKE 'win\\_template\\_%'")
	if err != nil {
		return "", err
	}
	var found bool
	var stale []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			_ = rows.Close()
			return "", err
		}
		if n == name {
			found = true
		} else {
			stale = append(stale, n)
		}
	}
	if err := rows.Close(); err != nil {
		return "", err
	}
	for _, n := range stale {
		q := pq.QuoteIdentifier(n)
		_, _ = conn.ExecContext(ctx, "ALTER DATABASE "+q+" IS_TEMPLATE false")
		_, _ = conn.ExecContext(ctx, "DROP DATABASE IF EXISTS "+q+" WITH (FORCE)")
	}
	if !found {
		if err := makeTemplate(ctx, conn, base, name); err != nil {
			return "", err
		}
	}
	templates.name = name
	return name, nil
}

// makeTemplate migrates a new database under a temporary name and renames
// it, so that no process copies a template half made.
func makeTemplate(ctx context.Context, conn *sql.Conn, base, name string) error {
	building := name + "_" + randomHex()[:6]
	if _, err := conn.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(building)); err != nil {
		return err
	}
	drop := func() {
		_, _ = conn.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pq.QuoteIdentifier(building)+" WITH (FORCE)")
	}
	u, err := onDatabase(base, building)
	if err != nil {
		drop()
		return err
	}
	db, err := store.Open(u.String())
	if err != nil {
		drop()
		return err
	}
	err = db.Migrate(ctx)
	// Closed before the copy: PostgreSQL copies no database in use.
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		drop()
		return fmt.Errorf("migrating: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "ALTER DATABASE "+pq.QuoteIdentifier(building)+" RENAME TO "+pq.QuoteIdentifier(name)); err != nil {
		drop()
		return err
	}
	// A template nobody connects to, so that copies never find it busy.
	_, err = conn.ExecContext(ctx, "ALTER DATABASE "+pq.QuoteIdentifier(name)+" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false")
	return err
}

// forget makes the next test look for the template again.
func forget(name string) {
	templates.Lock()
	defer templates.Unlock()
	if templates.name == name {
		templates.name = ""
	}
}

// migrationsSum names the PostgreSQL migrations' contents.
func migrationsSum() (string, error) {
	h := sha256.New()
	err := fs.WalkDir(store.Migrations, store.MigrationsDir(dialect.Postgres), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(store.Migrations, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", path, len(b))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:16], err
}

// databaseURL is base with another database, for a test. A test's commits do not
// wait for the disk: its data need not survive a crash of the server, and
// waiting doubled the time of the suites that commit step by step. A
// benchmark's do, as the server's: its figures are what production sees.
func databaseURL(t testing.TB, base, name string) string {
	u, err := onDatabase(base, name)
	if err != nil {
		t.Fatalf("parsing %s: %v", EnvURL, err)
	}
	if _, benchmark := t.(*testing.B); !benchmark {
		q := u.Query()
		q.Set("synchronous_commit", "off")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// onDatabase is the server's URL base with another database.
func onDatabase(base, name string) (*url.URL, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	u.Path = "/" + name
	return u, nil
}
