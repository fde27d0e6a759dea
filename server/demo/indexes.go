package demo

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lib/pq"
)

// PostgreSQL keeps an index or checks a foreign key row by row far more
// slowly than it builds or validates one over a whole table: random IDs
// land each row on a different page of every index. So the tables the
// cases fill lose their indexes and constraints, and the foreign keys
// that refer to them, for the load, and get them back afterwards as the
// catalog had them (pg_get_indexdef, pg_get_constraintdef), in the same
// transaction: a failed rebuild, such as a duplicate, rolls the load back.

// rebuild is the DDL that puts back what dropIndexes dropped.
type rebuild []string

// dropIndexes drops the indexes and constraints of the tables, and the
// foreign keys that refer to them, and returns what recreates them.
func dropIndexes(ctx context.Context, tx *sql.Tx, tables []string) (rebuild, error) {
	names := pq.Array(tables)
	// Foreign keys first, as they need the unique indexes they refer to;
	// on the way back, last.
	constraints, err := statements(ctx, tx, `
		SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
		       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
		FROM pg_constraint
		WHERE contype IN ('f', 'p', 'u')
		  AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))
		ORDER BY contype = 'f' DESC, conrelid::regclass::text, conname`, names)
	if err != nil {
		return nil, err
	}
	indexes, err := statements(ctx, tx, `
		SELECT format('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef(indexrelid)
		FROM pg_index
		WHERE indrelid = ANY($1::regclass[])
		  AND NOT EXISTS (SELECT FROM pg_constraint WHERE conindid = indexrelid AND contype IN ('p', 'u'))
		ORDER BY indexrelid::regclass::text`, names)
	if err != nil {
		return nil, err
	}
	var undo rebuild
	for _, s := range append(constraints, indexes...) {
		if _, err := tx.ExecContext(ctx, s[0]); err != nil {
			return nil, fmt.Errorf("%s: %w", s[0], err)
		}
		undo = append(undo, s[1])
	}
	// Indexes, then unique constraints, then the foreign keys that need them.
	for i, j := 0, len(undo)-1; i < j; i, j = i+1, j-1 {
		undo[i], undo[j] = undo[j], undo[i]
	}
	return undo, nil
}

// statements reads pairs of statements: one to drop, one to recreate.
func statements(ctx context.Context, tx *sql.Tx, query string, args ...any) ([][2]string, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var s [2]string
		if err := rows.Scan(&s[0], &s[1]); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// run recreates what was dropped. Index builds sort in memory up to
// maintenance_work_mem: the load's transaction raises it for itself.
func (r rebuild) run(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "SET LOCAL maintenance_work_mem = '256MB'"); err != nil {
		return err
	}
	for _, s := range r {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}
