package store

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/lib/pq"
)

// Heard is what a cache kept in one process knows of the changes other
// processes commit to the database: whether it hears of them (trusted),
// and how many it heard. An entry is current while Count is the one read
// before it; trust turning also empties the cache.
type Heard struct {
	trusted atomic.Bool
	count   atomic.Uint64
	forget  func()
}

// NewHeard returns what a cache has heard: nothing yet, trusted or not
// until Trust says otherwise; forget empties the cache.
func NewHeard(trusted bool, forget func()) *Heard {
	h := &Heard{forget: forget}
	h.trusted.Store(trusted)
	return h
}

// Trusted reports whether the cache may be used.
func (h *Heard) Trusted() bool { return h.trusted.Load() }

// Count is the number of changes heard, and of times trust turned.
func (h *Heard) Count() uint64 { return h.count.Load() }

// Trust turns the cache on or off; either way it forgets what it holds.
func (h *Heard) Trust(on bool) {
	h.trusted.Store(on)
	h.count.Add(1)
	h.forget()
}

// Hearing names what a cache hears of: the changes other processes
// commit to a PostgreSQL database.
type Hearing struct {
	// Channel is the SQL function that names the channel the database's
	// triggers notify: one per schema, so that installations sharing a
	// server do not disturb each other.
	Channel string
	// What changes, and what the process does while it cannot hear, for
	// the log.
	What, Meanwhile string
}

// Listen hears the changes about names on the database db, whose URL is
// url, until ctx ends, and trusts the cache only while it can: from the
// moment it listens, and not while its connection is lost (what was
// notified meanwhile is lost, so the cache starts afresh).
func (h *Heard) Listen(ctx context.Context, db *DB, url string, about Hearing, logger *slog.Logger) error {
	h.Trust(false)
	var channel string
	if err := db.SQL.QueryRowContext(ctx, `SELECT "`+about.Channel+`"()`).Scan(&channel); err != nil {
		return err
	}
	var listening atomic.Bool
	l := pq.NewListener(PostgresDSN(url), time.Second, 30*time.Second, func(event pq.ListenerEventType, err error) {
		switch event {
		case pq.ListenerEventReconnected: // pq listens again before telling
			logger.Info("hearing changes of "+about.What+" again", "channel", channel)
			h.Trust(listening.Load())
		case pq.ListenerEventDisconnected, pq.ListenerEventConnectionAttemptFailed:
			logger.Warn("not hearing changes of "+about.What+": "+about.Meanwhile, "event", event.String(), "error", err)
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
			h.count.Add(1)
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
