package store

import (
	"context"
	"database/sql"
	"sync/atomic"

	"entgo.io/ent/dialect"
)

// StatementCount counts SQL statements: those of one request (CountStatements
// puts one in its context) or all of a database's (DB.Statements).
//
// Every Exec and Query through the ent driver, in a transaction or not,
// and every query of CountedSQL is one statement; BEGIN, COMMIT and
// ROLLBACK are not counted, so a count is the work asked of the database.
type StatementCount struct{ n atomic.Int64 }

// Load returns the statements counted so far.
func (c *StatementCount) Load() int64 { return c.n.Load() }

type statementCountKey struct{}

// CountStatements returns a context whose statements, on any database
// opened by Open, are also counted in the returned count: one request's.
func CountStatements(ctx context.Context) (context.Context, *StatementCount) {
	c := &StatementCount{}
	return context.WithValue(ctx, statementCountKey{}, c), c
}

// count adds a statement run under ctx to the database's total and to
// the count ctx carries: two atomic adds, cheap enough for every statement.
func (db *DB) count(ctx context.Context) {
	db.statements.n.Add(1)
	if c, ok := ctx.Value(statementCountKey{}).(*StatementCount); ok {
		c.n.Add(1)
	}
}

// Statements returns the statements run on the database by this process,
// through Driver, Client and CountedSQL.
func (db *DB) Statements() int64 { return db.statements.Load() }

// CountedSQL is the database's *sql.DB with its queries counted, for code
// that writes its own SQL (the indicators).
func (db *DB) CountedSQL() CountedSQL { return CountedSQL{db} }

// CountedSQL runs queries on a database, counting them.
type CountedSQL struct{ db *DB }

// QueryContext runs a query, as sql.DB's does.
func (q CountedSQL) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	q.db.count(ctx)
	return q.db.SQL.QueryContext(ctx, query, args...)
}

// countingDriver is an ent driver counting its statements, those of its
// transactions included.
type countingDriver struct {
	dialect.Driver
	db *DB
}

// Exec implements dialect.ExecQuerier.
func (d countingDriver) Exec(ctx context.Context, query string, args, v any) error {
	d.db.count(ctx)
	return d.Driver.Exec(ctx, query, args, v)
}

// Query implements dialect.ExecQuerier.
func (d countingDriver) Query(ctx context.Context, query string, args, v any) error {
	d.db.count(ctx)
	return d.Driver.Query(ctx, query, args, v)
}

// rawSQL is what ent's generated ExecContext and QueryContext look for on
// a driver or transaction, for SQL written by hand (the audit chain's,
// for one).
type rawSQL interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// ExecContext is sql.DB's, counted.
func (d countingDriver) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	d.db.count(ctx)
	return d.Driver.(rawSQL).ExecContext(ctx, query, args...)
}

// QueryContext is sql.DB's, counted.
func (d countingDriver) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	d.db.count(ctx)
	return d.Driver.(rawSQL).QueryContext(ctx, query, args...)
}

// Tx implements dialect.Driver.
func (d countingDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return countingTx{tx, d.db}, nil
}

// BeginTx is what ent's Client.BeginTx looks for on its driver.
func (d countingDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	tx, err := d.Driver.(interface {
		BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error)
	}).BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return countingTx{tx, d.db}, nil
}

// countingTx is a transaction counting its statements.
type countingTx struct {
	dialect.Tx
	db *DB
}

// Exec implements dialect.ExecQuerier.
func (t countingTx) Exec(ctx context.Context, query string, args, v any) error {
	t.db.count(ctx)
	return t.Tx.Exec(ctx, query, args, v)
}

// Query implements dialect.ExecQuerier.
func (t countingTx) Query(ctx context.Context, query string, args, v any) error {
	t.db.count(ctx)
	return t.Tx.Query(ctx, query, args, v)
}

// ExecContext is sql.Tx's, counted.
func (t countingTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	t.db.count(ctx)
	return t.Tx.(rawSQL).ExecContext(ctx, query, args...)
}

// QueryContext is sql.Tx's, counted.
func (t countingTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	t.db.count(ctx)
	return t.Tx.(rawSQL).QueryContext(ctx, query, args...)
}
