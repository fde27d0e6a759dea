package auth

import (
	"context"
	"time"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/schema/rule"
)

// TokenViewer returns the viewer an API token acts for, found by the
// token's ID, as a request carrying the token would get it: for work WIN
// does for a token outside a request (a webhook's deliveries). It
// returns nil, and no error, when the token is unknown, revoked or
// expired at now, or its user is disabled. It reads the database each
// time (one statement): a revocation counts at once.
func TokenViewer(ctx context.Context, client *ent.Client, id gid.ID, now time.Time) (*viewer.Viewer, error) {
	var rows []grantRow
	err := client.APIToken.Query().Where(apitoken.ID(id)).
		Modify(withUser(apitoken.UserColumn, apitoken.FieldLastUsedAt, apitoken.FieldRevokedAt, apitoken.FieldScope)).
		Scan(rule.SystemContext(ctx), &rows)
	if err != nil {
		return nil, err
	}
	g := grantsOf(rows, revision{})
	if g == nil || g.revoked || now.After(g.expiresAt) || g.disabled {
		return nil, nil
	}
	v := g.viewer()
	v.TokenID, v.ReadOnly = g.id, g.readOnly
	return v, nil
}
