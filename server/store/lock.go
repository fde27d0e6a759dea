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
// transaction holds the lock, fn is skipped and ran is false.
//
// On PostgreSQL the lock is an advisory lock of the transaction
// (pg_try_advisory_xact_lock), released at commit or rollback, named per
// schema so that installations sharing a server do not wait on each
// other. On SQLite every transaction takes the database's write lock
// when it begins (_txlock=immediate), across processes too: a second
// run waits for the first, and then finds its work done.
func (db *DB) WithLock(ctx context.Context, name string, fn func(tx *ent.Client) error) (ran bool, err error) {
	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	if db.Dialect == dialect.Postgres {
		var locked bool
		err := tx.QueryRowContext(ctx, `SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.' || $1))`, name).Scan(&locked)
		if err != nil || !locked {
			_ = tx.Rollback()
			return false, err
		}
	}
	client := ent.NewClient(ent.Driver(entsql.NewDriver(db.Dialect, entsql.Conn{ExecQuerier: tx})))
	if err := fn(client); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return true, fmt.Errorf("%w (rollback: %v)", err, rerr)
		}
		return true, err
	}
	return true, tx.Commit()
}
