package mail

import (
	"context"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/schema/rule"
)

// PasswordLink writes, in tx, the outgoing-mail row of an invitation or a
// password reset with its link left out, and returns the function that
// sends the real mail, link included, to call once tx commits. The link
// (the token) is never stored: if sending fails the row says FAILED and
// the user asks again (or an administrator invites again); without SMTP
// the whole mail goes to the log only.
func (m *Mailer) PasswordLink(ctx context.Context, tx *ent.Client, u *ent.User, invitation bool, token string) (func(context.Context), error) {
	ctx = rule.SystemContext(ctx)
	kind, name := outgoingmail.KindPASSWORD_RESET, "reset"
	if invitation {
		kind, name = outgoingmail.KindINVITATION, "invitation"
	}
	lang := language(u)
	subject, err := say(lang, name+".subject", nil)
	if err != nil {
		return nil, err
	}
	intro, err := say(lang, name+".intro", nil)
	if err != nil {
		return nil, err
	}
	withLink, err := compose(lang, subject, intro, []line{{Link: m.Config.link(resetRoute + token)}})
	if err != nil {
		return nil, err
	}
	kept, err := compose(lang, subject, intro, []line{{}})
	if err != nil {
		return nil, err
	}
	now := m.Now()
	row, err := tx.OutgoingMail.Create().SetKind(kind).SetToAddress(u.Email).SetLanguage(lang).
		SetSubject(subject).SetTextBody(kept.Text).SetHTMLBody(kept.HTML).
		SetMessageID(m.Config.newMessageID()).SetCreatedAt(now).SetRecipientID(u.ID).Save(ctx)
	if err != nil {
		return nil, err
	}
	e := envelope{To: u.Email, Subject: subject, Text: withLink.Text, HTML: withLink.HTML, MessageID: row.MessageID, Date: now}
	return func(ctx context.Context) {
		ctx = rule.SystemContext(ctx)
		err := m.deliver(ctx, e)
		up := m.Client.OutgoingMail.UpdateOneID(row.ID).SetAttempts(1)
		switch {
		case err != nil:
			m.Logger.Error("mail: sending a password link", "mail", row.ID, "error", err)
			up.SetState(outgoingmail.StateFAILED).SetLastError(truncate(err.Error(), 300))
		case m.Config.SMTP == nil:
			up.SetState(outgoingmail.StateLOGGED).SetSentAt(m.Now())
		default:
			up.SetState(outgoingmail.StateSENT).SetSentAt(m.Now())
		}
		if err := up.Exec(ctx); err != nil {
			m.Logger.Error("mail: recording a password link's mail", "mail", row.ID, "error", err)
		}
	}, nil
}
