// Package mail sends WIN's e-mail: notifications at once and in a daily
// digest (written by the outbox's dispatcher through Channel), and the
// links of password resets and invitations (for server/auth). Mails are
// rows of OutgoingMail, sent by one worker (Run) per process from a queue
// with leases, with retries; without an SMTP server they are written to
// the log. No mail holds a person's data: codes, tables' names, a
// directive's title, a day and a link. See docs/email.md.
package mail

import (
	"context"
	"log/slog"
	"time"
	"unicode/utf8"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/notificationpreference"
	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/user"
)

// SPA routes the links of mails open.
const (
	notificationsRoute = "/notifications"
	preferencesRoute   = "/account#notifications"
	casesRoute         = "/cases/"
	tablesRoute        = "/tables/"
	resetRoute         = "/reset-password#"
)

// Mailer writes and sends WIN's e-mail.
type Mailer struct {
	Client *ent.Client
	Config Config
	// Postgres: several processes share the queue, claiming with row
	// locks that skip locked rows.
	Postgres bool
	Logger   *slog.Logger
	Now      func() time.Time
	kick     chan struct{}
}

// New returns a mailer over client; dialect is the store's.
func New(client *ent.Client, cfg Config, postgres bool, logger *slog.Logger) *Mailer {
	if logger == nil {
		logger = slog.Default()
	}
	return &Mailer{Client: client, Config: cfg, Postgres: postgres, Logger: logger, Now: time.Now, kick: make(chan struct{}, 1)}
}

// Kick wakes the sender: mails were committed to the queue.
func (m *Mailer) Kick() {
	select {
	case m.kick <- struct{}{}:
	default:
	}
}

// Delivery returns how a user hears of a kind of event: their choice,
// else the kind's default.
func Delivery(ctx context.Context, client *ent.Client, userID gid.ID, kind domain.EventKind) (domain.Delivery, error) {
	p, err := client.NotificationPreference.Query().
		Where(notificationpreference.HasUserWith(user.ID(userID)), notificationpreference.KindEQ(kind)).Only(ctx)
	switch {
	case err == nil:
		return p.Delivery, nil
	case !ent.IsNotFound(err):
		return "", err
	}
	rule, _ := domain.RuleOf(kind)
	return rule.Default, nil
}

// queue writes a mail to be sent by the worker, in tx.
func (m *Mailer) queue(ctx context.Context, tx *ent.Client, kind outgoingmail.Kind, u *ent.User, c content) error {
	now := m.Now()
	return tx.OutgoingMail.Create().SetKind(kind).SetToAddress(u.Email).SetLanguage(language(u)).
		SetSubject(truncate(c.Subject, 300)).SetTextBody(c.Text).SetHTMLBody(c.HTML).
		SetMessageID(m.Config.newMessageID()).SetCreatedAt(now).SetNextAttemptAt(now).
		SetRecipientID(u.ID).Exec(ctx)
}

// language is the user's, Italian when unset.
func language(u *ent.User) domain.Language {
	if u.Language == "" {
		return domain.Italian
	}
	return u.Language
}

// truncate cuts s to at most n bytes (the columns' limits are in bytes of
// UTF-8), at a character's boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
