// Package auth signs users in and out and authenticates requests: argon2id
// passwords, sessions kept in the database (so every server copy shares
// them) and API tokens, with sign-in throttling and an audit trail. Its
// writes run as the system, since no viewer exists yet when they happen.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/store"
)

// Limits of sessions.
const (
	IdleTimeout     = 30 * time.Minute
	AbsoluteTimeout = 12 * time.Hour
	// lastSeenEvery limits writes: a session's last use is recorded at
	// most once a minute.
	lastSeenEvery = time.Minute
)

// Errors of sign-in; the message never says whether the e-mail exists.
var (
	ErrBadCredentials = &fault.Invalid{Field: "password", Message: "the e-mail or the password is wrong"}
	ErrInvalidToken   = errors.New("the API token is not valid, has expired or was revoked")
)

// Service is the account service.
type Service struct {
	Client *ent.Client
	Now    func() time.Time
	cache  *Cache // nil: every request reads its credential
	uses   *uses
	// Links sends the mails of password links; nil sends none.
	Links   LinkMailer
	linking links
}

// New returns the service over a client, without a cache.
func New(client *ent.Client) *Service {
	return NewCached(client, nil)
}

// NewCached returns the service over a client, keeping recently used
// credentials in cache.
func NewCached(client *ent.Client, cache *Cache) *Service {
	return &Service{Client: client, Now: time.Now, cache: cache, uses: newUses(client)}
}

// Request describes where a request comes from, for sessions and audit.
type Request struct {
	ClientAddress string
	UserAgent     string
	RequestID     string
}

// newToken returns a random token (256 bits) and the hash that is stored.
func newToken(prefix string) (token, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on Linux
	}
	token = prefix + base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken is what is stored of a token: its SHA-256, in hex.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// subject identifies the target of sign-in attempts without storing the
// e-mail typed, which may belong to nobody.
func subject(email string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(email))))
	return "login_" + hex.EncodeToString(sum[:12])
}

// Login checks an e-mail and password and opens a session, returning the
// session's viewer and its token for the cookie.
func (s *Service) Login(ctx context.Context, email, password string, req Request) (*viewer.Viewer, string, error) {
	ctx = rule.SystemContext(ctx)
	now := s.Now()
	subj := subject(email)
	u, err := s.Client.User.Query().Where(user.Email(strings.ToLower(strings.TrimSpace(email)))).Only(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return nil, "", err
	}
	if err := s.admit(ctx, subj, u, req); err != nil {
		return nil, "", err
	}
	var hash string
	if u != nil && !u.Disabled {
		hash = u.PasswordHash
	}
	matches, err := passwordMatches(password, hash)
	if err != nil {
		return nil, "", err
	}
	if !matches || u == nil || u.Disabled || u.PasswordHash == "" {
		s.audit(ctx, "LOGIN_FAILED", "Login", subj, u, req)
		return nil, "", ErrBadCredentials
	}
	token, tokenHash := newToken("")
	var ses *ent.Session
	err = store.WithTx(ctx, s.Client, func(tx *ent.Client) (err error) {
		ses, err = tx.Session.Create().SetTokenHash(tokenHash).SetUser(u).SetCreatedAt(now).SetLastSeenAt(now).
			SetExpiresAt(now.Add(AbsoluteTimeout)).SetClientAddress(req.ClientAddress).SetUserAgent(truncate(req.UserAgent, 300)).Save(ctx)
		if err != nil {
			return err
		}
		return auditTx(ctx, tx, "LOGIN", "Session", string(ses.ID), u, req)
	})
	if err != nil {
		return nil, "", err
	}
	// The viewer as every later request reads it (grants.go).
	g, err := s.sessionGrants(ctx, tokenHash)
	if err != nil {
		return nil, "", err
	}
	if g == nil {
		return nil, "", &ent.NotFoundError{} // ended in the meantime
	}
	v := g.viewer()
	v.SessionID, v.RequestID, v.ClientAddress = ses.ID, req.RequestID, req.ClientAddress
	return v, token, nil
}

// Authenticate returns the viewer of a session token, or nil when the
// session does not exist or has ended: idle, past its absolute limit, or
// its user disabled. (A change of password deletes the sessions it ends.)
// It reads one statement, or none while the session is in the cache, and
// writes nothing on the request's path (uses).
func (s *Service) Authenticate(ctx context.Context, token string) (*viewer.Viewer, error) {
	ctx = rule.SystemContext(ctx)
	now := s.Now()
	g, err := s.cached(ctx, "s"+HashToken(token), s.sessionGrants)
	if err != nil || g == nil {
		return nil, err
	}
	last := s.uses.last(g.id, g.lastUsed)
	if now.After(g.expiresAt) || last == nil || now.Sub(*last) > IdleTimeout || g.disabled {
		return nil, s.Client.Session.DeleteOneID(g.id).Exec(ctx)
	}
	s.uses.record(g.id, g.lastUsed, use{at: now})
	v := g.viewer()
	v.SessionID = g.id
	return v, nil
}

// AuthenticateToken returns the viewer an API token acts for, recording
// its use (uses); an unknown, expired or revoked token is ErrInvalidToken.
// Like a session, it costs one statement or none.
func (s *Service) AuthenticateToken(ctx context.Context, token string, req Request) (*viewer.Viewer, error) {
	ctx = rule.SystemContext(ctx)
	now := s.Now()
	g, err := s.cached(ctx, "t"+HashToken(token), s.tokenGrants)
	if err != nil {
		return nil, err
	}
	if g == nil || g.revoked || now.After(g.expiresAt) || g.disabled {
		return nil, ErrInvalidToken
	}
	s.uses.record(g.id, g.lastUsed, use{token: true, at: now, user: g.user.UserID, req: req})
	v := g.viewer()
	v.TokenID, v.ReadOnly = g.id, g.readOnly
	return v, nil
}

// cached returns a credential's grants from the cache, or reads them,
// with the hash of its token, and keeps them there. Whether they still
// let the request in is checked on each use, cached or not.
func (s *Service) cached(ctx context.Context, key string, read func(context.Context, string) (*grants, error)) (*grants, error) {
	if g := s.cache.get(key); g != nil {
		return g, nil
	}
	g, err := read(ctx, key[1:])
	if err == nil {
		s.cache.put(key, g)
	}
	return g, err
}

// Flush waits until the uses of sessions and tokens recorded so far are
// written: before the process exits, and in tests.
func (s *Service) Flush() { s.uses.flush() }

// Logout ends a session.
func (s *Service) Logout(ctx context.Context, v *viewer.Viewer, req Request) error {
	return s.EndSession(ctx, v, v.SessionID, req)
}

// EndSession ends one of the viewer's sessions.
func (s *Service) EndSession(ctx context.Context, v *viewer.Viewer, id gid.ID, req Request) error {
	ctx = rule.SystemContext(ctx)
	return store.WithTx(ctx, s.Client, func(tx *ent.Client) error {
		n, err := tx.Session.Delete().Where(session.ID(id), session.HasUserWith(user.ID(v.UserID))).Exec(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return &ent.NotFoundError{}
		}
		return auditTxID(ctx, tx, "LOGOUT", "Session", string(id), v.UserID, req)
	})
}

// CreateToken creates an API token for the viewer; the token is returned
// this once and only its hash is kept.
func (s *Service) CreateToken(ctx context.Context, v *viewer.Viewer, name string, scope apitoken.Scope, expires time.Time, req Request) (*ent.APIToken, string, error) {
	if v.TokenID != "" {
		return nil, "", fault.Invalidf("token", "an API token cannot create other tokens: sign in")
	}
	now := s.Now()
	if !expires.After(now) {
		return nil, "", fault.Invalidf("expiresAt", "must be in the future")
	}
	if expires.After(now.AddDate(1, 0, 0)) {
		return nil, "", fault.Invalidf("expiresAt", "must be within a year")
	}
	ctx = rule.SystemContext(ctx)
	token, hash := newToken("win_")
	var t *ent.APIToken
	err := store.WithTx(ctx, s.Client, func(tx *ent.Client) (err error) {
		t, err = tx.APIToken.Create().SetName(name).SetTokenHash(hash).SetScope(scope).SetCreatedAt(now).
			SetExpiresAt(expires).SetUserID(v.UserID).Save(ctx)
		if err != nil {
			return err
		}
		return auditTxID(ctx, tx, "TOKEN_CREATED", "ApiToken", string(t.ID), v.UserID, req)
	})
	if err != nil {
		return nil, "", err
	}
	// The answer's edges are read after the commit.
	return t.Unwrap(), token, nil
}

// RevokeToken revokes one of the viewer's tokens.
func (s *Service) RevokeToken(ctx context.Context, v *viewer.Viewer, id gid.ID, req Request) (*ent.APIToken, error) {
	ctx = rule.SystemContext(ctx)
	var t *ent.APIToken
	err := store.WithTx(ctx, s.Client, func(tx *ent.Client) (err error) {
		t, err = tx.APIToken.Query().Where(apitoken.ID(id), apitoken.HasUserWith(user.ID(v.UserID))).Only(ctx)
		if err != nil {
			return err
		}
		if t.RevokedAt == nil {
			if t, err = t.Update().SetRevokedAt(s.Now()).Save(ctx); err != nil {
				return err
			}
		}
		return auditTxID(ctx, tx, "TOKEN_REVOKED", "ApiToken", string(t.ID), v.UserID, req)
	})
	if err != nil {
		return nil, err
	}
	return t.Unwrap(), nil
}

// SetPassword sets a user's password after checking it, ending all their
// sessions.
func (s *Service) SetPassword(ctx context.Context, userID gid.ID, password string) error {
	ctx = rule.SystemContext(ctx)
	return store.WithTx(ctx, s.Client, func(tx *ent.Client) error {
		_, err := s.setPassword(ctx, tx, userID, "password", password, "", false)
		return err
	})
}

// passwordChange is what a change of password ended, for the audit log.
type passwordChange struct {
	SessionsEnded int `json:"sessionsEnded"`
	TokensRevoked int `json:"tokensRevoked"`
}

// setPassword checks and sets a password in tx, ending the user's sessions
// but keep, and revoking their tokens if asked; field names the password
// in errors.
func (s *Service) setPassword(ctx context.Context, tx *ent.Client, userID gid.ID, field, password string, keep gid.ID, revokeTokens bool) (passwordChange, error) {
	var done passwordChange
	u, err := tx.User.Get(ctx, userID)
	if err != nil {
		return done, err
	}
	if err := CheckPassword(field, password, Account{Email: u.Email, Name: u.Name}); err != nil {
		return done, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return done, err
	}
	if err := tx.User.UpdateOneID(userID).SetPasswordHash(hash).SetPasswordChangedAt(s.Now()).Exec(ctx); err != nil {
		return done, err
	}
	if done.SessionsEnded, err = tx.Session.Delete().Where(session.HasUserWith(user.ID(userID)), session.IDNEQ(keep)).Exec(ctx); err != nil {
		return done, err
	}
	if revokeTokens {
		done.TokensRevoked, err = tx.APIToken.Update().Where(apitoken.HasUserWith(user.ID(userID)), apitoken.RevokedAtIsNil()).
			SetRevokedAt(s.Now()).Save(ctx)
	}
	return done, err
}

// AdminSetPassword lets an administrator set a user's password.
func (s *Service) AdminSetPassword(ctx context.Context, v *viewer.Viewer, userID gid.ID, password string, req Request) error {
	switch {
	case v == nil:
		return fault.ErrUnauthenticated
	case !v.Has(domain.RoleAdmin):
		return privacy.Denyf("only administrators set other users' passwords")
	}
	ctx = rule.SystemContext(ctx)
	return store.WithTx(ctx, s.Client, func(tx *ent.Client) error {
		done, err := s.setPassword(ctx, tx, userID, "password", password, "", false)
		if err != nil {
			return err
		}
		return auditChange(ctx, tx, "PASSWORD_SET", "User", string(userID), v.UserID, req, done)
	})
}

// ChangePassword changes the viewer's password, given the current one:
// the viewer's other sessions end, and their tokens are revoked if asked.
func (s *Service) ChangePassword(ctx context.Context, v *viewer.Viewer, current, next string, revokeTokens bool, req Request) error {
	ctx = rule.SystemContext(ctx)
	u, err := s.Client.User.Get(ctx, v.UserID)
	if err != nil {
		return err
	}
	matches, err := passwordMatches(current, u.PasswordHash)
	if err != nil {
		return err
	}
	if !matches {
		return &fault.Invalid{Field: "currentPassword", Message: "the current password is wrong"}
	}
	return store.WithTx(ctx, s.Client, func(tx *ent.Client) error {
		done, err := s.setPassword(ctx, tx, v.UserID, "newPassword", next, v.SessionID, revokeTokens)
		if err != nil {
			return err
		}
		return auditChange(ctx, tx, "PASSWORD_CHANGED", "User", string(v.UserID), v.UserID, req, done)
	})
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
