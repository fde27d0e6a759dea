package outbox

import (
	"context"
	"encoding/json"
	"time"

	"github.com/lib/pq"

	"github.com/progetto-win/win/server/store"
)

// Listen hears, on PostgreSQL, the outbox's channel until ctx ends: an
// empty notification is an event written by any process (the trigger of
// migration outbox_wake), which wakes the dispatcher; one with a payload
// is an event some process dispatched, for this process's live
// subscribers. url is the database's.
func (d *Dispatcher) Listen(ctx context.Context, url string) error {
	var channel string
	if err := d.DB.SQL.QueryRowContext(ctx, `SELECT "outbox_channel"()`).Scan(&channel); err != nil {
		return err
	}
	l := pq.NewListener(store.PostgresDSN(url), time.Second, 30*time.Second, func(event pq.ListenerEventType, err error) {
		switch event {
		case pq.ListenerEventReconnected:
			d.Logger.Info("hearing the outbox again")
			d.Kick() // what was written meanwhile
		case pq.ListenerEventDisconnected, pq.ListenerEventConnectionAttemptFailed:
			d.Logger.Warn("not hearing the outbox: other processes' events wait for the next poll, live updates pause", "event", event.String(), "error", err)
		}
	})
	defer func() { _ = l.Close() }()
	if err := l.Listen(channel); err != nil {
		return err
	}
	ping := time.NewTicker(30 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case n := <-l.Notify:
			if n == nil { // reconnected: the callback kicked
				continue
			}
			d.heard(n.Extra)
		case <-ping.C:
			go func() { _ = l.Ping() }()
		}
	}
}

// heard handles one notification of the outbox's channel.
func (d *Dispatcher) heard(payload string) {
	if payload == "" {
		d.Kick()
		return
	}
	var p Published
	if err := json.Unmarshal([]byte(payload), &p); err != nil {
		d.Logger.Warn("an outbox notification could not be read", "error", err)
		return
	}
	if d.Bus != nil {
		d.Bus.Publish(p)
	}
}
