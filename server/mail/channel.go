package mail

import (
	"context"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/notification"
	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/outbox"
)

// Channel is e-mail as a channel of the outbox: it queues a mail for each
// notification whose recipient hears of its kind by e-mail at once.
type Channel struct{ m *Mailer }

var _ outbox.Channel = Channel{}

// Channel returns the mailer's outbox channel.
func (m *Mailer) Channel() Channel { return Channel{m} }

// Fanout queues, in the dispatcher's transaction, the mails of an event's
// notifications, and marks them e-mailed. The sender is woken when that
// transaction commits (if the dispatcher runs it through an ent.Tx in
// ctx), else by Kick or its next poll.
func (c Channel) Fanout(ctx context.Context, tx *ent.Client, _ *ent.OutboxEvent, notes []*ent.Notification) error {
	ctx = rule.SystemContext(ctx)
	queued := false
	for _, n := range notes {
		u, err := tx.Notification.QueryRecipient(n).Only(ctx)
		if err != nil {
			return err
		}
		if u.Disabled {
			continue
		}
		d, err := Delivery(ctx, tx, u.ID, n.Kind)
		if err != nil {
			return err
		}
		if d != domain.DeliverEmail {
			continue
		}
		l, err := c.m.line(ctx, tx, n, language(u))
		if err != nil {
			return err
		}
		content, err := compose(language(u), l.subject, "", []line{l.line})
		if err != nil {
			return err
		}
		if err := c.m.queue(ctx, tx, outgoingmail.KindNOTIFICATION, u, content); err != nil {
			return err
		}
		if err := tx.Notification.UpdateOneID(n.ID).SetEmailedAt(c.m.Now()).Exec(ctx); err != nil {
			return err
		}
		queued = true
	}
	if t := ent.TxFromContext(ctx); queued && t != nil {
		t.OnCommit(func(next ent.Committer) ent.Committer {
			return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
				err := next.Commit(ctx, tx)
				if err == nil {
					c.m.Kick()
				}
				return err
			})
		})
	}
	return nil
}

// noteLine is a notification as a mail tells it.
type noteLine struct {
	subject string
	line    line
}

// line renders a notification in lang: what its links name (tables, the
// directive's title), read as the system in tx, and the link to open.
func (m *Mailer) line(ctx context.Context, tx *ent.Client, n *ent.Notification, lang domain.Language) (noteLine, error) {
	n, err := tx.Notification.Query().Where(notification.ID(n.ID)).
		WithTable().WithOtherTable().WithDirective().WithCase(func(q *ent.CaseFileQuery) { q.Select("id") }).Only(ctx)
	if err != nil {
		return noteLine{}, err
	}
	f := facts{Case: n.CaseCode, Day: day(lang, n.Day)}
	if t := n.Edges.Table; t != nil {
		f.Table = t.Name
	}
	if t := n.Edges.OtherTable; t != nil {
		f.OtherTable = t.Name
	}
	if d := n.Edges.Directive; d != nil {
		f.Directive = d.Title
	}
	link := m.Config.link(notificationsRoute)
	switch {
	case n.Edges.Case != nil:
		link = m.Config.link(casesRoute + string(n.Edges.Case.ID))
	case n.Edges.Table != nil && n.Kind == domain.EventDirectiveIssued:
		link = m.Config.link(tablesRoute + string(n.Edges.Table.ID))
	}
	subject, err := say(lang, string(n.Kind)+".subject", f)
	if err != nil {
		return noteLine{}, err
	}
	text, err := say(lang, string(n.Kind), f)
	if err != nil {
		return noteLine{}, err
	}
	return noteLine{subject: subject, line: line{Text: text, Link: link}}, nil
}
