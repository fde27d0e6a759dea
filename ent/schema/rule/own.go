package rule

import (
	"context"

	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/notification"
	"github.com/progetto-win/win/ent/notificationpreference"
	"github.com/progetto-win/win/ent/privacy"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/ent/webhook"
	"github.com/progetto-win/win/ent/webhookdelivery"
)

// OwnSessions narrows session queries to the viewer's own.
func OwnSessions() privacy.QueryRule {
	return privacy.SessionQueryRuleFunc(func(ctx context.Context, q *ent.SessionQuery) error {
		q.Where(session.HasUserWith(user.ID(viewer.FromContext(ctx).UserID)))
		return privacy.Skip
	})
}

// OwnAPITokens narrows API-token queries to the viewer's own.
func OwnAPITokens() privacy.QueryRule {
	return privacy.APITokenQueryRuleFunc(func(ctx context.Context, q *ent.APITokenQuery) error {
		q.Where(apitoken.HasUserWith(user.ID(viewer.FromContext(ctx).UserID)))
		return privacy.Skip
	})
}

// OwnNotifications narrows notification queries to the viewer's own.
func OwnNotifications() privacy.QueryRule {
	return privacy.NotificationQueryRuleFunc(func(ctx context.Context, q *ent.NotificationQuery) error {
		q.Where(notification.HasRecipientWith(user.ID(viewer.FromContext(ctx).UserID)))
		return privacy.Skip
	})
}

// OwnNotificationPreferences narrows preference queries to the viewer's own.
func OwnNotificationPreferences() privacy.QueryRule {
	return privacy.NotificationPreferenceQueryRuleFunc(func(ctx context.Context, q *ent.NotificationPreferenceQuery) error {
		q.Where(notificationpreference.HasUserWith(user.ID(viewer.FromContext(ctx).UserID)))
		return privacy.Skip
	})
}

// OwnWebhooks narrows webhook queries to the viewer's own.
func OwnWebhooks() privacy.QueryRule {
	return privacy.WebhookQueryRuleFunc(func(ctx context.Context, q *ent.WebhookQuery) error {
		q.Where(webhook.HasOwnerWith(user.ID(viewer.FromContext(ctx).UserID)))
		return privacy.Skip
	})
}

// OwnWebhookDeliveries narrows delivery queries to the viewer's endpoints'.
func OwnWebhookDeliveries() privacy.QueryRule {
	return privacy.WebhookDeliveryQueryRuleFunc(func(ctx context.Context, q *ent.WebhookDeliveryQuery) error {
		q.Where(webhookdelivery.HasWebhookWith(webhook.HasOwnerWith(user.ID(viewer.FromContext(ctx).UserID))))
		return privacy.Skip
	})
}
