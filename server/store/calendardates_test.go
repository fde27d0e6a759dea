package store_test

import (
	"context"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/golang-migrate/migrate/v4"
	"github.com/golang-migrate/migrate/v4/database"
	"github.com/golang-migrate/migrate/v4/database/postgres"
	"github.com/golang-migrate/migrate/v4/database/sqlite"
	"github.com/golang-migrate/migrate/v4/source/iofs"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// beforeCalendarDates is the last migration that stored days as instants.
const beforeCalendarDates = 20261203031849

// migrateTo brings a database to a migration version, up or down.
func migrateTo(t *testing.T, db *store.DB, version uint) {
	t.Helper()
	src, err := iofs.New(store.Migrations, store.MigrationsDir(db.Dialect))
	if err != nil {
		t.Fatal(err)
	}
	var target database.Driver
	if db.Dialect == dialect.Postgres {
		target, err = postgres.WithInstance(db.SQL, &postgres.Config{})
	} else {
		target, err = sqlite.WithInstance(db.SQL, &sqlite.Config{})
	}
	if err != nil {
		t.Fatal(err)
	}
	m, err := migrate.NewWithInstance("iofs", src, db.Dialect, target)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Migrate(version); err != nil {
		t.Fatal(err)
	}
}

// TestCalendarDatesMigration writes days as the previous version did —
// the instant of their midnight in Rome, in summer and in winter — and
// reads them back as the same days after the migration, and as the same
// instants after migrating back, on both databases.
func TestCalendarDatesMigration(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			db := storetest.OpenEmpty(t, d)
			ctx := context.Background()
			migrateTo(t, db, beforeCalendarDates)
			summer := time.Date(2026, 7, 1, 0, 0, 0, 0, domain.Rome)
			winter := time.Date(2026, 1, 31, 0, 0, 0, 0, domain.Rome)
			insert := "INSERT INTO objectives (id, created_at, updated_at, title, indicator, target, period_start, period_end) VALUES ('obj_1', ?, ?, 'Segnalazioni', 'REFERRALS', 1, ?, ?)"
			if d == dialect.Postgres {
				insert = "INSERT INTO objectives (id, created_at, updated_at, title, indicator, target, period_start, period_end) VALUES ('obj_1', $1, $2, 'Segnalazioni', 'REFERRALS', 1, $3, $4)"
			}
			now := time.Now().UTC()
			if _, err := db.SQL.ExecContext(ctx, insert, now, now, summer.UTC(), winter.UTC()); err != nil {
				t.Fatal(err)
			}
			if err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			o, err := db.Client().Objective.Query().Only(rule.SystemContext(ctx))
			if err != nil {
				t.Fatal(err)
			}
			if o.PeriodStart != domain.NewDate(2026, 7, 1) || o.PeriodEnd != domain.NewDate(2026, 1, 31) {
				t.Errorf("after the migration: %v to %v, want 2026-07-01 to 2026-01-31", o.PeriodStart, o.PeriodEnd)
			}
			migrateTo(t, db, beforeCalendarDates)
			var start, end time.Time
			if err := db.SQL.QueryRowContext(ctx, "SELECT period_start, period_end FROM objectives").Scan(&start, &end); err != nil {
				t.Fatal(err)
			}
			if !start.Equal(summer) || !end.Equal(winter) {
				t.Errorf("migrated back: %v to %v, want %v to %v", start, end, summer, winter)
			}
		})
	}
}
