package store

import (
	"context"
	"fmt"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/ent"
)

// WithLock runs fn in a transaction that holds the lock of the given
// name across every server process on this database, so that a job
// several processes start runs in one of them at a time; when another
// transaction holds the lock, fn is skipped and ran is false. fn's client
// is an ent transaction's, with its commit hooks.
//
// On PostgreSQL the lock is an advisory lock of the transaction
// (pg_try_advisory_xact_lock), released at commit or rollback, named per
// schema so that installations sharing a server do not wait on each
// other. On SQLite every transaction takes the database's write lock
// when it begins (_txlock=immediate), across processes too: a second
// run waits for the first, and then finds its work done.
func (db *DB) WithLock(ctx context.Context, name string, fn func(tx *ent.Client) error) (ran bool, err error) {
	drv := db.Driver()
	dtx, err := drv.Tx(ctx)
	if err != nil {
		return false, err
	}
	if db.Dialect == dialect.Postgres {
		locked, err := tryAdvisoryLock(ctx, dtx, name)
		if err != nil || !locked {
			_ = dtx.Rollback()
			return false, err
		}
	}
	tx, err := hooked(ent.NewClient(ent.Driver(begun{Driver: drv, tx: dtx}))).Tx(ctx)
	if err != nil {
		_ = dtx.Rollback()
		return false, err
	}
	if err := fn(tx.Client()); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return true, fmt.Errorf("%w (rollback: %v)", err, rerr)
		}
		return true, err
	}
	return true, tx.Commit()
}

// tryAdvisoryLock takes the transaction's advisory lock of the name in
// the current schema, unless another transaction holds it.
func tryAdvisoryLock(ctx context.Context, tx dialect.Tx, name string) (bool, error) {
	var rows entsql.Rows
	err := tx.Query(ctx, `SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.' || $1))`, []any{name}, &rows)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	locked := false
	if rows.Next() {
		err = rows.Scan(&locked)
	}
	if err == nil {
		err = rows.Err()
	}
	return locked, err
}

// begun is a driver whose transaction has already begun (and taken its
// lock): ent's client makes it an ent transaction.
type begun struct {
	dialect.Driver
	tx dialect.Tx
}

// Tx implements dialect.Driver.
func (b begun) Tx(context.Context) (dialect.Tx, error) { return b.tx, nil }
