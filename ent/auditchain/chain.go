// Package auditchain makes the audit log tamper-evident: every event
// carries a SHA-256 hash of the previous event's hash and its own content,
// and a position (seq) in one chain without gaps, so that editing,
// deleting or inserting a row by SQL breaks the chain where it happened
// (Verify finds it).
//
// An event joins the chain when the transaction that wrote it commits
// (Seal, run by the hook's commit hook), not when it is written: the
// chain is one sequence, so joining it is serialised — on PostgreSQL by
// an advisory lock held from just before the commit to its end, on
// SQLite by the write lock every transaction already holds. Taken at the
// end, the lock is held for milliseconds and never before a row lock of
// the same transaction, so it cannot close a deadlock cycle.
package auditchain

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/ent"
)

// lockKey names the chain's PostgreSQL advisory lock (the first bytes
// of "WINAUDIT"), distinct from golang-migrate's lock.
const lockKey int64 = 0x57494E4155444954

// columns are the event's content in the order they are hashed, after its
// position. The foreign keys are the actor's and organisation's IDs.
const columns = "id, occurred_at, action, entity_type, entity_id, request_id, client_address, changes, audit_event_actor, audit_event_organization"

// execQuerier runs SQL in a transaction or on the database.
type execQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// event is an audit event as stored.
type event struct {
	ID         string
	OccurredAt time.Time
	Seq        sql.NullInt64
	Hash       sql.NullString
	content    [8]sql.NullString // action … organisation, as in columns
}

func scanEvent(rows *sql.Rows, withChain bool) (event, error) {
	var e event
	dest := []any{&e.ID, &e.OccurredAt}
	for i := range e.content {
		dest = append(dest, &e.content[i])
	}
	if withChain {
		dest = append(dest, &e.Seq, &e.Hash)
	}
	return e, rows.Scan(dest...)
}

// digest returns the event's hash at position seq after prev (hex; empty
// for the first event): SHA-256 of the previous hash's bytes followed by
// each value, each as a presence byte and, when present, its length and
// bytes, so that no two different events encode alike.
func digest(prev string, seq int64, e event) (string, error) {
	prevBytes, err := hex.DecodeString(prev)
	if err != nil {
		return "", fmt.Errorf("audit event before %s: hash %q is not hex", e.ID, prev)
	}
	h := sha256.New()
	h.Write(prevBytes)
	put := func(v sql.NullString) {
		if !v.Valid {
			h.Write([]byte{0})
			return
		}
		h.Write([]byte{1})
		h.Write(binary.AppendUvarint(nil, uint64(len(v.String))))
		h.Write([]byte(v.String))
	}
	put(valid(strconv.FormatInt(seq, 10)))
	put(valid(e.ID))
	put(valid(e.OccurredAt.UTC().Format(time.RFC3339Nano)))
	for _, v := range e.content {
		put(v)
	}
	return hexSum(h), nil
}

func valid(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }

func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

// Seal adds to the chain, in the order they happened, the events the
// transaction tx sees outside it: its own and any left by a crash or
// written before the chain existed. On PostgreSQL it takes the chain's
// lock first, held until tx ends; tx must read committed data (the
// default), so that it sees the head the previous holder committed.
func Seal(ctx context.Context, tx execQuerier, dialectName string) error {
	if dialectName == dialect.Postgres {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", lockKey); err != nil {
			return fmt.Errorf("locking the audit chain: %w", err)
		}
	}
	seq, head, err := lastSealed(ctx, tx)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+columns+" FROM audit_events WHERE seq IS NULL ORDER BY occurred_at, id")
	if err != nil {
		return fmt.Errorf("reading audit events to seal: %w", err)
	}
	// Each event is hashed as it is read and only its seal is kept (not
	// its content, changes and all): a transaction that wrote 50,000
	// events, a large import's, held them all at once before.
	var seals []seal
	for rows.Next() {
		e, err := scanEvent(rows, false)
		if err == nil {
			seq++
			head, err = digest(head, seq, e)
		}
		if err != nil {
			_ = rows.Close()
			return fmt.Errorf("reading audit events to seal: %w", err)
		}
		seals = append(seals, seal{id: e.ID, seq: seq, hash: head})
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("reading audit events to seal: %w", err)
	}
	for len(seals) > 0 {
		batch := seals[:min(len(seals), sealBatch)]
		seals = seals[len(batch):]
		args := make([]any, 0, 3*len(batch))
		for _, s := range batch {
			args = append(args, s.id, s.seq, s.hash)
		}
		if _, err := tx.ExecContext(ctx, sealStatement(dialectName, len(batch)), args...); err != nil {
			return fmt.Errorf("sealing audit events: %w", err)
		}
	}
	return nil
}

// seal is an event's place in the chain: its position and hash.
type seal struct {
	id   string
	seq  int64
	hash string
}

// sealBatch is how many events one statement seals: a history of many
// events, sealed at the first start, goes in few round trips.
const sealBatch = 500

// sealStatement sets the position and hash of n events, given as (id,
// seq, hash) arguments, in one statement both dialects read alike.
func sealStatement(dialectName string, n int) string {
	var b strings.Builder
	b.WriteString("UPDATE audit_events SET seq = v.column2, hash = v.column3 FROM (VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		if dialectName == dialect.Postgres {
			fmt.Fprintf(&b, "($%d, CAST($%d AS BIGINT), $%d)", 3*i+1, 3*i+2, 3*i+3)
		} else {
			b.WriteString("(?, CAST(? AS BIGINT), ?)")
		}
	}
	b.WriteString(") AS v WHERE audit_events.id = v.column1")
	return b.String()
}

// lastSealed returns the position and hash of the chain's last event; 0
// and "" when it is empty.
func lastSealed(ctx context.Context, tx execQuerier) (int64, string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT seq, hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1")
	if err != nil {
		return 0, "", fmt.Errorf("reading the audit chain's head: %w", err)
	}
	defer rows.Close()
	var seq int64
	var head sql.NullString
	if rows.Next() {
		if err := rows.Scan(&seq, &head); err != nil {
			return 0, "", fmt.Errorf("reading the audit chain's head: %w", err)
		}
	}
	return seq, head.String, rows.Err()
}

// SealClient seals in a transaction of its own, what the server does at
// start for events written before the chain existed or left unsealed by
// a crash.
func SealClient(ctx context.Context, client *ent.Client) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	if err := Seal(ctx, tx.Client(), client.Dialect()); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}
