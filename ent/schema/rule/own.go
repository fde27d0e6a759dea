package rule

import (
	"context"

	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/user"
)

// OwnSessions narrows session queries to the viewer's own.
func OwnSessions() privacy.QueryRule {
	return privacy.SessionQueryRuleFunc(func(ctx context.Context, q *ent.SessionQuery) error {
		q.Where(session.HasUserWith(user.ID(viewer.FromContext(ctx).UserID)))
		return privacy.Skip
	})
}

// OwnAPITokens narrows API-token queries to the viewer's own.
func OwnAPITokens() privacy.QueryRule {
	return privacy.APITokenQueryRuleFunc(func(ctx context.Context, q *ent.APITokenQuery) error {
		q.Where(apitoken.HasUserWith(user.ID(viewer.FromContext(ctx).UserID)))
		return privacy.Skip
	})
}
