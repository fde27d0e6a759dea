package store

import (
	"context"
	"database/sql"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/ent"
)

// SQLTx begins a transaction that ent and database/sql share, for work
// ent does not offer, such as PostgreSQL's COPY (which lib/pq runs only
// through a prepared statement of the transaction): what the client
// writes commits or rolls back with tx. A transaction the client opens
// joins tx; commit or roll back tx itself, and after a commit of rows
// written through tx tell DataChanged.
func (db *DB) SQLTx(ctx context.Context) (*sql.Tx, *ent.Client, error) {
	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	return tx, hooked(ent.NewClient(ent.Driver(joinedTx{entsql.NewDriver(db.Dialect, entsql.Conn{ExecQuerier: tx})}))), nil
}

// joinedTx is a driver over a transaction: its own transactions are the
// one it runs in.
type joinedTx struct{ *entsql.Driver }

func (d joinedTx) Tx(context.Context) (dialect.Tx, error) {
	return &entsql.Tx{Conn: d.Conn, Tx: nopCommit{}}, nil
}

// BeginTx hides entsql.Driver's, which needs a *sql.DB.
func (d joinedTx) BeginTx(ctx context.Context, _ *sql.TxOptions) (dialect.Tx, error) {
	return d.Tx(ctx)
}

// Close leaves the transaction to its owner.
func (joinedTx) Close() error { return nil }

// nopCommit leaves commit and rollback to the transaction's owner.
type nopCommit struct{}

func (nopCommit) Commit() error   { return nil }
func (nopCommit) Rollback() error { return nil }
