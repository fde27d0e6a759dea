package auditchain

import (
	"context"
	"fmt"
	"time"
)

// Report is what Verify found: how many events verify, the chain's last
// hash (to write down elsewhere: removing the last events leaves no
// trace in the chain itself), and the first broken link if any.
type Report struct {
	Events int64
	Head   string
	Break  *Break
}

// Break is the first event at which the chain does not hold.
type Break struct {
	ID         string
	OccurredAt time.Time
	Seq        int64 // 0 for an event outside the chain
	Reason     string
}

func (b *Break) Error() string {
	at := fmt.Sprintf("position %d", b.Seq)
	if b.Seq == 0 {
		at = "no position"
	}
	return fmt.Sprintf("audit event %s (%s, %s): %s", b.ID, b.OccurredAt.UTC().Format(time.RFC3339), at, b.Reason)
}

// Verify walks the chain from its first event and reports the first that
// does not follow from the one before it: a changed row (its hash no
// longer matches its content), a missing one (a gap in the positions) or
// one added by hand (no position, or a hash that does not match).
func Verify(ctx context.Context, db execQuerier) (Report, error) {
	var r Report
	rows, err := db.QueryContext(ctx, "SELECT "+columns+", seq, hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq")
	if err != nil {
		return r, fmt.Errorf("reading the audit chain: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEvent(rows, true)
		if err != nil {
			return r, fmt.Errorf("reading the audit chain: %w", err)
		}
		broken := func(reason string) (Report, error) {
			r.Break = &Break{ID: e.ID, OccurredAt: e.OccurredAt, Seq: e.Seq.Int64, Reason: reason}
			return r, nil
		}
		if want := r.Events + 1; e.Seq.Int64 != want {
			return broken(fmt.Sprintf("the chain expects position %d here: the events between are missing", want))
		}
		sum, err := digest(r.Head, e.Seq.Int64, e)
		if err != nil {
			return broken("the hash before it is not a SHA-256 in hex")
		}
		if sum != e.Hash.String {
			return broken("its content or hash is not what was sealed: changed, or added by hand")
		}
		r.Events, r.Head = e.Seq.Int64, sum
	}
	if err := rows.Close(); err != nil {
		return r, fmt.Errorf("reading the audit chain: %w", err)
	}
	outside, err := db.QueryContext(ctx, "SELECT "+columns+" FROM audit_events WHERE seq IS NULL ORDER BY occurred_at, id LIMIT 1")
	if err != nil {
		return r, fmt.Errorf("reading the audit events outside the chain: %w", err)
	}
	defer outside.Close()
	if outside.Next() {
		e, err := scanEvent(outside, false)
		if err != nil {
			return r, fmt.Errorf("reading the audit events outside the chain: %w", err)
		}
		r.Break = &Break{ID: e.ID, OccurredAt: e.OccurredAt, Reason: "it is not in the chain: added by hand, or written by a server that crashed (the server seals those when it starts)"}
	}
	return r, outside.Err()
}
