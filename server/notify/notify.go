// Package notify is the viewer's notification centre: how many are
// unread, marking them read, how they hear of each kind of event, the
// language WIN writes to them in; and the live updates (live.go) that
// tell an open page of notifications and of changes to a case. The
// dispatcher (server/outbox) writes the notifications; the privacy rules
// (rule.OwnNotifications) let each user read only their own, which every
// function here relies on by reading as the viewer.
package notify

import (
	"context"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/notification"
	"github.com/progetto-win/win/ent/notificationpreference"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/action"
	"github.com/progetto-win/win/server/auth"
)

// UnreadCount is how many of the viewer's notifications are unread.
func UnreadCount(ctx context.Context, client *ent.Client) (int, error) {
	if _, err := auth.Viewer(ctx); err != nil {
		return 0, err
	}
	return client.Notification.Query().Where(notification.ReadAtIsNil()).Count(ctx)
}

// Preferences lists every kind of event told to people, with the
// viewer's choice or, without one, the kind's default.
func Preferences(ctx context.Context, client *ent.Client) ([]*Preference, error) {
	if _, err := auth.Viewer(ctx); err != nil {
		return nil, err
	}
	chosen, err := client.NotificationPreference.Query().All(ctx)
	if err != nil {
		return nil, err
	}
	choice := make(map[domain.EventKind]domain.Delivery, len(chosen))
	for _, p := range chosen {
		choice[p.Kind] = p.Delivery
	}
	var out []*Preference
	for _, r := range domain.EventRules {
		if !r.Kind.Notified() {
			continue
		}
		d, ok := choice[r.Kind]
		if !ok {
			d = r.Default
		}
		out = append(out, &Preference{Kind: r.Kind, Delivery: d, DefaultDelivery: r.Default})
	}
	return out, nil
}

// MarkRead marks one of the viewer's notifications read; another's is
// NOT_FOUND, as if it did not exist. Marking it again keeps the first time.
func MarkRead(ctx context.Context, id gid.ID) (*ent.Notification, error) {
	a, err := start(ctx)
	if err != nil {
		return nil, err
	}
	n, err := a.Client.Notification.Get(a.Ctx, id) // as the viewer: their own only
	if err != nil {
		return nil, err
	}
	if n.ReadAt != nil {
		return n, nil
	}
	return a.Client.Notification.UpdateOne(n).SetReadAt(time.Now()).Save(a.Sys)
}

// MarkAllRead marks all the viewer's unread notifications read and says
// how many there were.
func MarkAllRead(ctx context.Context) (int, error) {
	a, err := start(ctx)
	if err != nil {
		return 0, err
	}
	// The recipient is named in the update itself: the system's context,
	// which writes, is not narrowed to the viewer's own.
	return a.Client.Notification.Update().
		Where(notification.ReadAtIsNil(), notification.HasRecipientWith(user.ID(a.Viewer.UserID))).
		SetReadAt(time.Now()).Save(a.Sys)
}

// SetDelivery records how the viewer hears of a kind of event; a kind
// told to programs only is invalid input.
func SetDelivery(ctx context.Context, kind domain.EventKind, delivery domain.Delivery) (*Preference, error) {
	a, err := start(ctx)
	if err != nil {
		return nil, err
	}
	rule, ok := domain.RuleOf(kind)
	if !ok || !kind.Notified() {
		return nil, fault.Invalidf("kind", "%s is not told to people", kind)
	}
	n, err := a.Client.NotificationPreference.Update().
		Where(notificationpreference.KindEQ(kind), notificationpreference.HasUserWith(user.ID(a.Viewer.UserID))).
		SetDelivery(delivery).Save(a.Sys)
	if err == nil && n == 0 {
		err = a.Client.NotificationPreference.Create().SetKind(kind).SetDelivery(delivery).SetUserID(a.Viewer.UserID).Exec(a.Sys)
	}
	if err != nil {
		return nil, err
	}
	return &Preference{Kind: kind, Delivery: delivery, DefaultDelivery: rule.Default}, nil
}

// SetLanguage records the language WIN writes to the viewer in.
func SetLanguage(ctx context.Context, language domain.Language) (*ent.User, error) {
	a, err := start(ctx)
	if err != nil {
		return nil, err
	}
	return a.Client.User.UpdateOneID(a.Viewer.UserID).SetLanguage(language).Save(a.Sys)
}

// start begins a write for the viewer on their own account.
func start(ctx context.Context) (*action.Action, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	return a, a.Writable()
}
