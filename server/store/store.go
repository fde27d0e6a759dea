// Package store opens WIN's database — PostgreSQL through lib/pq for
// production, an embedded SQLite file (pure Go, no cgo) by default — and
// applies the versioned migrations of its dialect.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/lib/pq"
	_ "modernc.org/sqlite" // registers "sqlite"

	"github.com/progetto-win/win/ent"
	_ "github.com/progetto-win/win/ent/runtime" // schema hooks and privacy policies
)

// DB is an open database with its ent dialect.
type DB struct {
	SQL     *sql.DB
	Dialect string // dialect.Postgres or dialect.SQLite

	statements StatementCount // run through Driver and CountedSQL (statements.go)
}

// IsPostgres reports whether url names a PostgreSQL database; anything else
// is the path of an SQLite file.
func IsPostgres(url string) bool {
	return strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://")
}

// PostgresDSN returns the URL with the settings WIN needs, unless the URL
// sets them: no JIT compilation, which costs more than it saves on
// queries over WIN's sizes (a second of compiling for a 0.3 s indicator
// query at 100,000 cases); and a connect timeout, as lib/pq bounds only
// the TCP dial by the request's context, not the handshake after it: a
// server that accepts connections but does not answer would hold every
// request, and /readyz, for ever.
func PostgresDSN(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw // pq.NewConnector reports it
	}
	q := u.Query()
	if !q.Has("jit") {
		q.Set("jit", "off")
	}
	if !q.Has("connect_timeout") {
		q.Set("connect_timeout", "2") // seconds; libpq's smallest sensible value
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// maxConns is the most connections one process opens to PostgreSQL.
const maxConns = 20

// Open opens the database named by url without touching its schema.
func Open(url string) (*DB, error) {
	if IsPostgres(url) {
		// Through a connector, so that dialing follows the context of
		// the query that needs a connection (sql.Open's driver path
		// dials without one).
		connector, err := pq.NewConnector(PostgresDSN(url))
		if err != nil {
			return nil, fmt.Errorf("opening PostgreSQL: %w", err)
		}
		db := sql.OpenDB(connector)
		db.SetMaxOpenConns(maxConns)
		// As many kept idle as may be open: with database/sql's default
		// of 2, a burst of clients closed its connections as it ended
		// and the next one dialled them again (hundreds per 10 s).
		db.SetMaxIdleConns(maxConns)
		db.SetConnMaxIdleTime(5 * time.Minute)
		return &DB{SQL: db, Dialect: dialect.Postgres}, nil
	}
	db, err := sql.Open("sqlite", SQLiteDSN(url))
	if err != nil {
		return nil, fmt.Errorf("opening SQLite: %w", err)
	}
	return &DB{SQL: db, Dialect: dialect.SQLite}, nil
}

// SQLiteDSN returns the DSN for an SQLite file with the pragmas WIN needs
// on every connection: foreign keys enforced, write-ahead logging so that
// reads do not block on writes, a busy timeout, and transactions that take
// the write lock when they begin, so concurrent writers queue instead of
// failing midway. Times are written as SQLite text in UTC: the driver's
// default (Go's time.String) cannot be read back for a time with a bare
// offset such as +01:00, and text in mixed zones would not compare in
// order.
func SQLiteDSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	q.Set("_timezone", "UTC")
	return "file:" + path + "?" + q.Encode()
}

// Driver returns the ent driver over the database, counting its
// statements (statements.go).
func (db *DB) Driver() dialect.Driver {
	return countingDriver{entsql.OpenDB(db.Dialect, db.SQL), db}
}

// Client returns an ent client over the database, with the store's hooks.
func (db *DB) Client(opts ...ent.Option) *ent.Client {
	return hooked(ent.NewClient(append([]ent.Option{ent.Driver(db.Driver())}, opts...)...))
}

// hooked adds to a client the hooks of every client of the store: instants
// at the precision both databases keep, and changes to the data counted.
func hooked(c *ent.Client) *ent.Client {
	c.Use(microseconds, dataChanges, outboxWritten)
	return c
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	return db.SQL.PingContext(ctx)
}

// Close closes the database.
func (db *DB) Close() error {
	return db.SQL.Close()
}
