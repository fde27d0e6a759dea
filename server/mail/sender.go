package mail

import (
	"context"
	"fmt"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/store"
)

// The sender's rhythm.
const (
	pollEvery = 30 * time.Second // without a Kick
	lease     = 5 * time.Minute  // a claimed mail is another sender's after this
	batch     = 20               // mails claimed at once
	// Retries wait firstRetry, doubling up to maxRetry, and stop once a
	// mail is giveUpAfter old: it is FAILED.
	firstRetry  = time.Minute
	maxRetry    = time.Hour
	giveUpAfter = 24 * time.Hour
)

// backoff is the wait after the nth failed attempt.
func backoff(attempts int) time.Duration {
	wait := firstRetry
	for i := 1; i < attempts && wait < maxRetry; i++ {
		wait *= 2
	}
	return min(wait, maxRetry)
}

// Run sends the queue until ctx ends: at once when kicked, else every
// pollEvery; and the digest at start and every morning (digest.go).
func (m *Mailer) Run(ctx context.Context) {
	m.Logger.Info("mail", "smtp", m.Config.Redacted(), "from", m.Config.From.String(), "links", m.Config.PublicURL.String())
	nextDigest := m.Now() // the catch-up at start
	for {
		if !m.Now().Before(nextDigest) {
			if n, err := m.Digest(ctx); err != nil {
				m.Logger.Error("mail: writing digests", "error", err)
			} else if n > 0 {
				m.Logger.Info("mail: digests written", "count", n)
			}
			nextDigest = NextDigest(m.Now())
		}
		for {
			n, err := m.SendDue(ctx)
			if err != nil {
				m.Logger.Error("mail: sending", "error", err)
			}
			if n < batch || err != nil {
				break
			}
		}
		wait := min(pollEvery, time.Until(nextDigest))
		select {
		case <-ctx.Done():
			return
		case <-m.kick:
		case <-time.After(wait):
		}
	}
}

// SendDue claims the mails due now and sends them, returning how many it
// claimed. On PostgreSQL the claim skips rows another process holds, and
// the lease lets another take them if this process dies while sending.
// Invitations and resets are sent by the request that writes them, with
// the link this queue does not have: they are never claimed here.
func (m *Mailer) SendDue(ctx context.Context) (int, error) {
	ctx = rule.SystemContext(ctx)
	now := m.Now()
	var mails []*ent.OutgoingMail
	err := store.WithTx(ctx, m.Client, func(tx *ent.Client) (err error) {
		q := tx.OutgoingMail.Query().Where(
			outgoingmail.StateEQ(outgoingmail.StatePENDING),
			outgoingmail.KindIn(outgoingmail.KindNOTIFICATION, outgoingmail.KindDIGEST),
			outgoingmail.Or(outgoingmail.NextAttemptAtIsNil(), outgoingmail.NextAttemptAtLTE(now)),
			outgoingmail.Or(outgoingmail.ClaimedUntilIsNil(), outgoingmail.ClaimedUntilLT(now)),
		).Order(ent.Asc(outgoingmail.FieldCreatedAt), ent.Asc(outgoingmail.FieldID)).Limit(batch)
		if m.Postgres {
			q.ForUpdate(sql.WithLockAction(sql.SkipLocked))
		}
		if mails, err = q.All(ctx); err != nil || len(mails) == 0 {
			return err
		}
		ids := make([]gid.ID, len(mails))
		for i, ml := range mails {
			ids[i] = ml.ID
		}
		return tx.OutgoingMail.Update().Where(outgoingmail.IDIn(ids...)).SetClaimedUntil(now.Add(lease)).Exec(ctx)
	})
	if err != nil {
		return 0, err
	}
	for _, ml := range mails {
		if err := m.sendOne(ctx, ml); err != nil {
			return len(mails), err
		}
	}
	return len(mails), nil
}

// sendOne sends a claimed mail and records the outcome.
func (m *Mailer) sendOne(ctx context.Context, ml *ent.OutgoingMail) error {
	e := envelope{To: ml.ToAddress, Subject: ml.Subject, Text: ml.TextBody, HTML: ml.HTMLBody, MessageID: ml.MessageID, Date: ml.CreatedAt}
	if ml.Kind == outgoingmail.KindDIGEST {
		e.Unsubscribe = m.Config.link(preferencesRoute)
	}
	sendErr := m.deliver(ctx, e)
	now := m.Now()
	up := m.Client.OutgoingMail.UpdateOneID(ml.ID).AddAttempts(1).ClearClaimedUntil()
	switch {
	case sendErr == nil && m.Config.SMTP == nil:
		up.SetState(outgoingmail.StateLOGGED).SetSentAt(now).ClearNextAttemptAt()
	case sendErr == nil:
		up.SetState(outgoingmail.StateSENT).SetSentAt(now).ClearNextAttemptAt()
	case now.Sub(ml.CreatedAt) >= giveUpAfter:
		m.Logger.Warn("mail: given up", "mail", ml.ID, "error", sendErr)
		up.SetState(outgoingmail.StateFAILED).SetLastError(truncate(sendErr.Error(), 300)).ClearNextAttemptAt()
	default:
		m.Logger.Warn("mail: will retry", "mail", ml.ID, "error", sendErr)
		up.SetLastError(truncate(sendErr.Error(), 300)).SetNextAttemptAt(now.Add(backoff(ml.Attempts + 1)))
	}
	return up.Exec(ctx)
}

// deliver sends a message, or writes it to the log without SMTP.
func (m *Mailer) deliver(ctx context.Context, e envelope) error {
	msg, err := m.Config.encode(e)
	if err != nil {
		return err
	}
	if m.Config.SMTP == nil {
		m.Logger.Info("mail (no SMTP server configured: written here only)", "to", e.To, "subject", e.Subject, "message-id", e.MessageID, "text", e.Text)
		return nil
	}
	if err := m.Config.send(ctx, e.To, msg); err != nil {
		return fmt.Errorf("smtp: %w", err)
	}
	return nil
}
