package auth

import (
	"context"

	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/user"
)

// StillSignedIn reports whether the session or API token a viewer came
// with still lets it in: a live update (an open subscription) asks it at
// each event and now and then, and ends when it no longer does. Unlike
// Authenticate it records no use: an open page listening for updates is
// not a person at work, so it does not keep an idle session alive.
func (s *Service) StillSignedIn(ctx context.Context, v *viewer.Viewer) (bool, error) {
	ctx = rule.SystemContext(ctx)
	now := s.Now()
	switch {
	case v == nil:
		return false, nil
	case v.SessionID != "":
		ses, err := s.Client.Session.Query().
			Where(session.ID(v.SessionID), session.ExpiresAtGT(now), session.HasUserWith(user.Disabled(false))).
			Only(ctx)
		if err != nil {
			if ent.IsNotFound(err) {
				return false, nil
			}
			return false, err
		}
		last := s.uses.last(ses.ID, &ses.LastSeenAt)
		return last != nil && now.Sub(*last) <= IdleTimeout, nil
	case v.TokenID != "":
		return s.Client.APIToken.Query().
			Where(apitoken.ID(v.TokenID), apitoken.ExpiresAtGT(now), apitoken.RevokedAtIsNil(), apitoken.HasUserWith(user.Disabled(false))).
			Exist(ctx)
	}
	return false, nil
}
