package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/server/store"
)

// backupSQLite copies the database at path into file, empty, with VACUUM
// INTO: one read transaction, so a consistent copy while the server
// writes, compacted, in a single file.
func backupSQLite(ctx context.Context, path, file string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("reading the database: %w", err)
	}
	db, err := store.Open(path)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.SQL.ExecContext(ctx, "VACUUM INTO ?", file); err != nil {
		return fmt.Errorf("backing up %s: %w", path, err)
	}
	return nil
}

// restoreSQLite checks the backup in file and copies it to path, which
// must not exist or be empty.
func restoreSQLite(ctx context.Context, file, path string) error {
	if err := checkSQLiteBackup(ctx, file); err != nil {
		return err
	}
	if info, err := os.Stat(path); err == nil && info.Size() > 0 {
		return fmt.Errorf("%s exists and is not empty: restore into a new file", path)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, suffix := range []string{"-wal", "-journal"} {
		if _, err := os.Stat(path + suffix); err == nil {
			return fmt.Errorf("%s%s exists: a database was there; restore into a new file", path, suffix)
		}
	}
	src, err := os.Open(file)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		_ = dst.Close()
		_ = os.Remove(path)
		return fmt.Errorf("copying the backup: %w", err)
	}
	if err := dst.Sync(); err != nil {
		_ = dst.Close()
		_ = os.Remove(path)
		return fmt.Errorf("copying the backup: %w", err)
	}
	return dst.Close()
}

// checkSQLiteBackup opens the backup read-only, runs SQLite's integrity
// check over it and checks that this binary knows its migrations.
func checkSQLiteBackup(ctx context.Context, file string) error {
	db, err := sql.Open("sqlite", "file:"+file+"?"+url.Values{"mode": {"ro"}}.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("%s is not an SQLite database: %w", file, err)
	}
	if result != "ok" {
		return fmt.Errorf("%s fails SQLite's integrity check: %s", file, result)
	}
	return checkMigrations(ctx, db, dialect.SQLite)
}
