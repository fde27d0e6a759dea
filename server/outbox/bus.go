package outbox

import (
	"context"
	"sync"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
)

// Published is a dispatched event as the live updates hear it, in every
// server process: the event, and the notification each recipient got.
type Published struct {
	Event         gid.ID
	Kind          domain.EventKind
	Case          gid.ID
	Actor         gid.ID
	Notifications map[gid.ID]gid.ID // recipient's user ID → notification ID
}

// Bus carries dispatched events to this process's live subscribers
// (GraphQL subscriptions). A subscriber too slow to keep up loses events
// rather than hold the others back: a live page is a convenience, the
// notification centre and the case are the record.
type Bus struct {
	mu   sync.Mutex
	subs map[chan Published]struct{}
}

// subscriberBuffer is how many events a subscriber may fall behind.
const subscriberBuffer = 64

// NewBus returns a bus with no subscribers.
func NewBus() *Bus { return &Bus{subs: map[chan Published]struct{}{}} }

// Subscribe returns the events published from now until ctx ends, when
// the channel is closed.
func (b *Bus) Subscribe(ctx context.Context) <-chan Published {
	ch := make(chan Published, subscriberBuffer)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	go func() {
		<-ctx.Done()
		b.mu.Lock()
		delete(b.subs, ch)
		b.mu.Unlock()
		close(ch)
	}()
	return ch
}

// Publish hands an event to every subscriber that has room for it.
func (b *Bus) Publish(p Published) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- p:
		default:
		}
	}
}

// Subscribers is how many subscriptions are open in this process.
func (b *Bus) Subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}
