package web_test

import (
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent/user"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

// The notification centre answers about the viewer's own notifications
// only: counts, marks, preferences, language.
func TestNotificationCentre(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mine, _ := w.notify(t, w.OpID, ""), w.notify(t, w.OpID, "")
		theirs := w.notify(t, w.CoordID, "")
		unread := func(a *webtest.API) int {
			var n int
			a.Must(`{ unreadNotificationCount }`, nil, &n)
			return n
		}
		if got := unread(w.Op); got != 2 {
			t.Errorf("the operator's unread: %d, want 2 (their own only)", got)
		}
		if got := unread(w.Vinci); got != 0 {
			t.Errorf("Vinci's unread: %d, want 0", got)
		}

		const mark = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`
		r := w.Op.Post(mark, map[string]any{"id": theirs.ID})
		webtest.Refused(t, r, web.CodeNotFound, "")
		webtest.AssertNoLeak(t, r)
		if w.Client.Notification.GetX(w.Ctx, theirs.ID).ReadAt != nil {
			t.Error("the operator marked the coordinator's notification read")
		}
		var marked struct{ ID, ReadAt *string }
		w.Op.Must(mark, map[string]any{"id": mine.ID}, &marked)
		if marked.ReadAt == nil || unread(w.Op) != 1 {
			t.Errorf("marking one read: %+v, %d unread", marked, unread(w.Op))
		}
		var n int
		w.Op.Must(`mutation { markAllNotificationsRead }`, nil, &n)
		if n != 1 || unread(w.Op) != 0 {
			t.Errorf("marking all read: %d marked, %d unread", n, unread(w.Op))
		}
		if unread(w.Coord) != 1 {
			t.Error("marking all the operator's read touched the coordinator's")
		}
		var list struct{ TotalCount int }
		w.Op.Must(`{ notifications(first: 10) { totalCount } }`, nil, &list)
		if list.TotalCount != 2 {
			t.Errorf("the operator's list: %d, want 2", list.TotalCount)
		}
	})
}

func TestNotificationPreferences(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		type pref struct{ Kind, Delivery, DefaultDelivery string }
		prefs := func() map[string]pref {
			var list []pref
			w.Op.Must(`{ notificationPreferences { kind delivery defaultDelivery } }`, nil, &list)
			out := map[string]pref{}
			for _, p := range list {
				out[p.Kind] = p
			}
			return out
		}
		got := prefs()
		for _, r := range domain.EventRules {
			p, ok := got[string(r.Kind)]
			if ok != r.Kind.Notified() {
				t.Errorf("%s listed: %v, told to people: %v", r.Kind, ok, r.Kind.Notified())
			}
			if ok && (p.Delivery != string(r.Default) || p.DefaultDelivery != string(r.Default)) {
				t.Errorf("%s before any choice: %+v, want the default %s", r.Kind, p, r.Default)
			}
		}
		const set = `mutation($k: EventKind!, $d: NotificationDelivery!) { setNotificationDelivery(kind: $k, delivery: $d) { kind delivery defaultDelivery } }`
		for _, d := range []string{"DIGEST", "IN_APP"} { // the second changes the first
			w.Op.Must(set, map[string]any{"k": "REFERRAL_DECLINED", "d": d}, nil)
		}
		if p := prefs()["REFERRAL_DECLINED"]; p.Delivery != "IN_APP" || p.DefaultDelivery != "EMAIL" {
			t.Errorf("after choosing IN_APP: %+v", p)
		}
		var coord []pref
		w.Coord.Must(`{ notificationPreferences { kind delivery defaultDelivery } }`, nil, &coord)
		for _, p := range coord {
			if p.Kind == "REFERRAL_DECLINED" && p.Delivery != "EMAIL" {
				t.Errorf("the operator's choice shows in the coordinator's: %+v", p)
			}
		}
		webtest.Refused(t, w.Op.Post(set, map[string]any{"k": "CASE_CHANGED", "d": "EMAIL"}), web.CodeBadUserInput, "kind")

		var u struct{ Language string }
		w.Op.Must(`mutation { setLanguage(language: EN) { language } }`, nil, &u)
		if u.Language != "EN" || w.Client.User.Query().Where(user.ID(w.OpID)).OnlyX(w.Ctx).Language != domain.English {
			t.Errorf("setLanguage: %+v", u)
		}
		if w.Client.User.GetX(w.Ctx, w.CoordID).Language != domain.Italian {
			t.Error("the operator's language changed the coordinator's")
		}
	})
}
