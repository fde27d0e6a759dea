package auth

import (
	"context"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/user"
)

// Sign-in throttling, as OWASP's Authentication Cheat Sheet and NIST
// 800-63B §5.2.2 advise: limits per account and address, so that failures
// from one place cannot lock the user out from another, with waits that
// grow rather than a lockout; and a looser limit per account, against
// guessing spread over many addresses, that still lets each address try
// once. Every attempt is recorded (committed) before it is judged, and
// counted with the others, so parallel attempts cannot all slip under a
// limit. A successful sign-in starts the counts again.
const (
	pairFree                          = 5              // attempts of one address on an account before waits
	pairFirstWait                     = time.Minute    // the first wait, doubling at each further attempt
	pairMaxWait                       = time.Hour      // up to this
	pairMemory                        = 24 * time.Hour // attempts older than this are forgotten
	accountLimit                      = 50             // attempts on an account from every address…
	accountWindow                     = time.Hour      // …in this window, past which only an address's first passes
	attemptAction  domain.AuditAction = "LOGIN_ATTEMPT"
	throttleAction domain.AuditAction = "LOGIN_THROTTLED"
)

// pairWait is how long after the previous attempt the nth attempt of an
// address on an account must come.
func pairWait(n int) time.Duration {
	if n <= pairFree {
		return 0
	}
	wait := pairFirstWait
	for i := pairFree + 1; i < n && wait < pairMaxWait; i++ {
		wait *= 2
	}
	return min(wait, pairMaxWait)
}

// ThrottledReason is the reason extension of a throttled sign-in, so that
// a client tells "wait" from "wrong password" without reading the English
// message; retryAfterSeconds (a whole number) says how long to wait. Both
// depend only on the attempts on the e-mail, never on whether an account
// has it, so they reveal no more than the message always did.
const ThrottledReason = "TOO_MANY_ATTEMPTS"

// throttled refuses a sign-in, saying how long to wait.
func throttled(wait time.Duration) error {
	err := fault.Invalidf("password", "too many attempts to sign in to this account from your address: wait %d minutes and try again",
		int((wait+time.Minute-1)/time.Minute))
	err.Details = map[string]any{"reason": ThrottledReason, "retryAfterSeconds": int((wait + time.Second - 1) / time.Second)}
	return err
}

// admit records a sign-in attempt on subj (the e-mail's hash) by u, who
// may be nil, and says whether it may go on to the password check.
func (s *Service) admit(ctx context.Context, subj string, u *ent.User, req Request) error {
	now := s.Now()
	err := s.Client.AuditEvent.Create().SetAction(string(attemptAction)).SetEntityType("Login").SetEntityID(subj).
		SetOccurredAt(now).SetRequestID(req.RequestID).SetClientAddress(req.ClientAddress).Exec(ctx)
	if err != nil {
		return err
	}
	attempts := func(since time.Time, fromHere bool) *ent.AuditEventQuery {
		q := s.Client.AuditEvent.Query().Where(auditevent.Action(string(attemptAction)), auditevent.EntityID(subj), auditevent.OccurredAtGT(since))
		if fromHere {
			q.Where(auditevent.ClientAddress(req.ClientAddress))
		}
		return q
	}

	pairSince, err := s.lastSignIn(ctx, u, req.ClientAddress, now.Add(-pairMemory))
	if err != nil {
		return err
	}
	n, err := attempts(pairSince, true).Count(ctx)
	if err != nil {
		return err
	}
	if wait := pairWait(n); wait > 0 {
		// The attempt passes only if no other came within the wait; this
		// one is among those counted.
		recent, err := attempts(maxTime(pairSince, now.Add(-wait)), true).Count(ctx)
		if err != nil {
			return err
		}
		if recent > 1 {
			return s.refuse(ctx, subj, req, pairWait(n+1))
		}
	}

	if n > 1 {
		accountSince, err := s.lastSignIn(ctx, u, "", now.Add(-accountWindow))
		if err != nil {
			return err
		}
		total, err := attempts(accountSince, false).Count(ctx)
		if err != nil {
			return err
		}
		if total > accountLimit {
			return s.refuse(ctx, subj, req, accountWindow)
		}
	}
	return nil
}

// lastSignIn returns the later of since and the user's last successful
// sign-in (from address, unless empty), when the counts start again.
func (s *Service) lastSignIn(ctx context.Context, u *ent.User, address string, since time.Time) (time.Time, error) {
	if u == nil {
		return since, nil
	}
	q := s.Client.AuditEvent.Query().Where(auditevent.Action("LOGIN"), auditevent.HasActorWith(user.ID(u.ID)), auditevent.OccurredAtGT(since))
	if address != "" {
		q.Where(auditevent.ClientAddress(address))
	}
	last, err := q.Order(ent.Desc(auditevent.FieldOccurredAt)).First(ctx)
	switch {
	case ent.IsNotFound(err):
		return since, nil
	case err != nil:
		return since, err
	}
	return last.OccurredAt, nil
}

func (s *Service) refuse(ctx context.Context, subj string, req Request, wait time.Duration) error {
	s.audit(ctx, throttleAction, "Login", subj, nil, req)
	return throttled(wait)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
