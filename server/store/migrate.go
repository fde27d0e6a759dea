package store

import (
	"context"
	"embed"
	"errors"
	"fmt"

	"entgo.io/ent/dialect"
	"github.com/golang-migrate/migrate/v4"
	"github.com/golang-migrate/migrate/v4/database"
	"github.com/golang-migrate/migrate/v4/database/postgres"
	"github.com/golang-migrate/migrate/v4/database/sqlite"
	"github.com/golang-migrate/migrate/v4/source/iofs"

	"github.com/progetto-win/win/ent/auditchain"
)

// Migrations holds the versioned migrations of both dialects, written by
// `make migration NAME=…` (see newmigration.go) and never edited once
// released.
//
//go:embed migrations
var Migrations embed.FS

// MigrationsDir returns the migration directory of a dialect inside
// Migrations.
func MigrationsDir(dialectName string) string {
	if dialectName == dialect.Postgres {
		return "migrations/postgres"
	}
	return "migrations/sqlite"
}

// Migrate applies the migrations that the database has not seen yet. On
// PostgreSQL an advisory lock lets several server copies start at once.
func (db *DB) Migrate(ctx context.Context) error {
	src, err := iofs.New(Migrations, MigrationsDir(db.Dialect))
	if err != nil {
		return fmt.Errorf("reading migrations: %w", err)
	}
	conn, err := db.SQL.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connecting for migration: %w", err)
	}
	var target database.Driver
	if db.Dialect == dialect.Postgres {
		target, err = postgres.WithConnection(ctx, conn, &postgres.Config{})
	} else {
		// The sqlite driver takes a *sql.DB; it runs each migration in a
		// transaction of its own.
		_ = conn.Close()
		target, err = sqlite.WithInstance(db.SQL, &sqlite.Config{})
	}
	if err != nil {
		return fmt.Errorf("preparing migration: %w", err)
	}
	m, err := migrate.NewWithInstance("iofs", src, db.Dialect, target)
	if err != nil {
		return fmt.Errorf("preparing migration: %w", err)
	}
	if err := m.Up(); err != nil && !errors.Is(err, migrate.ErrNoChange) {
		return fmt.Errorf("migrating: %w", err)
	}
	if db.Dialect == dialect.Postgres {
		if err := conn.Close(); err != nil {
			return err
		}
	} else if _, err := db.SQL.ExecContext(ctx, "PRAGMA optimize=0x10002"); err != nil {
		// SQLite keeps no statistics until asked, and without them its
		// planner sorted a coordinator's 28,000 cases for a page of 50
		// rather than walk the referral date's index. At each start, as
		// SQLite advises, the tables whose statistics are missing or
		// stale are analysed (a limited sample: quick at any size).
		return fmt.Errorf("analysing the database: %w", err)
	}
	// Events written before the audit chain existed, or left unsealed by
	// a crash, join it now, in the order they happened.
	if err := auditchain.SealClient(ctx, db.Client()); err != nil {
		return fmt.Errorf("sealing the audit chain: %w", err)
	}
	return nil
}
