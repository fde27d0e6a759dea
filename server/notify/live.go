package notify

import (
	"context"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/outbox"
)

// Live turns the events this process's dispatcher publishes (outbox.Bus)
// into the viewer's live updates: GraphQL subscriptions. Whatever it
// sends is read again as the viewer when the event arrives, so a live
// update never shows more than a query made at that moment would.
type Live struct {
	Client *ent.Client
	Bus    *outbox.Bus
	// SignedIn says whether the viewer's session or token still holds
	// (auth.Service.StillSignedIn); asked at each event and every
	// Recheck, the subscription ends when it does not.
	SignedIn func(context.Context, *viewer.Viewer) (bool, error)
	// Recheck is how often an idle subscription checks SignedIn;
	// zero means DefaultRecheck.
	Recheck time.Duration
}

// DefaultRecheck is how often an idle subscription checks that its
// viewer is still signed in.
const DefaultRecheck = time.Minute

// NotificationsAdded sends the viewer's notifications as the dispatcher
// writes them; other users' never reach it (each is read as the viewer).
func (l *Live) NotificationsAdded(ctx context.Context) (<-chan *ent.Notification, error) {
	v, err := auth.Viewer(ctx)
	if err != nil {
		return nil, err
	}
	out := make(chan *ent.Notification, 1)
	mine := func(p outbox.Published) bool { _, ok := p.Notifications[v.UserID]; return ok }
	go listen(ctx, l, v, out, mine, func(p outbox.Published) (bool, error) {
		n, err := l.Client.Notification.Get(ctx, p.Notifications[v.UserID])
		if ent.IsNotFound(err) {
			return true, nil // not the viewer's after all, or gone
		}
		if err != nil {
			return false, err
		}
		return send(ctx, out, n), nil
	})
	return out, nil
}

// CaseChanges sends the changes of a case the viewer may read, as they
// are committed, read as the viewer; a case they may not read is
// NOT_FOUND, as for node, and the subscription ends when they no longer
// may.
func (l *Live) CaseChanges(ctx context.Context, id gid.ID) (<-chan *outbox.CaseChange, error) {
	v, err := auth.Viewer(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := l.Client.CaseFile.Get(ctx, id); err != nil {
		return nil, err
	}
	out := make(chan *outbox.CaseChange, 1)
	about := func(p outbox.Published) bool { return p.Case == id }
	go listen(ctx, l, v, out, about, func(p outbox.Published) (bool, error) {
		c, err := l.Client.CaseFile.Get(ctx, id)
		if ent.IsNotFound(err) {
			return false, nil // out of the viewer's sight now: the end
		}
		if err != nil {
			return false, err
		}
		change := &outbox.CaseChange{Case: c, Version: c.Version, ByViewer: p.Actor == v.UserID}
		if p.Kind != domain.EventCaseChanged {
			kind := p.Kind
			change.Kind = &kind
		}
		return send(ctx, out, change), nil
	})
	return out, nil
}

// listen follows the bus for a subscription until ctx ends, the viewer
// is no longer signed in, or handle says to stop: handle gets the
// events the subscription is about, once the viewer is found still
// signed in (not at every event of the process: that would cost a
// statement per subscriber); then it closes out,
// which ends the subscription's stream. Errors end it too: the client
// subscribes again, and what it missed is in the notification centre
// and the case.
func listen[T any](ctx context.Context, l *Live, v *viewer.Viewer, out chan T, about func(outbox.Published) bool, handle func(outbox.Published) (bool, error)) {
	defer close(out)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	events := l.Bus.Subscribe(ctx)
	every := l.Recheck
	if every <= 0 {
		every = DefaultRecheck
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	signedIn := func() bool {
		if l.SignedIn == nil {
			return true
		}
		ok, err := l.SignedIn(ctx, v)
		return err == nil && ok
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if !signedIn() {
				return
			}
		case p, ok := <-events:
			if !ok {
				return
			}
			if !about(p) {
				continue
			}
			if !signedIn() {
				return
			}
			if goOn, err := handle(p); err != nil || !goOn {
				return
			}
		}
	}
}

// send hands a value to the subscription, unless it ended meanwhile.
func send[T any](ctx context.Context, out chan<- T, x T) bool {
	select {
	case out <- x:
		return true
	case <-ctx.Done():
		return false
	}
}
