// Package backup writes a consistent copy of WIN's database while the
// server runs, and restores one into an empty database: SQLite with
// VACUUM INTO, PostgreSQL with pg_dump and pg_restore (docs/backup.md
// gives the commands to run by hand).
//
// A backup holds everything the database holds — identities, personal
// text, the audit log with its chain — so it is written readable by its
// owner only and never over an existing file.
package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/ent/auditchain"
	"github.com/progetto-win/win/server/store"
)

// Backup writes a backup of the database named by url to file, which
// must not exist.
func Backup(ctx context.Context, url, file string) error {
	if err := createPrivate(file); err != nil {
		return err
	}
	var err error
	if store.IsPostgres(url) {
		err = backupPostgres(ctx, url, file)
	} else {
		err = backupSQLite(ctx, url, file)
	}
	if err != nil {
		_ = os.Remove(file)
	}
	return err
}

// Restore restores the backup in file into the database named by url,
// which must be empty (for SQLite, a file not there yet), and returns what
// verifying its audit chain found.
func Restore(ctx context.Context, file, url string) (auditchain.Report, error) {
	if _, err := os.Stat(file); err != nil {
		return auditchain.Report{}, fmt.Errorf("reading the backup: %w", err)
	}
	var err error
	if store.IsPostgres(url) {
		err = restorePostgres(ctx, file, url)
	} else {
		err = restoreSQLite(ctx, file, url)
	}
	if err != nil {
		return auditchain.Report{}, err
	}
	db, err := store.Open(url)
	if err != nil {
		return auditchain.Report{}, err
	}
	defer db.Close()
	if db.Dialect == dialect.Postgres { // SQLite's was checked before copying
		if err := checkMigrations(ctx, db.SQL, db.Dialect); err != nil {
			return auditchain.Report{}, err
		}
	}
	return auditchain.Verify(ctx, db.SQL)
}

// createPrivate creates file empty, readable and writable by its owner
// only, refusing to replace one.
func createPrivate(file string) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists: a backup is never written over another file", file)
	}
	if err != nil {
		return fmt.Errorf("creating the backup: %w", err)
	}
	return f.Close()
}

// checkMigrations refuses a database whose schema this binary does not
// know: a migration left half-applied, or one from a newer WIN.
func checkMigrations(ctx context.Context, db *sql.DB, dialectName string) error {
	var version int64
	var dirty bool
	if err := db.QueryRowContext(ctx, "SELECT version, dirty FROM schema_migrations").Scan(&version, &dirty); err != nil {
		return fmt.Errorf("the backup has no migration record, so it is not a WIN database: %w", err)
	}
	if dirty {
		return fmt.Errorf("the backup's migration %d was left half-applied", version)
	}
	known, err := knownVersions(dialectName)
	if err != nil {
		return err
	}
	if !slices.Contains(known, version) {
		return fmt.Errorf("the backup's schema is at migration %d, which this binary does not know (its last is %d): restore it with the WIN version that wrote it", version, known[len(known)-1])
	}
	return nil
}

// knownVersions lists, in order, the versions of the dialect's migrations
// built into this binary.
func knownVersions(dialectName string) ([]int64, error) {
	dir := store.MigrationsDir(dialectName)
	entries, err := fs.ReadDir(store.Migrations, dir)
	if err != nil {
		return nil, err
	}
	var versions []int64
	for _, e := range entries {
		name, ok := strings.CutSuffix(path.Base(e.Name()), ".up.sql")
		if !ok {
			continue
		}
		prefix, _, _ := strings.Cut(name, "_")
		v, err := strconv.ParseInt(prefix, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", e.Name(), err)
		}
		versions = append(versions, v)
	}
	slices.Sort(versions)
	return versions, nil
}
