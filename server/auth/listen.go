package auth

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/lib/pq"

	"github.com/progetto-win/win/server/store"
)

// Listen hears the changes of viewers that other processes commit to the
// PostgreSQL database db, whose URL is url, and trusts the cache only while it can:
// from the moment it listens, and not while its connection is lost (what
// was notified meanwhile is lost, so the cache starts afresh). It returns
// when ctx ends.
func (c *Cache) Listen(ctx context.Context, db *store.DB, url string, logger *slog.Logger) error {
	c.Trust(false)
	// The channel the viewer_grants triggers notify (migration
	// viewer_grants) when a session ends, a token is revoked, or a user's
	// roles or tables change: one per schema.
	var channel string
	if err := db.SQL.QueryRowContext(ctx, `SELECT "viewer_grants_channel"()`).Scan(&channel); err != nil {
		return err
	}
	var listening atomic.Bool
	l := pq.NewListener(store.PostgresDSN(url), time.Second, 30*time.Second, func(event pq.ListenerEventType, err error) {
		switch event {
		case pq.ListenerEventReconnected: // pq listens again before telling
			logger.Info("hearing changes of viewers again")
			c.Trust(listening.Load())
		case pq.ListenerEventDisconnected, pq.ListenerEventConnectionAttemptFailed:
			logger.Warn("not hearing changes of viewers: every request reads its session or token", "event", event.String(), "error", err)
			c.Trust(false)
		}
	})
	defer func() { _ = l.Close() }()
	if err := l.Listen(channel); err != nil {
		return err
	}
	listening.Store(true)
	c.Trust(true)
	defer c.Trust(false)
	// A ping now and then finds a connection that died silently.
	ping := time.NewTicker(30 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-l.Notify: // nil after a reconnection: forget all the same
			c.heard.Add(1)
		case <-ping.C:
			go func() { _ = l.Ping() }()
		}
	}
}
