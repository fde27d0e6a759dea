package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/webhook"
)

// startWebhooks starts the sender of webhook deliveries and returns the
// outbox's channel to partners' programs, for the dispatcher: its Kick
// wakes the sender once the dispatcher commits. With several server
// processes on PostgreSQL each runs a sender; they share the queue.
func startWebhooks(ctx context.Context, db *store.DB, lease time.Duration, logger *slog.Logger) *webhook.Channel {
	sender := webhook.NewSender(db, logger.With("job", "webhooks"))
	sender.Lease = lease
	go sender.Run(ctx)
	return &webhook.Channel{Sender: sender}
}
