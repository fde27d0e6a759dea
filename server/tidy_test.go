package main

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/notification"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/passwordtoken"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/webhookdelivery"
	"github.com/progetto-win/win/server/auth"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// TestTidyDeletesWhatIsKeptNoLonger: past its time, what is done with
// goes; what is recent, or still to send, stays.
func TestTidyDeletesWhatIsKeptNoLonger(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := rule.SystemContext(context.Background())
		c := db.Client()
		f := webtest.SeedOneOfEach(t, c)
		now := time.Now()
		day := 24 * time.Hour
		kept := map[string][]gid.ID{}

		event := func(at time.Time, dispatched bool) gid.ID {
			e := c.OutboxEvent.Create().SetKind(domain.EventCaseChanged).SetCaseID(f["Case"]).SetOrderingKey(string(f["Case"])).
				SetOccurredAt(at).SetActorID("").SetTableID("").SetOtherTableID("").SetDirectiveID("").SetUserID("").SetObjectID("")
			if dispatched {
				e.SetDispatchedAt(at)
			}
			return e.SaveX(ctx).ID
		}
		event(now.Add(-31*day), true)
		kept["outbox events"] = []gid.ID{event(now.Add(-60*day), false), event(now.Add(-29*day), true)}

		tok, _, err := auth.New(c).CreateToken(ctx, &viewer.Viewer{UserID: f["User"]}, "gestionale", apitoken.ScopeReadWrite, now.Add(time.Hour), auth.Request{})
		if err != nil {
			t.Fatal(err)
		}
		hook := c.Webhook.Create().SetURL("https://crm.example/win").SetKinds([]domain.EventKind{domain.EventCaseChanged}).
			SetSecret("whsec_dGlkeQ").SetOwnerID(f["User"]).SetTokenID(tok.ID).SaveX(ctx)
		delivery := func(at time.Time, state webhookdelivery.State) gid.ID {
			return c.WebhookDelivery.Create().SetWebhook(hook).SetEventID(gid.New("obx")).SetKind(domain.EventCaseChanged).
				SetOrderingKey("k").SetPayload("{}").SetState(state).SetCreatedAt(at).SaveX(ctx).ID
		}
		delivery(now.Add(-31*day), webhookdelivery.StateDELIVERED)
		delivery(now.Add(-31*day), webhookdelivery.StateFAILED)
		kept["webhook deliveries"] = []gid.ID{delivery(now.Add(-31*day), webhookdelivery.StatePENDING), delivery(now.Add(-29*day), webhookdelivery.StateDELIVERED)}

		mail := func(at time.Time, state outgoingmail.State) gid.ID {
			return c.OutgoingMail.Create().SetKind(outgoingmail.KindNOTIFICATION).SetToAddress("operator@demo.example").
				SetLanguage(domain.Italian).SetSubject("WIN").SetTextBody("t").SetHTMLBody("<p>t</p>").
				SetMessageID("<" + string(gid.New("mal")) + "@win.example>").SetState(state).SetCreatedAt(at).SaveX(ctx).ID
		}
		mail(now.Add(-91*day), outgoingmail.StateSENT)
		kept["outgoing mails"] = []gid.ID{mail(now.Add(-91*day), outgoingmail.StatePENDING), mail(now.Add(-89*day), outgoingmail.StateLOGGED)}

		note := func(at time.Time) gid.ID {
			return c.Notification.Create().SetKind(domain.EventReferralReceived).SetEventID(gid.New("obx")).SetRecipientID(f["User"]).
				SetCreatedAt(at).SaveX(ctx).ID
		}
		note(now.Add(-366 * day))
		kept["notifications"] = []gid.ID{note(now.Add(-364 * day))}

		link := func(expires time.Time) gid.ID {
			return c.PasswordToken.Create().SetTokenHash(string(gid.New("pwt"))).SetPurpose(passwordtoken.PurposeRESET).
				SetExpiresAt(expires).SetUserID(f["User"]).SaveX(ctx).ID
		}
		link(now.Add(-2 * day))
		kept["password links"] = []gid.ID{link(now.Add(-time.Hour)), link(now.Add(time.Hour))}

		sess := func(expires time.Time) gid.ID {
			return c.Session.Create().SetTokenHash(string(gid.New("ses"))).SetExpiresAt(expires).SetUserID(f["User"]).SaveX(ctx).ID
		}
		sess(now.Add(-2 * day))
		kept["sessions"] = []gid.ID{sess(now.Add(time.Hour))}

		deleted, err := tidy(context.Background(), db, now)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{"outbox events": 1, "webhook deliveries": 2, "outgoing mails": 1, "notifications": 1, "password links": 1, "sessions": 1}
		if !maps.Equal(deleted, want) {
			t.Errorf("deleted %v, want %v", deleted, want)
		}
		// What is kept is what is left.
		left := map[string]func(ids ...gid.ID) (int, int){
			"outbox events": func(ids ...gid.ID) (int, int) {
				return c.OutboxEvent.Query().Where(outboxevent.IDIn(ids...)).CountX(ctx), c.OutboxEvent.Query().CountX(ctx)
			},
			"webhook deliveries": func(ids ...gid.ID) (int, int) {
				return c.WebhookDelivery.Query().Where(webhookdelivery.IDIn(ids...)).CountX(ctx), c.WebhookDelivery.Query().CountX(ctx)
			},
			"outgoing mails": func(ids ...gid.ID) (int, int) {
				return c.OutgoingMail.Query().Where(outgoingmail.IDIn(ids...)).CountX(ctx), c.OutgoingMail.Query().CountX(ctx)
			},
			"notifications": func(ids ...gid.ID) (int, int) {
				return c.Notification.Query().Where(notification.IDIn(ids...)).CountX(ctx), c.Notification.Query().CountX(ctx)
			},
			"password links": func(ids ...gid.ID) (int, int) {
				return c.PasswordToken.Query().Where(passwordtoken.IDIn(ids...)).CountX(ctx), c.PasswordToken.Query().CountX(ctx)
			},
			"sessions": func(ids ...gid.ID) (int, int) {
				return c.Session.Query().Where(session.IDIn(ids...)).CountX(ctx), c.Session.Query().CountX(ctx)
			},
		}
		for what, ids := range kept {
			if found, all := left[what](ids...); found != len(ids) || all != len(ids) {
				t.Errorf("%s: %d of the %d kept are left, and %d in all", what, found, len(ids), all)
			}
		}
		if again, err := tidy(context.Background(), db, now); err != nil || total(again) != 0 {
			t.Errorf("a second run deleted %v (%v), want nothing", again, err)
		}
	})
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
