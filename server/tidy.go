package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/notification"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/passwordtoken"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/webhookdelivery"
	"github.com/progetto-win/win/server/store"
)

// Kept: how long the records of what left WIN, and of sign-ins that
// ended, stay after they are done with (docs/notifications.md#what-is-kept).
const (
	keepDispatchedEvents = 30 * 24 * time.Hour  // the outbox, once dispatched
	keepDeliveryLog      = 30 * 24 * time.Hour  // an endpoint's delivery log, once settled
	keepSentMail         = 90 * 24 * time.Hour  // the outgoing mail page, once sent or given up
	keepNotifications    = 365 * 24 * time.Hour // a user's notification centre
	keepEnded            = 24 * time.Hour       // ended sessions and password links
)

// tidyHour is when, Italian time, the server deletes what is no longer
// kept: after the retention rule (retentionHour).
const tidyHour = 4

// tidy deletes, in one transaction under a lock every process shares,
// what is kept no longer at now; it returns how many rows of each kind.
// What stays pending (an event not dispatched, a delivery or a mail
// still to send) is kept whatever its age.
func tidy(ctx context.Context, db *store.DB, now time.Time) (map[string]int, error) {
	deleted := map[string]int{}
	_, err := db.WithLock(ctx, "tidy", func(tx *ent.Client) error {
		sys := rule.SystemContext(ctx)
		for what, del := range map[string]func() (int, error){
			"outbox events": func() (int, error) {
				return tx.OutboxEvent.Delete().Where(outboxevent.DispatchedAtLT(now.Add(-keepDispatchedEvents))).Exec(sys)
			},
			"webhook deliveries": func() (int, error) {
				return tx.WebhookDelivery.Delete().Where(webhookdelivery.StateNEQ(webhookdelivery.StatePENDING),
					webhookdelivery.CreatedAtLT(now.Add(-keepDeliveryLog))).Exec(sys)
			},
			"outgoing mails": func() (int, error) {
				return tx.OutgoingMail.Delete().Where(outgoingmail.StateNEQ(outgoingmail.StatePENDING),
					outgoingmail.CreatedAtLT(now.Add(-keepSentMail))).Exec(sys)
			},
			"notifications": func() (int, error) {
				return tx.Notification.Delete().Where(notification.CreatedAtLT(now.Add(-keepNotifications))).Exec(sys)
			},
			"password links": func() (int, error) {
				return tx.PasswordToken.Delete().Where(passwordtoken.ExpiresAtLT(now.Add(-keepEnded))).Exec(sys)
			},
			"sessions": func() (int, error) {
				return tx.Session.Delete().Where(session.ExpiresAtLT(now.Add(-keepEnded))).Exec(sys)
			},
		} {
			n, err := del()
			if err != nil {
				return err
			}
			deleted[what] = n
		}
		return nil
	})
	return deleted, err
}

// runTidy tidies at start and then daily at tidyHour.
func runTidy(ctx context.Context, db *store.DB, logger *slog.Logger) {
	for {
		if deleted, err := tidy(ctx, db, time.Now()); err != nil {
			logger.Error("deleting what is no longer kept", "error", err)
		} else {
			for what, n := range deleted {
				if n > 0 {
					logger.Info("no longer kept: deleted", "what", what, "count", n)
				}
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Until(domain.NextDaily(time.Now(), tidyHour))):
		}
	}
}
