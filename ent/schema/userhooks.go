package schema

import (
	"context"
	"time"

	"entgo.io/ent"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	gen "github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/audit"
	"github.com/progetto-win/win/ent/hook"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/user"
)

// endAccessOnDisable ends a disabled user's sessions and revokes their API
// tokens for good, in the transaction that disables them: checking the
// flag at each request alone would bring both back on re-enabling.
var endAccessOnDisable = hook.On(func(next ent.Mutator) ent.Mutator {
	return hook.UserFunc(func(ctx context.Context, m *gen.UserMutation) (ent.Value, error) {
		disabled, ok := m.Disabled()
		if !ok || !disabled {
			return next.Mutate(ctx, m)
		}
		ids, err := m.IDs(rule.SystemContext(ctx))
		if err != nil {
			return nil, err
		}
		value, err := next.Mutate(ctx, m)
		if err != nil {
			return nil, err
		}
		return value, endAccess(ctx, m.Client(), ids)
	})
}, ent.OpUpdate|ent.OpUpdateOne)

// endAccess deletes the users' sessions and revokes their live tokens,
// recording each revocation for the viewer who asked.
func endAccess(ctx context.Context, c *gen.Client, users []gid.ID) error {
	sys := rule.SystemContext(ctx)
	if _, err := c.Session.Delete().Where(session.HasUserWith(user.IDIn(users...))).Exec(sys); err != nil {
		return err
	}
	live := c.APIToken.Query().Where(apitoken.HasUserWith(user.IDIn(users...)), apitoken.RevokedAtIsNil())
	tokens, err := live.IDs(sys)
	if err != nil || len(tokens) == 0 {
		return err
	}
	if err := c.APIToken.Update().Where(apitoken.IDIn(tokens...)).SetRevokedAt(time.Now()).Exec(sys); err != nil {
		return err
	}
	if v := viewer.FromContext(ctx); v != nil {
		return audit.Record(ctx, c, v, "TOKEN_REVOKED", "ApiToken", tokens)
	}
	return nil
}
