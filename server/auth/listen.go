package auth

import (
	"context"
	"log/slog"

	"github.com/progetto-win/win/server/store"
)

// Listen hears the changes of viewers that other processes commit to the
// PostgreSQL database db, whose URL is url — sessions ended, tokens
// revoked, users' roles or tables changed (migration viewer_grants) — and
// trusts the cache only while it can. It returns when ctx ends.
func (c *Cache) Listen(ctx context.Context, db *store.DB, url string, logger *slog.Logger) error {
	return c.heard.Listen(ctx, db, url, store.Hearing{
		Channel:   "viewer_grants_channel",
		What:      "viewers",
		Meanwhile: "every request reads its session or token",
	}, logger)
}
