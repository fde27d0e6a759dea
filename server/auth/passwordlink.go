package auth

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/passwordtoken"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/store"
)

// Password links: a reset for a user who forgot the password, an
// invitation for a new user. The token (256 bits) is only in the link of
// the e-mail; the database keeps its SHA-256. A link works once, until
// it expires, and a new one voids the user's others.
const (
	ResetValidity      = 30 * time.Minute
	InvitationValidity = 7 * 24 * time.Hour
	// linkTimeout bounds the work of sending a link, off the request.
	linkTimeout = 2 * time.Minute
)

// LinkMailer writes and sends the mail of a password link (server/mail):
// it writes its record in tx and returns what sends it after the commit.
type LinkMailer interface {
	PasswordLink(ctx context.Context, tx *ent.Client, u *ent.User, invitation bool, token string) (send func(context.Context), err error)
}

// ErrBadLinkToken refuses a link that does not exist, has expired or was
// used: one message for all, since the holder can only ask for another.
var ErrBadLinkToken = &fault.Invalid{Field: "token", Message: "the link is not valid: it has expired or was already used; ask for a new one"}

// links are the sends running off the requests' path.
type links struct{ wg sync.WaitGroup }

// WaitLinks waits until the password links asked so far are written and
// sent (tests; and before the process exits).
func (s *Service) WaitLinks() { s.linking.wg.Wait() }

// background runs fn off the request, bounded in time, detached from the
// request's end.
func (s *Service) background(ctx context.Context, what string, fn func(context.Context) error) {
	s.linking.wg.Add(1)
	go func() {
		defer s.linking.wg.Done()
		// Its statements are its own, not counted in the request's (whose
		// cost must not depend on the account, passwordlink_test.go).
		ctx, _ = store.CountStatements(context.WithoutCancel(ctx))
		ctx, cancel := context.WithTimeout(ctx, linkTimeout)
		defer cancel()
		if err := fn(ctx); err != nil {
			slog.ErrorContext(ctx, what, "error", err)
		}
	}()
}

// RequestPasswordReset asks for a reset link for the account of email. It
// answers the same, in the same time, whether or not the account exists
// or is enabled: the request is throttled and audited by the e-mail's
// hash, as sign-ins are (sharing their counts), and the account is looked
// up and the mail sent off the request's path.
func (s *Service) RequestPasswordReset(ctx context.Context, email string, req Request) error {
	if e := strings.TrimSpace(email); e == "" || len(e) > 254 || !strings.Contains(e, "@") {
		return fault.Invalidf("email", "type the e-mail address of your account")
	}
	ctx = rule.SystemContext(ctx)
	subj := subject(email)
	if err := s.admit(ctx, subj, nil, req); err != nil {
		return resetThrottled(err)
	}
	s.audit(ctx, "PASSWORD_RESET_REQUESTED", "Login", subj, nil, req)
	s.background(ctx, "sending a password reset", func(ctx context.Context) error {
		u, err := s.Client.User.Query().Where(user.Email(strings.ToLower(strings.TrimSpace(email)))).Only(ctx)
		switch {
		case ent.IsNotFound(err):
			return nil
		case err != nil:
			return err
		case u.Disabled:
			return nil
		}
		var send func(context.Context)
		err = store.WithTx(ctx, s.Client, func(tx *ent.Client) (err error) {
			send, err = s.issue(ctx, tx, u, passwordtoken.PurposeRESET)
			return err
		})
		if err == nil && send != nil {
			send(ctx)
		}
		return err
	})
	return nil
}

// resetThrottled words a throttled request for a reset on its field.
func resetThrottled(err error) error {
	var inv *fault.Invalid
	if !errors.As(err, &inv) || inv.Details["reason"] != ThrottledReason {
		return err
	}
	return &fault.Invalid{Field: "email", Message: "too many requests for this account from your address: wait and try again", Details: inv.Details}
}

// issue writes a new link for u in tx, voiding u's other links, and
// returns what sends its mail once tx commits (nil without a mailer).
func (s *Service) issue(ctx context.Context, tx *ent.Client, u *ent.User, purpose passwordtoken.Purpose) (func(context.Context), error) {
	now := s.Now()
	validity := ResetValidity
	if purpose == passwordtoken.PurposeINVITATION {
		validity = InvitationValidity
	}
	if _, err := tx.PasswordToken.Delete().Where(passwordtoken.HasUserWith(user.ID(u.ID)), passwordtoken.UsedAtIsNil()).Exec(ctx); err != nil {
		return nil, err
	}
	token, hash := newToken("")
	if err := tx.PasswordToken.Create().SetTokenHash(hash).SetPurpose(purpose).SetCreatedAt(now).
		SetExpiresAt(now.Add(validity)).SetUserID(u.ID).Exec(ctx); err != nil {
		return nil, err
	}
	if s.Links == nil {
		return nil, nil
	}
	return s.Links.PasswordLink(ctx, tx, u, purpose == passwordtoken.PurposeINVITATION, token)
}

// InviteNew sends an invitation to a user just created in the mutation's
// transaction (ctx's); the mail leaves when that transaction commits.
func (s *Service) InviteNew(ctx context.Context, u *ent.User, req Request) error {
	v := viewer.FromContext(ctx)
	if v == nil || !v.Has(domain.RoleAdmin) {
		return privacy.Denyf("only administrators invite users")
	}
	tx := ent.TxFromContext(ctx)
	if tx == nil {
		return errors.New("auth: InviteNew outside a transaction")
	}
	sctx := rule.SystemContext(ctx)
	send, err := s.issue(sctx, tx.Client(), u, passwordtoken.PurposeINVITATION)
	if err != nil {
		return err
	}
	if err := auditTxID(sctx, tx.Client(), "USER_INVITED", "User", string(u.ID), v.UserID, req); err != nil {
		return err
	}
	if send != nil {
		tx.OnCommit(func(next ent.Committer) ent.Committer {
			return ent.CommitFunc(func(cctx context.Context, t *ent.Tx) error {
				err := next.Commit(cctx, t)
				if err == nil {
					s.background(ctx, "sending an invitation", func(ctx context.Context) error { send(ctx); return nil })
				}
				return err
			})
		})
	}
	return nil
}

// Invite sends a user a new invitation (administrators only), voiding
// their other links.
func (s *Service) Invite(ctx context.Context, v *viewer.Viewer, id gid.ID, req Request) error {
	switch {
	case v == nil:
		return fault.ErrUnauthenticated
	case !v.Has(domain.RoleAdmin):
		return privacy.Denyf("only administrators invite users")
	}
	ctx = rule.SystemContext(ctx)
	var send func(context.Context)
	err := store.WithTx(ctx, s.Client, func(tx *ent.Client) error {
		u, err := tx.User.Get(ctx, id)
		if err != nil {
			return err
		}
		if u.Disabled {
			return fault.Invalidf("id", "the account is disabled: enable it before inviting its user")
		}
		if send, err = s.issue(ctx, tx, u, passwordtoken.PurposeINVITATION); err != nil {
			return err
		}
		return auditTxID(ctx, tx, "USER_INVITED", "User", string(u.ID), v.UserID, req)
	})
	if err == nil && send != nil {
		s.background(ctx, "sending an invitation", func(ctx context.Context) error { send(ctx); return nil })
	}
	return err
}

// ResetPassword sets the password of a link's user: the password rules
// apply (errors on field password), the link is used up, the user's other
// links are voided, and all their sessions end.
func (s *Service) ResetPassword(ctx context.Context, token, password string, req Request) error {
	ctx = rule.SystemContext(ctx)
	now := s.Now()
	return store.WithTx(ctx, s.Client, func(tx *ent.Client) error {
		t, err := tx.PasswordToken.Query().Where(passwordtoken.TokenHash(HashToken(token)), passwordtoken.UsedAtIsNil(),
			passwordtoken.ExpiresAtGT(now)).WithUser().Only(ctx)
		switch {
		case ent.IsNotFound(err):
			return ErrBadLinkToken
		case err != nil:
			return err
		case t.Edges.User.Disabled:
			return ErrBadLinkToken
		}
		// Used up first: of two uses at once, the second finds it used.
		n, err := tx.PasswordToken.Update().Where(passwordtoken.ID(t.ID), passwordtoken.UsedAtIsNil()).SetUsedAt(now).Save(ctx)
		if err != nil {
			return err
		}
		if n != 1 {
			return ErrBadLinkToken
		}
		uid := t.Edges.User.ID
		done, err := s.setPassword(ctx, tx, uid, "password", password, "", false)
		if err != nil {
			return err
		}
		if _, err := tx.PasswordToken.Delete().Where(passwordtoken.HasUserWith(user.ID(uid)), passwordtoken.UsedAtIsNil()).Exec(ctx); err != nil {
			return err
		}
		return auditChange(ctx, tx, "PASSWORD_RESET", "User", string(uid), uid, req, done)
	})
}
