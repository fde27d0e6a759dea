package mail

import (
	"context"
	"errors"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/notification"
	"github.com/progetto-win/win/ent/notificationpreference"
	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/store"
)

// The digest goes out at digestHour, Italian time, and tells of the
// notifications of at most digestWindow ago not yet e-mailed: a kind a
// user switches to the digest does not bring back a month of notices.
const (
	digestHour   = 7
	digestWindow = 72 * time.Hour
)

// NextDigest returns the first digest time after now.
func NextDigest(now time.Time) time.Time { return domain.NextDaily(now, digestHour) }

// errTaken: another run marked some of a user's notifications first.
var errTaken = errors.New("mail: another run took these notifications")

// Digest writes one mail per user listing their notifications of kinds
// they hear of in the digest and not yet e-mailed, marking them e-mailed
// in the mail's transaction: a notification marked by another process or
// run in the meantime makes this user's digest roll back, so nothing is
// told twice. It returns how many digests it wrote.
func (m *Mailer) Digest(ctx context.Context) (int, error) {
	ctx = rule.SystemContext(ctx)
	since := m.Now().Add(-digestWindow)
	users, err := m.Client.Notification.Query().Where(notification.EmailedAtIsNil(), notification.CreatedAtGT(since)).
		QueryRecipient().Where(user.Disabled(false)).IDs(ctx)
	if err != nil {
		return 0, err
	}
	written := 0
	for _, id := range users {
		err := store.WithTx(ctx, m.Client, func(tx *ent.Client) error { return m.digestOf(ctx, tx, id, since) })
		switch {
		case err == nil:
			written++
		case errors.Is(err, errNothing), errors.Is(err, errTaken):
		default:
			return written, err
		}
	}
	if written > 0 {
		m.Kick()
	}
	return written, nil
}

// errNothing: the user has nothing for the digest.
var errNothing = errors.New("mail: nothing for the digest")

// digestOf writes one user's digest in tx.
func (m *Mailer) digestOf(ctx context.Context, tx *ent.Client, id gid.ID, since time.Time) error {
	u, err := tx.User.Get(ctx, id)
	if err != nil {
		return err
	}
	prefs, err := tx.NotificationPreference.Query().Where(notificationpreference.HasUserWith(user.ID(id))).All(ctx)
	if err != nil {
		return err
	}
	var kinds []domain.EventKind
	for _, r := range domain.EventRules {
		d := r.Default
		for _, p := range prefs {
			if p.Kind == r.Kind {
				d = p.Delivery
			}
		}
		if d == domain.DeliverDigest && len(r.Recipients) > 0 {
			kinds = append(kinds, r.Kind)
		}
	}
	if len(kinds) == 0 {
		return errNothing
	}
	notes, err := tx.Notification.Query().Where(notification.HasRecipientWith(user.ID(id)),
		notification.EmailedAtIsNil(), notification.CreatedAtGT(since), notification.KindIn(kinds...)).
		Order(ent.Asc(notification.FieldCreatedAt), ent.Asc(notification.FieldID)).All(ctx)
	if err != nil {
		return err
	}
	if len(notes) == 0 {
		return errNothing
	}
	ids := make([]gid.ID, len(notes))
	for i, n := range notes {
		ids[i] = n.ID
	}
	// Marking first takes the rows' locks on PostgreSQL: a concurrent
	// run waits, then finds them marked and writes nothing.
	marked, err := tx.Notification.Update().Where(notification.IDIn(ids...), notification.EmailedAtIsNil()).
		SetEmailedAt(m.Now()).Save(ctx)
	if err != nil {
		return err
	}
	if marked != len(ids) {
		return errTaken
	}
	lang := language(u)
	lines := make([]line, len(notes))
	for i, n := range notes {
		l, err := m.line(ctx, tx, n, lang)
		if err != nil {
			return err
		}
		lines[i] = l.line
	}
	subject, err := say(lang, "digest.subject", facts{Count: len(notes)})
	if err != nil {
		return err
	}
	intro, err := say(lang, "digest.intro", nil)
	if err != nil {
		return err
	}
	c, err := compose(lang, subject, intro, lines)
	if err != nil {
		return err
	}
	return m.queue(ctx, tx, outgoingmail.KindDIGEST, u, c)
}
