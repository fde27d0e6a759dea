//go:build ignore

// newmigration.go writes the next versioned migration of both dialects,
// from the difference between the ent schema and the migrations so far,
// replayed on scratch databases: an SQLite file in a temporary directory,
// and a temporary database on the PostgreSQL server of
// WIN_DEV_DATABASE_URL (default: the local test database's server).
//
//	go run -mod=mod ./server/store/newmigration.go NAME
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"net/url"

	"ariga.io/atlas/sql/sqltool"
	"entgo.io/ent/dialect/sql/schema"

	"github.com/progetto-win/win/ent/migrate"
	"github.com/progetto-win/win/server/store"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run -mod=mod ./server/store/newmigration.go NAME")
	}
	name := os.Args[1]
	ctx := context.Background()

	tmp, err := os.MkdirTemp("", "win-migration-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	sqliteDB, err := store.Open(filepath.Join(tmp, "dev.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer sqliteDB.Close()
	if err := diff(ctx, sqliteDB, name); err != nil {
		log.Fatalf("sqlite: %v", err)
	}

	devURL := os.Getenv("WIN_DEV_DATABASE_URL")
	if devURL == "" {
		devURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	admin, err := store.Open(devURL)
	if err != nil {
		log.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	scratch := "win_migration_" + hex.EncodeToString(b)
	if _, err := admin.SQL.ExecContext(ctx, "CREATE DATABASE "+scratch); err != nil {
		log.Fatal(err)
	}
	pgDB, err := store.Open(withDatabase(devURL, scratch))
	if err != nil {
		log.Fatal(err)
	}
	err = diff(ctx, pgDB, name)
	pgDB.Close()
	if _, dropErr := admin.SQL.ExecContext(ctx, "DROP DATABASE "+scratch); dropErr != nil {
		log.Printf("dropping %s: %v", scratch, dropErr)
	}
	if err != nil {
		log.Fatalf("postgres: %v", err)
	}
}

// diff replays the dialect's migrations on an empty scratch database and
// writes the statements that bring it to the ent schema.
func diff(ctx context.Context, db *store.DB, name string) error {
	// golang-migrate's layout (NNN_name.up.sql / .down.sql) is what
	// store.Migrate applies.
	dir, err := sqltool.NewGolangMigrateDir(filepath.Join("server/store", store.MigrationsDir(db.Dialect)))
	if err != nil {
		return err
	}
	m, err := schema.NewMigrate(db.Driver(),
		schema.WithDir(dir),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(db.Dialect),
		schema.WithFormatter(sqltool.GolangMigrateFormatter),
		schema.WithDropColumn(true),
		schema.WithDropIndex(true),
	)
	if err != nil {
		return err
	}
	if err := m.NamedDiff(ctx, name, migrate.Tables...); err != nil {
		return err
	}
	fmt.Printf("%s: migrations written to %s\n", db.Dialect, dir.Path())
	return nil
}

// withDatabase returns url with its database name replaced.
func withDatabase(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		log.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
