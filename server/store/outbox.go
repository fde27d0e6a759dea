package store

import (
	"context"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/hook"
	"github.com/progetto-win/win/ent/schema"
)

// outboxWrites wakes this process's outbox dispatcher (server/outbox)
// when an event written here is committed; on PostgreSQL every process's
// dispatcher also hears it from the database (migration outbox_wake).
var outboxWrites = make(chan struct{}, 1)

// OutboxWritten is where the dispatcher hears that an event was written.
func OutboxWritten() <-chan struct{} { return outboxWrites }

// outboxWritten announces, after their commit, events created in the
// outbox.
var outboxWritten = hook.If(schema.Announce(func() {
	select {
	case outboxWrites <- struct{}{}:
	default:
	}
}), func(_ context.Context, m ent.Mutation) bool {
	return m.Type() == ent.TypeOutboxEvent && m.Op().Is(ent.OpCreate)
})
