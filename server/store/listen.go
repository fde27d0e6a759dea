package store

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/lib/pq"
)

// Hearing is what a process hears of the changes other processes commit
// to a PostgreSQL database, for a cache that must not outlive them.
type Hearing struct {
	// Channel is the SQL function that names the channel the database's
	// triggers notify: one per schema, so that installations sharing a
	// server do not disturb each other.
	Channel string
	// What changes, and what the process does while it cannot hear, for
	// the log.
	What, Meanwhile string
	// Heard is told of each notification, and of each reconnection
	// (what was notified meanwhile is lost).
	Heard func()
	// Trust is told whether the process hears: from the moment it
	// listens, and not while its connection is lost.
	Trust func(bool)
}

// Listen hears the changes h is about on the database db, whose URL is
// url, until ctx ends.
func (db *DB) Listen(ctx context.Context, url string, h Hearing, logger *slog.Logger) error {
	h.Trust(false)
	var channel string
	if err := db.SQL.QueryRowContext(ctx, `SELECT "`+h.Channel+`"()`).Scan(&channel); err != nil {
		return err
	}
	var listening atomic.Bool
	l := pq.NewListener(PostgresDSN(url), time.Second, 30*time.Second, func(event pq.ListenerEventType, err error) {
		switch event {
		case pq.ListenerEventReconnected: // pq listens again before telling
			logger.Info("hearing changes of "+h.What+" again", "channel", channel)
			h.Trust(listening.Load())
		case pq.ListenerEventDisconnected, pq.ListenerEventConnectionAttemptFailed:
			logger.Warn("not hearing changes of "+h.What+": "+h.Meanwhile, "event", event.String(), "error", err)
			h.Trust(false)
		}
	})
	defer func() { _ = l.Close() }()
	if err := l.Listen(channel); err != nil {
		return err
	}
	listening.Store(true)
	h.Trust(true)
	defer h.Trust(false)
	// A ping now and then finds a connection that died silently; one at
	// a time, however long a ping waits.
	ping := time.NewTicker(30 * time.Second)
	defer ping.Stop()
	var pinging atomic.Bool
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-l.Notify: // nil after a reconnection: forget all the same
			h.Heard()
		case <-ping.C:
			if pinging.CompareAndSwap(false, true) {
				go func() {
					defer pinging.Store(false)
					_ = l.Ping()
				}()
			}
		}
	}
}
